/**
 * How the runtime driver talks to conmon and runc: processes, sync pipes, the attach socket, exit
 * files and cgroup files. Not for other modules; it must not decide what is legal for a container.
 */
package berth.runtime.internal;

/**
 * Reads container logs that conmon writes in the k8s-file format. Read-only: never writes, rotates
 * or removes a log file.
 */
package berth.runtime.logs;

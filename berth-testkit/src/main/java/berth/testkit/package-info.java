/**
 * Test fixtures for integration tests: {@link berth.testkit.BerthTest} starts a real berthd child
 * process per test class on its own socket, data root and exec root, imports the busybox test image
 * and checks afterwards that nothing (runc state, conmon, mounts, cgroups) was left behind. It talks
 * to the daemon only from outside (socket, CLIs, /proc): it must not use the product's classes.
 */
package berth.testkit;

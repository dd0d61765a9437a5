/**
 * Linux system calls Berth needs that the JDK lacks (mount, mknod, xattrs, lchown, utimensat),
 * called through the FFM API. Thin wrappers only: no policy, no knowledge of images or containers.
 */
package berth.core.linux;

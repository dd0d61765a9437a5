/**
 * Tar archives of and into directory trees: the layer tar machinery's shared parts and the
 * operations behind {@code docker cp} and {@code docker export}. Every path is resolved as if
 * chrooted in a root; nothing here writes outside the root it is given.
 */
package berth.snapshot.archive;

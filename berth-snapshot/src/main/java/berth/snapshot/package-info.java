/** Snapshots (overlayfs), Mount records, layer apply/diff. Never runs containers. */
package berth.snapshot;

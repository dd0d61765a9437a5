/**
 * Snapshots on overlayfs ({@link berth.snapshot.OverlaySnapshotter}), {@link berth.snapshot.Mount}
 * records and the {@link berth.snapshot.Mounter} that applies them, layer apply and write (tar,
 * whiteouts) and {@code docker diff}. Never runs containers and knows nothing of images.
 */
package berth.snapshot;

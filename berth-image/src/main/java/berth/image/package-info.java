/**
 * Images: names, configs, layers unpacked into snapshots; save/load/import/commit
 * ({@link berth.image.LocalImageStore}). No container logic: callers say which images are in use.
 */
package berth.image;

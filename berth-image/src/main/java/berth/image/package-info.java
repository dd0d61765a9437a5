/** Images: names, configs, layers unpacked into snapshots; save/load/import/commit. No container logic. */
package berth.image;

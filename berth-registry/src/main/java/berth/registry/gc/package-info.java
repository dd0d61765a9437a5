/** Garbage collection of the registry's storage: mark from manifests, sweep unreferenced blobs. */
package berth.registry.gc;

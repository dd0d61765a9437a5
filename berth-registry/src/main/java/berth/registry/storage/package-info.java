/**
 * The registry's storage on the filesystem: content-addressed blobs, upload sessions, and each
 * repository's links (layers, manifests, tags, referrers). Knows nothing of HTTP beyond reading
 * a request body stream.
 */
package berth.registry.storage;

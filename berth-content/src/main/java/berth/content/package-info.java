/** The content store: blobs by sha256 digest, verified and atomic. Knows nothing of images or layers. */
package berth.content;

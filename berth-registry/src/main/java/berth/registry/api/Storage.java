package berth.registry.api;

import berth.registry.storage.BlobStore;
import berth.registry.storage.RepositoryStore;
import berth.registry.storage.UploadStore;
import java.io.IOException;
import java.nio.file.Path;

/** The three stores of one storage root, opened together. */
public record Storage(BlobStore blobs, UploadStore uploads, RepositoryStore repos) {
  public static Storage open(Path root) throws IOException {
    BlobStore blobs = new BlobStore(root);
    return new Storage(blobs, new UploadStore(root, blobs), new RepositoryStore(root));
  }
}

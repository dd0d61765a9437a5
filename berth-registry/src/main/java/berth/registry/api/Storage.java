package berth.registry.api;

import berth.registry.storage.BlobStore;
import berth.registry.storage.RepositoryStore;
import berth.registry.storage.StorageLock;
import berth.registry.storage.UploadStore;
import java.io.IOException;
import java.nio.file.Path;

/** The stores of one storage root, opened together, and the lock they share with gc. */
public record Storage(Path root, BlobStore blobs, UploadStore uploads, RepositoryStore repos, StorageLock lock) {
  public static Storage open(Path root) throws IOException {
    BlobStore blobs = new BlobStore(root);
    RepositoryStore repos = new RepositoryStore(root);
    StorageLock lock = new StorageLock(root);
    return new Storage(root, blobs, new UploadStore(root, blobs, repos, lock), repos, lock);
  }
}

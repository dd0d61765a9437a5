package berth.registry.storage;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One upload session: its repository, the file its bytes go to, how many it holds and (while the
 * bytes came in order through this process) the running sha256 of them. Guarded by {@code lock}.
 */
public final class Upload {
  final String id;
  final String repository;
  final Path dir;
  final ReentrantLock lock = new ReentrantLock();
  long size;
  MessageDigest hash; // null after a restart: recomputed from the file when finished
  boolean gone;

  Upload(String id, String repository, Path dir, long size, MessageDigest hash) {
    this.id = id;
    this.repository = repository;
    this.dir = dir;
    this.size = size;
    this.hash = hash;
  }

  public String id() {
    return id;
  }

  public String repository() {
    return repository;
  }

  /** Bytes received so far. */
  public long size() {
    lock.lock();
    try {
      return size;
    } finally {
      lock.unlock();
    }
  }

  Path data() {
    return dir.resolve("data");
  }
}

package berth.registry.storage;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * The one lock between the server and {@code registry gc}, across processes: an fcntl lock on
 * {@code <storage>/gc.lock}. The server holds it shared while it makes content referenced (an
 * upload's commit and link, a mount, a manifest put); gc holds it exclusive while it marks and
 * sweeps, so nothing it decided was garbage becomes referenced before it is gone.
 *
 * <p>The server's threads share one fcntl lock (a process cannot hold two overlapping ones): the
 * first holder takes it, the last releases it. Under constant pushes gc may wait for a gap.
 */
public final class StorageLock {
  private final FileChannel channel;
  private int holders;
  private FileLock lock;

  public StorageLock(Path storageRoot) throws IOException {
    this.channel = FileChannel.open(storageRoot.resolve("gc.lock"), StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
  }

  /** Work done while gc cannot run. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws IOException;
  }

  /** Runs {@code w} holding the lock shared; waits while a gc holds it. */
  public <T> T shared(Work<T> w) throws IOException {
    acquireShared();
    try {
      return w.run();
    } finally {
      releaseShared();
    }
  }

  private synchronized void acquireShared() throws IOException {
    if (holders == 0) {
      lock = channel.lock(0, Long.MAX_VALUE, true);
    }
    holders++;
  }

  private synchronized void releaseShared() throws IOException {
    if (--holders == 0) {
      lock.release();
      lock = null;
    }
  }

  /**
   * Takes the lock exclusive for gc, waiting at most {@code wait} for the server's in-flight
   * writes to end; closing the result releases it.
   */
  public static AutoCloseable exclusive(Path storageRoot, Duration wait) throws IOException {
    FileChannel ch = FileChannel.open(storageRoot.resolve("gc.lock"), StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      while (true) {
        FileLock l = ch.tryLock(0, Long.MAX_VALUE, false);
        if (l != null) {
          return ch::close; // closing the channel releases the lock
        }
        if (System.nanoTime() - deadline > 0) {
          throw new IOException("the registry at " + storageRoot + " kept writing for " + wait.toSeconds()
              + "s: no gap to collect garbage in; try again, or set readonly: true");
        }
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      ch.close();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted waiting for the storage lock");
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }
}

package berth.daemon;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code <data-root>/berthd.lock}, held for the daemon's life. The kernel
 * drops it when the process dies, so a crash never leaves a stale lock behind.
 */
final class DataRootLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private DataRootLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static DataRootLock acquire(Path dataRoot) throws IOException {
    Files.createDirectories(dataRoot);
    Path file = dataRoot.resolve("berthd.lock");
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock l;
    try {
      l = ch.tryLock();
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    if (l == null) {
      ch.close();
      throw new IllegalStateException("another berthd is already running with data root " + dataRoot
          + " (" + file + " is locked); stop it first or use a different --data-root");
    }
    ch.truncate(0);
    ch.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes()));
    return new DataRootLock(ch, l);
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}

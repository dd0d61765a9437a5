package berth.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Durable writes: a temp file in the same directory, fsynced, then renamed over the target, then
 * the directory fsynced. A reader sees the old content or the new, never a torn file.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes {@code data} to {@code target} atomically and durably. */
  public static void write(Path target, byte[] data) throws IOException {
    write(target, out -> out.write(data));
  }

  /** Streams content into {@code target} atomically and durably. */
  public static void write(Path target, Writer writer) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
          OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
        writer.write(out);
        out.flush();
        ch.force(true);
      }
      moveAtomic(tmp, target);
      fsyncDir(dir);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Renames {@code from} over {@code to} in one step. */
  public static void moveAtomic(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("atomic rename not supported from " + from + " to " + to, e);
    }
  }

  /** Makes a rename or create in {@code dir} durable. */
  public static void fsyncDir(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some filesystems refuse fsync on directories; the rename itself is still atomic.
    }
  }

  /** Content producer for {@link #write(Path, Writer)}. */
  @FunctionalInterface
  public interface Writer {
    void write(OutputStream out) throws IOException;
  }
}

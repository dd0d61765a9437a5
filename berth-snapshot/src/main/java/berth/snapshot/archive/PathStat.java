package berth.snapshot.archive;

import java.time.Instant;

/**
 * What Docker puts (base64 JSON) in the {@code X-Docker-Container-Path-Stat} header.
 *
 * @param name base name of the requested path
 * @param size lstat size
 * @param mode Go {@code os.FileMode} bits: permissions plus type bits (dir 1<<31, symlink 1<<27...)
 * @param mtime modification time
 * @param linkTarget for a symlink, its target resolved inside the root as an absolute path; else ""
 */
public record PathStat(String name, long size, long mode, Instant mtime, String linkTarget) {
  public static final long MODE_DIR = 1L << 31;
  public static final long MODE_SYMLINK = 1L << 27;
  public static final long MODE_DEVICE = 1L << 26;
  public static final long MODE_NAMED_PIPE = 1L << 25;
  public static final long MODE_SOCKET = 1L << 24;
  public static final long MODE_SETUID = 1L << 23;
  public static final long MODE_SETGID = 1L << 22;
  public static final long MODE_CHAR_DEVICE = 1L << 21;
  public static final long MODE_STICKY = 1L << 20;

  /** Converts a Linux {@code st_mode} to Go's {@code os.FileMode}. */
  public static long goFileMode(int stMode) {
    long m = stMode & 0777;
    switch (stMode & 0170000) {
      case 0040000 -> m |= MODE_DIR;
      case 0120000 -> m |= MODE_SYMLINK;
      case 0060000 -> m |= MODE_DEVICE;
      case 0020000 -> m |= MODE_DEVICE | MODE_CHAR_DEVICE;
      case 0010000 -> m |= MODE_NAMED_PIPE;
      case 0140000 -> m |= MODE_SOCKET;
      default -> { }
    }
    if ((stMode & 04000) != 0) {
      m |= MODE_SETUID;
    }
    if ((stMode & 02000) != 0) {
      m |= MODE_SETGID;
    }
    if ((stMode & 01000) != 0) {
      m |= MODE_STICKY;
    }
    return m;
  }
}

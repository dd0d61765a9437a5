package berth.core.linux;

import java.io.IOException;

/** A failed system call: the message names the call and its path, {@link #errno()} the cause. */
public final class ErrnoException extends IOException {
  private static final long serialVersionUID = 1L;
  private final int errno;

  public ErrnoException(String message, int errno) {
    super(message);
    this.errno = errno;
  }

  /** The C {@code errno} value, e.g. {@link Syscalls#ENOENT}. */
  public int errno() {
    return errno;
  }
}

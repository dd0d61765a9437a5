package berth.runtime.internal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a line to a FIFO without blocking. Java opens files only in blocking mode, and opening a
 * FIFO for writing blocks forever when nobody reads it (conmon gone); O_NONBLOCK makes that ENXIO.
 */
public final class Fifo {
  private static final int O_WRONLY = 1;
  private static final int O_NONBLOCK = 0x800;
  private static final int O_CLOEXEC = 0x80000;
  private static final int ENXIO = 6;
  private static final Linker LINKER = Linker.nativeLinker();
  private static final StructLayout STATE = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO = STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
  private static final Linker.Option CAPTURE = Linker.Option.captureCallState("errno");
  private static final MethodHandle OPEN = LINKER.downcallHandle(
      LINKER.defaultLookup().find("open").orElseThrow(),
      FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT), CAPTURE);
  private static final MethodHandle WRITE = LINKER.downcallHandle(
      LINKER.defaultLookup().find("write").orElseThrow(),
      FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG), CAPTURE);
  private static final MethodHandle CLOSE = LINKER.downcallHandle(
      LINKER.defaultLookup().find("close").orElseThrow(),
      FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

  private Fifo() {}

  /** Writes {@code line} in one write (atomic for FIFOs under PIPE_BUF). */
  public static void write(Path fifo, String line) throws IOException {
    byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(STATE);
      int fd = (int) OPEN.invokeExact(state, arena.allocateFrom(fifo.toString()), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
      if (fd < 0) {
        int errno = (int) ERRNO.get(state, 0L);
        throw new IOException("open " + fifo + ": " + (errno == ENXIO ? "no reader (conmon not running)" : "errno " + errno));
      }
      try {
        MemorySegment buf = arena.allocate(bytes.length);
        MemorySegment.copy(bytes, 0, buf, ValueLayout.JAVA_BYTE, 0, bytes.length);
        long n = (long) WRITE.invokeExact(state, fd, buf, (long) bytes.length);
        if (n != bytes.length) {
          throw new IOException("write " + fifo + ": errno " + (int) ERRNO.get(state, 0L));
        }
      } finally {
        int ignored = (int) CLOSE.invokeExact(fd);
      }
    } catch (IOException e) {
      throw e;
    } catch (Throwable t) {
      throw new IOException("write " + fifo, t);
    }
  }
}

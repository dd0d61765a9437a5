package berth.runtime.internal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A connected AF_UNIX SOCK_SEQPACKET client socket, done with FFM because Java's
 * {@code UnixDomainSocketAddress} channels only speak SOCK_STREAM, and conmon's attach socket is
 * SEQPACKET: every packet conmon sends starts with one byte naming the stream, so packet boundaries
 * matter and a stream socket would refuse to connect (EPROTOTYPE).
 *
 * <p>Reads block in native code, pinning a virtual thread's carrier: read from a platform thread
 * (as {@link SocketAttachSession} does). {@link #close} first shuts the socket down so a reader
 * blocked in recv wakes up with end-of-stream.
 */
public final class SeqPacketSocket implements AutoCloseable {
  private static final int AF_UNIX = 1;
  private static final int SOCK_SEQPACKET = 5;
  private static final int SOCK_CLOEXEC = 0x80000;
  private static final int O_PATH = 0x200000;
  private static final int O_CLOEXEC = 0x80000;
  private static final int SHUT_WR = 1;
  private static final int SHUT_RDWR = 2;
  private static final int MSG_NOSIGNAL = 0x4000;
  private static final int EINTR = 4;
  private static final int SUN_PATH_MAX = 108;

  private static final Linker LINKER = Linker.nativeLinker();
  private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO =
      CALL_STATE.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
  private static final Linker.Option CAPTURE = Linker.Option.captureCallState("errno");

  private static final MethodHandle SOCKET = fn("socket",
      FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
  private static final MethodHandle CONNECT = fn("connect",
      FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
  private static final MethodHandle RECV = fn("recv",
      FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
  private static final MethodHandle SEND = fn("send",
      FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
  private static final MethodHandle SHUTDOWN = fn("shutdown",
      FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
  private static final MethodHandle CLOSE = fn("close",
      FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
  private static final MethodHandle OPEN = fn("open",
      FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
  private static final MethodHandle STRERROR = LINKER.downcallHandle(
      LINKER.defaultLookup().find("strerror").orElseThrow(),
      FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT));

  private final int fd;
  private final Object closeLock = new Object();
  private boolean closed;
  // recv/send hold the read lock during their syscall; close takes the write lock before close(2),
  // so a descriptor number is never used after it is closed (and perhaps reused by another open).
  private final java.util.concurrent.locks.ReentrantReadWriteLock inUse = new java.util.concurrent.locks.ReentrantReadWriteLock();

  private SeqPacketSocket(int fd) {
    this.fd = fd;
  }

  private static MethodHandle fn(String name, FunctionDescriptor desc) {
    return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(), desc, CAPTURE);
  }

  /**
   * Connects to the socket at {@code path}. Paths longer than sun_path allows are reached through
   * {@code /proc/self/fd/N/name} with N an O_PATH descriptor of the parent directory — the same
   * trick conmon uses to bind them.
   */
  public static SeqPacketSocket connect(Path path) throws IOException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(CALL_STATE);
      int fd = (int) SOCKET.invokeExact(state, AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
      if (fd < 0) {
        throw error("socket", state);
      }
      int dirFd = -1;
      try {
        String target = path.toString();
        if (target.getBytes(StandardCharsets.UTF_8).length >= SUN_PATH_MAX) {
          MemorySegment dir = arena.allocateFrom(path.getParent().toString());
          dirFd = (int) OPEN.invokeExact(state, dir, O_PATH | O_CLOEXEC);
          if (dirFd < 0) {
            throw error("open " + path.getParent(), state);
          }
          target = "/proc/self/fd/" + dirFd + "/" + path.getFileName();
        }
        MemorySegment addr = sockaddr(arena, target);
        int rc = (int) CONNECT.invokeExact(state, fd, addr, (int) addr.byteSize());
        if (rc < 0) {
          throw error("connect " + path, state);
        }
        return new SeqPacketSocket(fd);
      } catch (IOException | RuntimeException e) {
        int ignored = (int) CLOSE.invokeExact(state, fd);
        throw e;
      } finally {
        if (dirFd >= 0) {
          int ignored = (int) CLOSE.invokeExact(state, dirFd);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Throwable t) {
      throw new IOException("connect " + path, t);
    }
  }

  private static MemorySegment sockaddr(Arena arena, String path) {
    byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
    MemorySegment addr = arena.allocate(2 + SUN_PATH_MAX);
    addr.set(ValueLayout.JAVA_SHORT, 0, (short) AF_UNIX);
    MemorySegment.copy(bytes, 0, addr, ValueLayout.JAVA_BYTE, 2, bytes.length);
    return addr.asSlice(0, 2 + bytes.length + 1);
  }

  /** Receives one packet into {@code buf}; returns its length, or -1 at end of stream. */
  public int recv(byte[] buf) throws IOException {
    inUse.readLock().lock();
    try {
      return isClosed() ? -1 : recvLocked(buf);
    } finally {
      inUse.readLock().unlock();
    }
  }

  private int recvLocked(byte[] buf) throws IOException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment seg = arena.allocate(buf.length);
      MemorySegment state = arena.allocate(CALL_STATE);
      while (true) {
        long n = (long) RECV.invokeExact(state, fd, seg, (long) buf.length, 0);
        if (n > 0) {
          MemorySegment.copy(seg, ValueLayout.JAVA_BYTE, 0, buf, 0, (int) n);
          return (int) n;
        }
        if (n == 0) {
          return -1;
        }
        if ((int) ERRNO.get(state, 0L) != EINTR) {
          if (isClosed()) {
            return -1;
          }
          throw error("recv", state);
        }
      }
    } catch (IOException e) {
      throw e;
    } catch (Throwable t) {
      throw new IOException("recv", t);
    }
  }

  /** Sends {@code len} bytes as one packet (conmon forwards them to the process's stdin). */
  public void send(byte[] data, int off, int len) throws IOException {
    inUse.readLock().lock();
    try {
      if (isClosed()) {
        throw new IOException("send: socket closed");
      }
      sendLocked(data, off, len);
    } finally {
      inUse.readLock().unlock();
    }
  }

  private void sendLocked(byte[] data, int off, int len) throws IOException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment seg = arena.allocate(Math.max(1, len));
      MemorySegment.copy(data, off, seg, ValueLayout.JAVA_BYTE, 0, len);
      MemorySegment state = arena.allocate(CALL_STATE);
      long sent = 0;
      while (sent < len) {
        long n = (long) SEND.invokeExact(state, fd, seg.asSlice(sent), len - sent, MSG_NOSIGNAL);
        if (n < 0) {
          if ((int) ERRNO.get(state, 0L) == EINTR) {
            continue;
          }
          throw error("send", state);
        }
        sent += n;
      }
    } catch (IOException e) {
      throw e;
    } catch (Throwable t) {
      throw new IOException("send", t);
    }
  }

  /** Half-closes the write side: conmon sees EOF and (unless told to leave it open) closes stdin. */
  public void shutdownOutput() throws IOException {
    inUse.readLock().lock();
    try {
      if (!isClosed()) {
        shutdown(SHUT_WR);
      }
    } finally {
      inUse.readLock().unlock();
    }
  }

  private void shutdown(int how) throws IOException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(CALL_STATE);
      int rc = (int) SHUTDOWN.invokeExact(state, fd, how);
      if (rc < 0 && how != SHUT_RDWR) {
        throw error("shutdown", state);
      }
    } catch (IOException e) {
      throw e;
    } catch (Throwable t) {
      throw new IOException("shutdown", t);
    }
  }

  private boolean isClosed() {
    synchronized (closeLock) {
      return closed;
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (closeLock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    // shutdown wakes a reader blocked in recv; close alone would leave it blocked on Linux.
    shutdown(SHUT_RDWR);
    inUse.writeLock().lock();
    try (Arena arena = Arena.ofConfined()) {
      int ignored = (int) CLOSE.invokeExact(arena.allocate(CALL_STATE), fd);
    } catch (Throwable t) {
      throw new IOException("close", t);
    } finally {
      inUse.writeLock().unlock();
    }
  }

  private static IOException error(String what, MemorySegment state) {
    int errno = (int) ERRNO.get(state, 0L);
    String msg;
    try {
      MemorySegment s = (MemorySegment) STRERROR.invokeExact(errno);
      msg = s.reinterpret(256).getString(0);
    } catch (Throwable t) {
      msg = "errno " + errno;
    }
    return new IOException(what + ": " + msg);
  }
}

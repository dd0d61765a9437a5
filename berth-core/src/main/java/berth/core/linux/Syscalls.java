package berth.core.linux;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Linux system calls through {@code java.lang.foreign} (no JNI, no helper binaries). Each call
 * captures {@code errno} right after the call returns (the JVM may clobber it later) and turns a
 * failure into an {@link ErrnoException} whose message names the call, its path and the error in
 * {@code strerror(3)} words, e.g. {@code mount overlay on /x: Invalid argument}.
 *
 * <p>Callers need {@code --enable-native-access=ALL-UNNAMED} (or the module's name) on the JVM.
 */
public final class Syscalls {
  public static final long MS_RDONLY = 1L;
  public static final long MS_NOSUID = 2L;
  public static final long MS_NODEV = 4L;
  public static final long MS_NOEXEC = 8L;
  public static final long MS_REMOUNT = 32L;
  public static final long MS_BIND = 4096L;
  public static final long MS_MOVE = 8192L;
  public static final long MS_REC = 16384L;
  public static final long MS_PRIVATE = 1L << 18;
  public static final long MS_SLAVE = 1L << 19;
  public static final long MS_SHARED = 1L << 20;

  public static final int MNT_FORCE = 1;
  public static final int MNT_DETACH = 2;

  public static final int EPERM = 1;
  public static final int ENOENT = 2;
  public static final int EBUSY = 16;
  public static final int EEXIST = 17;
  public static final int EINVAL = 22;
  public static final int ERANGE = 34;
  public static final int ENODATA = 61;
  public static final int ENOTSUP = 95;

  /** File-type bits of {@code st_mode}, for {@link #mknod}. */
  public static final int S_IFIFO = 0010000;
  public static final int S_IFCHR = 0020000;
  public static final int S_IFBLK = 0060000;

  public static final int XATTR_CREATE = 1;
  public static final int XATTR_REPLACE = 2;

  private static final int AT_FDCWD = -100;
  private static final int AT_SYMLINK_NOFOLLOW = 0x100;

  private static final Linker LINKER = Linker.nativeLinker();
  private static final SymbolLookup LIBC = LINKER.defaultLookup();
  private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO = CAPTURE.varHandle(PathElement.groupElement("errno"));

  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
  private static final ValueLayout PTR = ValueLayout.ADDRESS;

  private static final MethodHandle MOUNT = handle("mount", FunctionDescriptor.of(INT, PTR, PTR, PTR, LONG, PTR));
  private static final MethodHandle UMOUNT2 = handle("umount2", FunctionDescriptor.of(INT, PTR, INT));
  private static final MethodHandle MKNOD = handle("mknod", FunctionDescriptor.of(INT, PTR, INT, LONG));
  private static final MethodHandle LSETXATTR =
      handle("lsetxattr", FunctionDescriptor.of(INT, PTR, PTR, PTR, LONG, INT));
  private static final MethodHandle LGETXATTR = handle("lgetxattr", FunctionDescriptor.of(LONG, PTR, PTR, PTR, LONG));
  private static final MethodHandle LLISTXATTR = handle("llistxattr", FunctionDescriptor.of(LONG, PTR, PTR, LONG));
  private static final MethodHandle LREMOVEXATTR = handle("lremovexattr", FunctionDescriptor.of(INT, PTR, PTR));
  private static final MethodHandle LCHOWN = handle("lchown", FunctionDescriptor.of(INT, PTR, INT, INT));
  private static final MethodHandle CHMOD = handle("chmod", FunctionDescriptor.of(INT, PTR, INT));
  private static final MethodHandle UTIMENSAT =
      handle("utimensat", FunctionDescriptor.of(INT, INT, PTR, PTR, INT));
  private static final MethodHandle STRERROR =
      LINKER.downcallHandle(LIBC.find("strerror").orElseThrow(), FunctionDescriptor.of(PTR, INT));

  private Syscalls() {}

  private static MethodHandle handle(String name, FunctionDescriptor fd) {
    MemorySegment sym = LIBC.find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc lacks " + name));
    return LINKER.downcallHandle(sym, fd, Linker.Option.captureCallState("errno"));
  }

  /** {@code mount(2)}; {@code source}, {@code fstype} and {@code data} may be null. */
  public static void mount(String source, String target, String fstype, long flags, String data)
      throws IOException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment st = a.allocate(CAPTURE);
      int rc = (int) invoke(MOUNT, st, cstr(a, source), cstr(a, target), cstr(a, fstype), flags, cstr(a, data));
      check(rc, st, "mount " + (source == null ? "none" : source) + " on " + target);
    }
  }

  /** {@code umount2(2)} with e.g. {@link #MNT_DETACH}. */
  public static void umount2(String target, int flags) throws IOException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment st = a.allocate(CAPTURE);
      int rc = (int) invoke(UMOUNT2, st, cstr(a, target), flags);
      check(rc, st, "umount " + target);
    }
  }

  /** {@code mknod(2)}: {@code mode} carries the file type ({@link #S_IFCHR}...) and permissions. */
  public static void mknod(String path, int mode, long dev) throws IOException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment st = a.allocate(CAPTURE);
      int rc = (int) invoke(MKNOD, st, cstr(a, path), mode, dev);
      check(rc, st, "mknod " + path);
    }
  }

  /** glibc's {@code makedev(3)}: the split major/minor encoding of {@code dev_t}. */
  public static long makedev(long major, long minor) {
    return ((major & 0xfffff000L) << 32) | ((major & 0xfffL) << 8)
        | ((minor & 0xffffff00L) << 12) | (minor & 0xffL);
  }

  public static long major(long dev) {
    return ((dev >>> 32) & 0xfffff000L) | ((dev >>> 8) & 0xfffL);
  }

  public static long minor(long dev) {
    return ((dev >>> 12) & 0xffffff00L) | (dev & 0xffL);
  }

  /** {@code lsetxattr(2)}: sets an extended attribute on the path itself (symlinks not followed). */
  public static void lsetxattr(String path, String name, byte[] value, int flags) throws IOException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment st = a.allocate(CAPTURE);
      MemorySegment v = a.allocate(Math.max(1, value.length));
      MemorySegment.copy(value, 0, v, ValueLayout.JAVA_BYTE, 0, value.length);
      int rc = (int) invoke(LSETXATTR, st, cstr(a, path), cstr(a, name), v, (long) value.length, flags);
      check(rc, st, "lsetxattr " + name + " " + path);
    }
  }

  /** {@code lgetxattr(2)}; empty when the attribute is absent (ENODATA) or unsupported. */
  public static Optional<byte[]> lgetxattr(String path, String name) throws IOException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment st = a.allocate(CAPTURE);
      MemorySegment p = cstr(a, path);
      MemorySegment n = cstr(a, name);
      long size = 256;
      while (true) {
        MemorySegment buf = a.allocate(size);
        long rc = (long) invoke(LGETXATTR, st, p, n, buf, size);
        if (rc >= 0) {
          return Optional.of(buf.asSlice(0, rc).toArray(ValueLayout.JAVA_BYTE));
        }
        int err = errno(st);
        if (err == ENODATA || err == ENOTSUP) {
          return Optional.empty();
        }
        if (err != ERANGE || size > (1 << 20)) {
          throw fail(err, "lgetxattr " + name + " " + path);
        }
        size *= 4;
      }
    }
  }

  /** {@code llistxattr(2)}: the attribute names on the path itself. */
  public static List<String> llistxattr(String path) throws IOException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment st = a.allocate(CAPTURE);
      MemorySegment p = cstr(a, path);
      long size = 1024;
      while (true) {
        MemorySegment buf = a.allocate(size);
        long rc = (long) invoke(LLISTXATTR, st, p, buf, size);
        if (rc >= 0) {
          return splitNames(buf.asSlice(0, rc).toArray(ValueLayout.JAVA_BYTE));
        }
        int err = errno(st);
        if (err == ENOTSUP) {
          return List.of();
        }
        if (err != ERANGE || size > (1 << 20)) {
          throw fail(err, "llistxattr " + path);
        }
        size *= 4;
      }
    }
  }

  /** {@code lremovexattr(2)}; absent is fine. */
  public static void lremovexattr(String path, String name) throws IOException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment st = a.allocate(CAPTURE);
      int rc = (int) invoke(LREMOVEXATTR, st, cstr(a, path), cstr(a, name));
      if (rc != 0 && errno(st) == ENODATA) {
        return;
      }
      check(rc, st, "lremovexattr " + name + " " + path);
    }
  }

  /** {@code lchown(2)}: owner of the path itself, symlinks included. */
  public static void lchown(String path, int uid, int gid) throws IOException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment st = a.allocate(CAPTURE);
      int rc = (int) invoke(LCHOWN, st, cstr(a, path), uid, gid);
      check(rc, st, "lchown " + path);
    }
  }

  /** {@code chmod(2)} with all 12 mode bits (setuid, setgid, sticky), which NIO cannot set. */
  public static void chmod(String path, int mode) throws IOException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment st = a.allocate(CAPTURE);
      int rc = (int) invoke(CHMOD, st, cstr(a, path), mode);
      check(rc, st, "chmod " + path);
    }
  }

  /**
   * {@code utimensat(2)} with {@code AT_SYMLINK_NOFOLLOW}: sets access and modification times of
   * the path itself, which is the only way to give a symlink its own mtime.
   */
  public static void lutimes(String path, long atimeSec, long atimeNsec, long mtimeSec, long mtimeNsec)
      throws IOException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment st = a.allocate(CAPTURE);
      MemorySegment ts = a.allocate(LONG, 4);
      ts.setAtIndex(LONG, 0, atimeSec);
      ts.setAtIndex(LONG, 1, atimeNsec);
      ts.setAtIndex(LONG, 2, mtimeSec);
      ts.setAtIndex(LONG, 3, mtimeNsec);
      int rc = (int) invoke(UTIMENSAT, st, AT_FDCWD, cstr(a, path), ts, AT_SYMLINK_NOFOLLOW);
      check(rc, st, "utimensat " + path);
    }
  }

  /** The C library's text for an errno value, as {@code strerror(3)} gives it. */
  public static String strerror(int errno) {
    try {
      MemorySegment s = (MemorySegment) STRERROR.invokeExact(errno);
      return s.reinterpret(4096).getString(0, StandardCharsets.UTF_8);
    } catch (Throwable t) {
      return "errno " + errno;
    }
  }

  private static List<String> splitNames(byte[] raw) {
    List<String> names = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == 0) {
        if (i > start) {
          names.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
        }
        start = i + 1;
      }
    }
    return names;
  }

  private static MemorySegment cstr(Arena a, String s) {
    return s == null ? MemorySegment.NULL : a.allocateFrom(s, StandardCharsets.UTF_8);
  }

  private static Object invoke(MethodHandle h, Object... args) {
    try {
      return h.invokeWithArguments(args);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  private static int errno(MemorySegment state) {
    return (int) ERRNO.get(state, 0L);
  }

  private static void check(int rc, MemorySegment state, String what) throws ErrnoException {
    if (rc != 0) {
      throw fail(errno(state), what);
    }
  }

  private static ErrnoException fail(int errno, String what) {
    return new ErrnoException(what + ": " + strerror(errno), errno);
  }
}

package berth.runtime.logs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Reads a container's k8s-file log (see {@link K8sFileParser} for the grammar) as Docker's
 * {@code /containers/{id}/logs} needs it: since/until filters, the last N entries (found by reading
 * backwards from the end, so a large log is not scanned), and follow, which keeps reading new
 * lines until the container has exited or the caller stops.
 *
 * <pre>{@code
 * new LogReader(logPath).stream(LogReader.Options.all().tail(10).follow(true),
 *     entry -> { out.write(entry.render(false)); return true; },   // false stops
 *     () -> container.isRunning());
 * }</pre>
 */
public final class LogReader {
  private static final int CHUNK = 64 * 1024;
  private static final long FOLLOW_POLL_MILLIS = 100;

  private final Path file;

  public LogReader(Path file) {
    this.file = file;
  }

  /** What to read. tail &lt; 0 means all entries; since/until may be null. */
  public record Options(Instant since, Instant until, int tail, boolean follow, boolean timestamps) {
    public static Options all() {
      return new Options(null, null, -1, false, false);
    }

    public Options since(Instant v) { return new Options(v, until, tail, follow, timestamps); }
    public Options until(Instant v) { return new Options(since, v, tail, follow, timestamps); }
    public Options tail(int v) { return new Options(since, until, v, follow, timestamps); }
    public Options follow(boolean v) { return new Options(since, until, tail, v, timestamps); }
    public Options timestamps(boolean v) { return new Options(since, until, tail, follow, v); }
  }

  /** Receives entries; returning false stops the read (a client went away). */
  @FunctionalInterface
  public interface Sink {
    boolean accept(LogEntry entry) throws IOException;
  }

  /** Everything that matches, without following. */
  public List<LogEntry> readAll(Options opts) throws IOException {
    List<LogEntry> out = new ArrayList<>();
    try {
      stream(opts.follow(false), e -> out.add(e), () -> false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return out;
  }

  /**
   * Streams matching entries to {@code sink}. With follow, keeps polling for new lines while
   * {@code running} says the container is alive, then reads what is left and returns.
   */
  public void stream(Options opts, Sink sink, BooleanSupplier running) throws IOException, InterruptedException {
    if (opts.tail() == 0 && !opts.follow()) {
      return;
    }
    K8sFileParser parser = new K8sFileParser();
    boolean[] stop = {false};
    Sink filtered = e -> {
      if (opts.since() != null && e.timestamp().isBefore(opts.since())) {
        return true;
      }
      if (opts.until() != null && e.timestamp().isAfter(opts.until())) {
        stop[0] = true;
        return false;
      }
      return sink.accept(e);
    };
    long pos = 0;
    if (opts.tail() > 0) {
      pos = tailStart(opts.tail());
    }
    long end = Files.exists(file) ? Files.size(file) : 0;
    // the initial read: with tail, keep only the last N entries
    Deque<LogEntry> initial = new ArrayDeque<>();
    pos = readRange(pos, end, parser, e -> {
      initial.add(e);
      if (opts.tail() > 0 && initial.size() > opts.tail()) {
        initial.removeFirst();
      }
    });
    if (opts.tail() == 0) {
      initial.clear();
    }
    for (LogEntry e : initial) {
      if (!filtered.accept(e)) {
        return;
      }
    }
    if (!opts.follow()) {
      flush(parser, filtered);
      return;
    }
    follow(pos, parser, filtered, running, stop);
  }

  private void follow(long pos, K8sFileParser parser, Sink sink, BooleanSupplier running, boolean[] stop)
      throws IOException, InterruptedException {
    while (!stop[0]) {
      boolean alive = running.getAsBoolean();
      long size = Files.exists(file) ? Files.size(file) : 0;
      if (size < pos) {
        pos = 0; // truncated or replaced
      }
      List<LogEntry> batch = new ArrayList<>();
      pos = readRange(pos, size, parser, batch::add);
      for (LogEntry e : batch) {
        if (!sink.accept(e)) {
          return;
        }
      }
      if (!alive) {
        flush(parser, sink);
        return;
      }
      Thread.sleep(FOLLOW_POLL_MILLIS);
    }
  }

  private static void flush(K8sFileParser parser, Sink sink) throws IOException {
    List<LogEntry> rest = new ArrayList<>();
    parser.flush(rest::add);
    for (LogEntry e : rest) {
      if (!sink.accept(e)) {
        return;
      }
    }
  }

  /**
   * Parses whole lines in [from, to); returns where the next unread line starts (an incomplete last
   * line — conmon still writing it — is left for the next read).
   */
  private long readRange(long from, long to, K8sFileParser parser, java.util.function.Consumer<LogEntry> out)
      throws IOException {
    if (from >= to) {
      return from;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      byte[] carry = new byte[0];
      long pos = from;
      long consumed = from;
      ByteBuffer buf = ByteBuffer.allocate(CHUNK);
      while (pos < to) {
        buf.clear();
        buf.limit((int) Math.min(CHUNK, to - pos));
        int n = ch.read(buf, pos);
        if (n <= 0) {
          break;
        }
        pos += n;
        byte[] data = concat(carry, buf.array(), n);
        int start = 0;
        for (int i = 0; i < data.length; i++) {
          if (data[i] == '\n') {
            parser.line(data, start, i + 1 - start, out);
            consumed += i + 1 - start;
            start = i + 1;
          }
        }
        carry = java.util.Arrays.copyOfRange(data, start, data.length);
      }
      return consumed;
    } catch (NoSuchFileException e) {
      return from;
    }
  }

  private static byte[] concat(byte[] a, byte[] b, int bLen) {
    byte[] out = new byte[a.length + bLen];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, bLen);
    return out;
  }

  /**
   * Where to start so that at least the last {@code n} entries are read. Walks backwards in chunks
   * counting F lines (each ends an entry) up to the (n+1)-th; since the P lines that begin an
   * entry may sit before other streams' lines, it keeps walking until every stream with an entry
   * in the window has reached an earlier F line. Extra older entries are trimmed by the caller.
   */
  long tailStart(int n) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      int full = 0;
      boolean cut = false;
      java.util.Set<String> open = new java.util.HashSet<>(); // streams whose earliest entry may start earlier
      byte[] tailBytes = new byte[0]; // bytes after the chunk start not yet split into lines
      long chunkStart = ch.size();
      while (chunkStart > 0) {
        long newStart = Math.max(0, chunkStart - CHUNK);
        ByteBuffer buf = ByteBuffer.allocate((int) (chunkStart - newStart));
        ch.read(buf, newStart);
        byte[] data = concat(buf.array(), tailBytes, tailBytes.length);
        int end = data.length;
        for (int i = data.length - 2; i >= -1; i--) {
          if (i == -1 && newStart > 0) {
            break; // the line may start in an earlier chunk
          }
          if (i != -1 && data[i] != '\n') {
            continue;
          }
          int ls = i + 1;
          String st = end > ls && data[end - 1] == '\n' ? K8sFileParser.streamAndTag(data, ls, end - ls) : null;
          if (st != null && st.endsWith("F")) {
            String stream = st.substring(0, st.length() - 2);
            if (!cut && full == n) {
              cut = true;
            }
            if (cut) {
              open.remove(stream);
              if (open.isEmpty()) {
                return newStart + end; // the window starts after this line
              }
            } else {
              full++;
              open.add(stream);
            }
          }
          end = ls;
        }
        tailBytes = java.util.Arrays.copyOfRange(data, 0, end);
        chunkStart = newStart;
      }
      return 0;
    }
  }
}

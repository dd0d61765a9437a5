package berth.cli.run;

import berth.client.HijackedStream;
import berth.client.StreamDemuxer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Pumps a hijacked attach/exec stream: stdin (with detach-key detection) on a daemon thread, the
 * container's output on the caller's thread, demultiplexed unless a TTY was allocated. Stdin EOF
 * half-closes the connection so the container sees EOF while its output keeps flowing.
 */
public final class StreamSession {
  private final HijackedStream stream;
  private final boolean tty;
  private final AtomicBoolean detached = new AtomicBoolean();

  public StreamSession(HijackedStream stream, boolean tty) {
    this.stream = stream;
    this.tty = tty;
  }

  /** Starts forwarding {@code in}; {@code keys} may be null (no detach detection). */
  public void pumpStdin(InputStream in, DetachKeys keys) {
    Thread t = new Thread(() -> copyStdin(in, keys), "berth-stdin");
    t.setDaemon(true); // a blocked read of System.in must not keep the CLI alive
    t.start();
  }

  private void copyStdin(InputStream in, DetachKeys keys) {
    byte[] buf = new byte[32 * 1024];
    ByteArrayOutputStream forward = new ByteArrayOutputStream();
    try {
      OutputStream out = stream.stdin();
      int n;
      while ((n = in.read(buf)) >= 0) {
        if (keys == null) {
          out.write(buf, 0, n);
        } else {
          forward.reset();
          boolean detach = keys.feed(buf, n, forward);
          forward.writeTo(out);
          if (detach) {
            detached.set(true);
            out.flush();
            stream.close();
            return;
          }
        }
        out.flush();
      }
      stream.closeStdin();
    } catch (IOException e) {
      // the connection went away first: the output side reports what happened
    }
  }

  /** Copies output until the stream ends; returns true if the user detached. */
  public boolean pumpOutput(OutputStream out, OutputStream err) throws IOException {
    try {
      if (tty) {
        InputStream in = stream.output();
        byte[] buf = new byte[32 * 1024];
        int n;
        while ((n = in.read(buf)) >= 0) {
          out.write(buf, 0, n);
          out.flush();
        }
      } else {
        new StreamDemuxer(stream.output()).copyTo(out, err);
      }
    } catch (IOException e) {
      if (!detached.get()) {
        throw e;
      }
    }
    out.flush();
    err.flush();
    return detached.get();
  }

  public boolean detached() {
    return detached.get();
  }
}

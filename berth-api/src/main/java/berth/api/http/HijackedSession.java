package berth.api.http;

import berth.engine.AttachStream;
import berth.engine.Frame;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.logging.Logger;

/**
 * Pumps an attach or exec session over a hijacked connection: the client's bytes to the
 * process's stdin on one virtual thread (its half-close closes stdin), output frames back on
 * the calling thread until the process's output ends or the client detaches.
 */
public final class HijackedSession {
  private static final Logger LOG = Logger.getLogger(HijackedSession.class.getName());

  private HijackedSession() {}

  public static void run(AttachStream session, RawConnection conn, boolean withStdin) throws IOException {
    conn.onClose(session::close);
    if (withStdin) {
      Thread.ofVirtual().name("stdin-pump").start(() -> pumpStdin(conn.input(), session));
    }
    OutputStream out = conn.output();
    try {
      for (Frame f; (f = session.next()) != null; ) {
        FrameWriter.write(out, f, session.tty());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      session.close();
    }
  }

  private static void pumpStdin(InputStream in, AttachStream session) {
    byte[] buf = new byte[8192];
    try {
      OutputStream stdin = session.stdin();
      for (int n; (n = in.read(buf)) > 0; ) {
        stdin.write(buf, 0, n);
        stdin.flush();
      }
    } catch (IOException e) {
      LOG.fine(() -> "stdin pump ended: " + e.getMessage());
    } finally {
      try {
        session.closeStdin();
      } catch (IOException e) {
        LOG.fine(() -> "close stdin: " + e.getMessage());
      }
    }
  }
}

package berth.client;

import berth.core.errors.Unavailable;
import java.io.IOException;

/** Builds Docker's "Cannot connect" error for a socket nobody is listening on. */
public final class DaemonUnreachable {
  private DaemonUnreachable() {}

  public static Unavailable of(DockerHost host, IOException cause) {
    return new Unavailable("Cannot connect to the Berth daemon at " + host.uri()
        + ". Is the berth daemon running?", cause);
  }

  /** True when the error was raised on our side of the socket, not sent by the daemon. */
  public static boolean isLocal(Throwable t) {
    return t.getCause() instanceof IOException;
  }
}

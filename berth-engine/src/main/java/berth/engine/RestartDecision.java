package berth.engine;

import berth.api.model.RestartPolicy;

/**
 * Docker's restart manager: whether an exited container restarts, and the back-off before it
 * does (100 ms, doubling to at most a minute, back to 100 ms after a run of 10 s or more).
 */
final class RestartDecision {
  static final long INITIAL_MS = 100;
  static final long MAX_MS = 60_000;
  static final long RESET_AFTER_NANOS = 10_000_000_000L;

  private RestartDecision() {}

  static boolean shouldRestart(RestartPolicy p, int exitCode, boolean manuallyStopped, int restartCount) {
    if (p == null || manuallyStopped) {
      return false;
    }
    return switch (p.effectiveName()) {
      case "always", "unless-stopped" -> true;
      case "on-failure" -> {
        int max = p.maximumRetryCount() == null ? 0 : p.maximumRetryCount();
        yield exitCode != 0 && (max == 0 || restartCount < max);
      }
      default -> false;
    };
  }

  /** The next back-off given the previous one and how long the container ran. */
  static long nextBackoff(long previousMs, long ranNanos) {
    long prev = ranNanos >= RESET_AFTER_NANOS ? 0 : previousMs;
    long next = prev == 0 ? INITIAL_MS : prev * 2;
    return Math.min(next, MAX_MS);
  }
}

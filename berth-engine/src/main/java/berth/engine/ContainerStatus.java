package berth.engine;

import java.util.Locale;

/** A container's state, with Docker's words in {@link #toString()} ("created", "running", ...). */
public enum ContainerStatus {
  CREATED, RUNNING, PAUSED, RESTARTING, REMOVING, EXITED, DEAD;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses Docker's word; null when it is not a state. */
  public static ContainerStatus parse(String s) {
    for (ContainerStatus v : values()) {
      if (v.toString().equals(s)) {
        return v;
      }
    }
    return null;
  }

  /** Docker counts paused and restarting containers as running (ps without -a shows them). */
  public boolean isRunningLike() {
    return this == RUNNING || this == PAUSED || this == RESTARTING;
  }
}

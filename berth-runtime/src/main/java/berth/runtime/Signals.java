package berth.runtime;

import berth.core.errors.InvalidArgument;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Linux signal names and numbers as Docker parses them: "SIGTERM", "term", "15", "SIGRTMIN+3",
 * "RTMAX-2". Bad input fails with Docker's words: {@code Invalid signal: X}.
 */
public final class Signals {
  public static final int SIGRTMIN = 34;
  public static final int SIGRTMAX = 64;
  private static final Map<String, Integer> BY_NAME = new LinkedHashMap<>();
  private static final String[] BY_NUMBER = new String[SIGRTMAX + 1];

  static {
    String[] names = {null, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1",
        "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU",
        "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS"};
    for (int i = 1; i < names.length; i++) {
      BY_NAME.put(names[i], i);
      BY_NUMBER[i] = names[i];
    }
    BY_NAME.put("IOT", 6);
    BY_NAME.put("CLD", 17);
    BY_NAME.put("POLL", 29);
    BY_NAME.put("RTMIN", SIGRTMIN);
    BY_NUMBER[SIGRTMIN] = "RTMIN";
    for (int i = 1; i <= 15; i++) {
      BY_NAME.put("RTMIN+" + i, SIGRTMIN + i);
      BY_NUMBER[SIGRTMIN + i] = "RTMIN+" + i;
    }
    for (int i = 14; i >= 1; i--) {
      BY_NAME.put("RTMAX-" + i, SIGRTMAX - i);
      BY_NUMBER[SIGRTMAX - i] = "RTMAX-" + i;
    }
    BY_NAME.put("RTMAX", SIGRTMAX);
    BY_NUMBER[SIGRTMAX] = "RTMAX";
  }

  private Signals() {}

  /** The signal's number; a number 1..64, or a name with or without "SIG", any case. */
  public static int parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw invalid(raw);
    }
    String s = raw.strip();
    if (s.chars().allMatch(Character::isDigit)) {
      try {
        int n = Integer.parseInt(s);
        if (n >= 1 && n <= SIGRTMAX) {
          return n;
        }
      } catch (NumberFormatException ignored) {
        // falls through to the error
      }
      throw invalid(raw);
    }
    String name = s.toUpperCase(Locale.ROOT);
    if (name.startsWith("SIG")) {
      name = name.substring(3);
    }
    Integer n = BY_NAME.get(name);
    if (n == null) {
      throw invalid(raw);
    }
    return n;
  }

  /** "SIGTERM" for 15, "SIGRTMIN+3" for 37; numbers without a name (32, 33) fail. */
  public static String name(int signal) {
    if (signal < 1 || signal > SIGRTMAX || BY_NUMBER[signal] == null) {
      throw new InvalidArgument("Invalid signal: " + signal);
    }
    return "SIG" + BY_NUMBER[signal];
  }

  private static InvalidArgument invalid(String raw) {
    return new InvalidArgument("Invalid signal: " + raw);
  }
}

package berth.dockerfile;

import berth.core.errors.InvalidArgument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code HEALTHCHECK [--interval=..] [--timeout=..] [--start-period=..] [--start-interval=..] [--retries=N] CMD ...|NONE}. */
final class Healthchecks {
  private Healthchecks() {}

  static Instruction.Healthcheck parse(LogicalLine l, BuilderFlags flags) {
    String rest = l.rest();
    int sep = 0;
    while (sep < rest.length() && !ShellLex.isSpace(rest.charAt(sep))) {
      sep++;
    }
    if (sep == 0) {
      throw InstructionParser.atLeastOne("HEALTHCHECK");
    }
    String type = rest.substring(0, sep).toUpperCase(Locale.ROOT);
    String cmd = Parser.stripLeft(rest.substring(sep));
    List<String> exec = cmd.isEmpty() ? null : JsonArgs.parse(cmd);
    boolean hasArgs = exec != null ? !exec.isEmpty() : !cmd.isEmpty();
    if (type.equals("NONE")) {
      if (hasArgs) {
        throw new InvalidArgument("HEALTHCHECK NONE takes no arguments");
      }
      return new Instruction.Healthcheck(l.startLine(), l.original(), List.of("NONE"), null, null,
          null, null, 0);
    }
    flags.string("interval");
    flags.string("timeout");
    flags.string("start-period");
    flags.string("start-interval");
    flags.string("retries");
    flags.parse();
    if (!type.equals("CMD")) {
      throw new InvalidArgument("Unknown type " + Go.quote(type) + " in HEALTHCHECK (try CMD)");
    }
    if (!hasArgs) {
      throw new InvalidArgument("Missing command after HEALTHCHECK CMD");
    }
    List<String> test = new ArrayList<>();
    if (exec != null) {
      test.add("CMD");
      test.addAll(exec);
    } else {
      test.add("CMD-SHELL");
      test.add(cmd);
    }
    Duration interval = interval(flags, "interval");
    Duration timeout = interval(flags, "timeout");
    Duration startPeriod = interval(flags, "start-period");
    Duration startInterval = interval(flags, "start-interval");
    int retries = 0;
    String r = flags.value("retries");
    if (r != null && !r.isEmpty()) {
      long v;
      try {
        v = Long.parseLong(r);
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
          throw new InvalidArgument("strconv.ParseInt: parsing " + Go.quote(r)
              + ": value out of range");
        }
      } catch (NumberFormatException e) {
        throw new InvalidArgument("strconv.ParseInt: parsing " + Go.quote(r) + ": invalid syntax");
      }
      if (v < 0) {
        throw new InvalidArgument("--retries cannot be negative (" + v + ")");
      }
      retries = (int) v;
    }
    return new Instruction.Healthcheck(l.startLine(), l.original(), test, interval, timeout,
        startPeriod, startInterval, retries);
  }

  /** A duration flag: null when not given or zero; at least 1ms otherwise. */
  private static Duration interval(BuilderFlags flags, String name) {
    String s = flags.value(name);
    if (s == null || s.isEmpty()) {
      return null;
    }
    Duration d = Units.parseDuration(s);
    if (d.isZero()) {
      return null;
    }
    if (d.compareTo(Duration.ofMillis(1)) < 0) {
      throw new InvalidArgument("Interval " + Go.quote(name) + " cannot be less than 1ms");
    }
    return d;
  }
}

package berth.it;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Unique container and image names, so parameterized runs and reruns never collide. */
final class Names {
  private Names() {}

  static String unique(String prefix) {
    return prefix + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
  }
}

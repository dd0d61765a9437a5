package berth.runtime.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/** Reads the exit files conmon writes: the exit code as decimal text. */
public final class ExitFiles {
  private ExitFiles() {}

  public static OptionalInt readCode(Path file) {
    try {
      String s = Files.readString(file).strip();
      return s.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(s));
    } catch (IOException | NumberFormatException e) {
      return OptionalInt.empty();
    }
  }
}

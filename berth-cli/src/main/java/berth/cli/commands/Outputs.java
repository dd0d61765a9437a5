package berth.cli.commands;

import berth.cli.CliError;
import berth.client.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;

/** Writing archives to {@code -o} or stdout, and printing the daemon's JSON message streams. */
final class Outputs {
  private Outputs() {}

  /** Saves a body to a file (atomically, like docker's temp-file rename) or to a non-terminal stdout. */
  static void save(Response r, String file, PrintStream stdout) {
    try (r) {
      if (file == null || file.isEmpty()) {
        if (stdoutIsTerminal()) {
          throw new CliError("cowardly refusing to save to a terminal. Use the -o flag or redirect", 1);
        }
        r.body().transferTo(stdout);
        stdout.flush();
        return;
      }
      Path target = Path.of(file).toAbsolutePath();
      Path tmp = Files.createTempFile(target.getParent(), ".berth-save-", ".tmp");
      try {
        Files.copy(r.body(), tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("failed to save: " + e.getMessage(), e);
    }
  }

  static boolean stdoutIsTerminal() {
    java.io.Console c = System.console();
    return c != null && c.isTerminal();
  }

  /** Prints {@code stream}/{@code status} messages; an {@code error} message fails the command. */
  static void printMessages(Response r, PrintStream out) {
    try (r) {
      Iterator<JsonNode> it = r.jsonStream();
      while (it.hasNext()) {
        JsonNode m = it.next();
        if (m.hasNonNull("errorDetail") || m.hasNonNull("error")) {
          throw new CliError(m.path("error").asText(m.path("errorDetail").path("message").asText()), 1);
        }
        if (m.hasNonNull("stream")) {
          out.print(m.path("stream").asText());
        } else if (m.hasNonNull("status") && m.path("progressDetail").isEmpty()) {
          String id = m.path("id").asText("");
          out.println(id.isEmpty() ? m.path("status").asText() : id + ": " + m.path("status").asText());
        }
      }
    }
  }
}

package berth.cli.commands;

import berth.cli.CliError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth load}: a docker-archive tar from {@code -i} or stdin. */
@Command(name = "load", description = "Load an image from a tar archive or STDIN")
public final class LoadCommand extends BaseCommand {
  @Option(names = {"-i", "--input"}, paramLabel = "string", description = "Read from tar archive file, instead of STDIN")
  String input;

  @Option(names = {"-q", "--quiet"}, description = "Suppress the load output")
  boolean quiet;

  @Override
  public Integer call() {
    if (input == null && Terminal.stdinIsTerminal()) {
      throw new CliError("requested load from stdin, but stdin is empty", 1);
    }
    try (InputStream in = input == null ? root().in() : Files.newInputStream(Path.of(input))) {
      Outputs.printMessages(client().images().load(in, quiet), out());
    } catch (NoSuchFileException e) {
      throw new CliError("open " + input + ": no such file or directory", 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return 0;
  }

  /** Whether stdin is a terminal, without starting a console. */
  static final class Terminal {
    private Terminal() {}

    static boolean stdinIsTerminal() {
      java.io.Console c = System.console();
      return c != null && c.isTerminal();
    }
  }
}

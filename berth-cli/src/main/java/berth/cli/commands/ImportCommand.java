package berth.cli.commands;

import berth.cli.CliError;
import berth.cli.run.ImagePuller;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth import file|- [REPOSITORY[:TAG]]}: a rootfs tarball becomes a one-layer image. */
@Command(name = "import", description = "Import the contents from a tarball to create a filesystem image")
public final class ImportCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "file|URL|-")
  String source;

  @Parameters(index = "1", arity = "0..1", paramLabel = "REPOSITORY[:TAG]")
  String reference;

  @Option(names = {"-c", "--change"}, paramLabel = "list", description = "Apply Dockerfile instruction to the created image")
  List<String> changes = new ArrayList<>();

  @Option(names = {"-m", "--message"}, paramLabel = "string", description = "Set commit message for imported image")
  String message;

  @Option(names = "--platform", paramLabel = "string", description = "Set platform if server is multi-platform capable")
  String platform;

  @Override
  public Integer call() {
    if (source.contains("://")) {
      throw new CliError("importing from a URL is not supported by berth yet: download " + source
          + " and import the file (or pipe it to 'berth import -')", 1);
    }
    String repo = null;
    String tag = null;
    if (reference != null) {
      ImagePuller.Ref ref = ImagePuller.Ref.parse(reference);
      repo = ref.name();
      tag = reference.equals(ref.name()) ? null : ref.tag();
    }
    try (InputStream in = source.equals("-") ? root().in() : Files.newInputStream(Path.of(source))) {
      Outputs.printMessages(client().images().importTar(in, repo, tag, message, changes, platform), out());
    } catch (NoSuchFileException e) {
      throw new CliError("open " + source + ": no such file or directory", 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return 0;
  }
}

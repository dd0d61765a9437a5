package berth.cli.commands;

import berth.cli.run.ImagePuller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth pull}: progress lines, then the image's name. */
@Command(name = "pull", description = "Download an image from a registry")
public final class PullCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "NAME[:TAG|@DIGEST]")
  String image;

  @Option(names = "--platform", paramLabel = "string", description = "Set platform if server is multi-platform capable")
  String platform;

  @Option(names = {"-q", "--quiet"}, description = "Suppress verbose output")
  boolean quiet;

  @Option(names = {"-a", "--all-tags"}, description = "Download all tagged images in the repository")
  boolean allTags;

  @Override
  public Integer call() {
    ImagePuller.pull(client(), image, platform, out(), quiet);
    out().println(ImagePuller.Ref.parse(image).familiar());
    return 0;
  }
}

package berth.cli.commands;

import berth.cli.run.ImagePuller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code berth tag SOURCE TARGET}. */
@Command(name = "tag", description = "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE")
public final class TagCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "SOURCE_IMAGE[:TAG]")
  String source;

  @Parameters(index = "1", paramLabel = "TARGET_IMAGE[:TAG]")
  String target;

  @Override
  public Integer call() {
    ImagePuller.Ref ref = ImagePuller.Ref.parse(target);
    client().images().tag(source, ref.name(), ref.tag());
    return 0;
  }
}

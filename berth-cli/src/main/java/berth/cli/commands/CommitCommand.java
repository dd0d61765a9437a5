package berth.cli.commands;

import berth.cli.run.ImagePuller;
import berth.client.Query;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth commit}: prints the new image id. */
@Command(name = "commit", description = "Create a new image from a container's changes")
public final class CommitCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "CONTAINER")
  String container;

  @Parameters(index = "1", arity = "0..1", paramLabel = "REPOSITORY[:TAG]")
  String reference;

  @Option(names = {"-a", "--author"}, paramLabel = "string", description = "Author (e.g., \"John Hannibal Smith <hannibal@a-team.com>\")")
  String author;

  @Option(names = {"-c", "--change"}, paramLabel = "list", description = "Apply Dockerfile instruction to the created image")
  List<String> changes = new ArrayList<>();

  @Option(names = {"-m", "--message"}, paramLabel = "string", description = "Commit message")
  String message;

  @Option(names = {"-p", "--pause"}, arity = "0..1", fallbackValue = "true", defaultValue = "true", description = "Pause container during commit (default true)")
  boolean pause;

  @Override
  public Integer call() {
    Query q = Query.of().add("container", container);
    if (reference != null) {
      ImagePuller.Ref ref = ImagePuller.Ref.parse(reference);
      q.add("repo", ref.name()).add("tag", ref.tag());
    }
    q.add("comment", message).add("author", author).add("pause", pause ? "1" : "0");
    changes.forEach(c -> q.add("changes", c));
    out().println(client().containers().commit(q, null).id());
    return 0;
  }
}

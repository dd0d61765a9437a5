package berth.cli.commands;

import berth.client.Query;
import berth.client.Response;
import berth.client.StreamDemuxer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth logs}: stdout and stderr kept apart, as the container wrote them. */
@Command(name = "logs", description = "Fetch the logs of a container")
public final class LogsCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "CONTAINER")
  String container;

  @Option(names = "--details", description = "Show extra details provided to logs")
  boolean details;

  @Option(names = {"-f", "--follow"}, description = "Follow log output")
  boolean follow;

  @Option(names = "--since", paramLabel = "string", description = "Show logs since timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)")
  String since;

  @Option(names = {"-n", "--tail"}, paramLabel = "string", defaultValue = "all", description = "Number of lines to show from the end of the logs (default \"all\")")
  String tail;

  @Option(names = {"-t", "--timestamps"}, description = "Show timestamps")
  boolean timestamps;

  @Option(names = "--until", paramLabel = "string", description = "Show logs before a timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)")
  String until;

  @Override
  public Integer call() {
    boolean tty = client().containers().inspect(container, false).path("Config").path("Tty").asBoolean();
    Query q = Query.of().add("stdout", 1).add("stderr", 1).flag("follow", follow)
        .add("since", TimeArg.toApi(since)).add("until", TimeArg.toApi(until))
        .flag("timestamps", timestamps).flag("details", details).add("tail", tail);
    OutputStream out = out();
    OutputStream err = err();
    try (Response r = client().containers().logs(container, q)) {
      if (tty) {
        r.body().transferTo(out);
      } else {
        new StreamDemuxer(r.body()).copyTo(out, err);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return 0;
  }
}

package berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import berth.cli.run.ContainerOptions;
import berth.cli.run.CreateBody;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The fast binder must agree with picocli wherever it accepts a command line, and decline the rest. */
class FastParserTest {
  @Command(name = "run")
  static final class Run {
    @Mixin
    ContainerOptions o;

    @Option(names = {"-d", "--detach"})
    boolean detach;

    @Option(names = "--sig-proxy", arity = "0..1", fallbackValue = "true", defaultValue = "true")
    boolean sigProxy;

    @Option(names = "--help", usageHelp = true)
    boolean help;

    @Parameters(index = "0", paramLabel = "IMAGE")
    String image;

    @Parameters(index = "1..*")
    List<String> args = new ArrayList<>();

    String describe() {
      return image + " " + args + " d=" + detach + " sp=" + sigProxy + " "
          + berth.client.JsonTrees.writeString(CreateBody.build(o, image, args, detach, Map.of(), new int[] {0, 0}));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "busybox",
      "-it --rm busybox sh",
      "-dit --name=web -e A=1 -eB=2 --env C=3 busybox",
      "--network none --rm=true -l a=b busybox echo -n hi",
      "-p8080:80 -p 9090:90/udp --memory 512m --cpus=1.5 busybox",
      "--sig-proxy=false --init --read-only --pids-limit 10 busybox",
      "-u 1000 -w /tmp --entrypoint= busybox -c ls",
      "--ulimit nofile=10:20 --tmpfs /run -v /a:/b busybox -- x",
      "-d busybox -d",
      "--memory-swap -1 --stop-timeout 3 busybox",
  })
  void agreesWithPicocli(String line) {
    List<String> args = Arrays.asList(line.split(" "));
    Run fast = new Run();
    assertThat(FastParser.bind(fast, args, true)).as("fast binder accepts").isTrue();
    Run slow = new Run();
    new CommandLine(slow).setStopAtPositional(true).parseArgs(args.toArray(String[]::new));
    assertThat(fast.describe()).isEqualTo(slow.describe());
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "busybox --help-me", "--bogus busybox", "", "-d", "--name", "-z busybox",
      "--sig-proxy=maybe busybox", "--pids-limit ten busybox"})
  void declinesWhatPicocliMustReport(String line) {
    List<String> args = line.isEmpty() ? List.of() : Arrays.asList(line.split(" "));
    boolean stop = !line.contains("--help-me");
    assertThat(FastParser.bind(new Run(), args, stop)).isFalse();
  }
}

package berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import berth.cli.commands.RunCommand;
import berth.cli.commands.VersionCommand;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The build-time index must say exactly what the annotations say. */
class CommandIndexTest {
  @ParameterizedTest
  @ValueSource(classes = {RunCommand.class, VersionCommand.class, berth.cli.commands.PsCommand.class,
      berth.cli.commands.LogsCommand.class, berth.cli.commands.ExecCommand.class})
  void indexMatchesAnnotations(Class<?> command) throws Exception {
    Set<String> expected = new TreeSet<>();
    CommandIndexWriter.describe(command, command, "", expected);
    String all;
    try (InputStream in = CommandIndex.class.getResourceAsStream(CommandIndex.RESOURCE)) {
      assertThat(in).as("index resource built by the pom").isNotNull();
      all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Set<String> indexed = Arrays.stream(all.split("\n"))
        .filter(l -> l.startsWith(command.getName() + "\t"))
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(indexed).isEqualTo(expected).isNotEmpty();
  }
}

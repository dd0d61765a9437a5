package berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import berth.testkit.BerthDaemon;
import berth.testkit.BerthTest;
import berth.testkit.ProcessRunner;
import berth.testkit.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** cp, diff, export, commit, import, save/load and image tag/rm/prune/history. */
@BerthTest
class FilesAndImagesIT {

  private static String sleeper(BerthDaemon d, String name) {
    return d.docker("run", "-d", "--network", "none", "--name", name, "busybox", "sleep", "300").ok().outTrim();
  }

  private static List<String> tarNames(Path tar) {
    return ProcessRunner.run(List.of("tar", "-tf", tar.toString()), Map.of(), null, Duration.ofSeconds(30)).ok()
        .out().lines().toList();
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void cpBothWaysAndDiff(Cli cli, BerthDaemon d, @TempDir Path tmp) throws IOException {
    String name = Names.unique("cp");
    sleeper(d, name);
    try {
      Path in = tmp.resolve("hello.txt");
      Files.writeString(in, "copied in\n");
      cli.run(d, "cp", in.toString(), name + ":/tmp/hello.txt").ok();
      assertThat(d.docker("exec", name, "cat", "/tmp/hello.txt").ok().out()).isEqualTo("copied in\n");

      Path out = tmp.resolve("passwd");
      cli.run(d, "cp", name + ":/etc/passwd", out.toString()).ok();
      assertThat(Files.readString(out)).contains("app:x:1000:1000");

      d.docker("exec", name, "rm", "/etc/group").ok();
      List<String> diff = cli.run(d, "diff", name).ok().out().lines().toList();
      assertThat(diff).contains("C /tmp", "A /tmp/hello.txt", "C /etc", "D /etc/group");
    } finally {
      d.docker("rm", "-f", name);
    }
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void exportCommitAndRunTheCommit(Cli cli, BerthDaemon d, @TempDir Path tmp) {
    String name = Names.unique("exp");
    String image = Names.unique("committed") + ":v1";
    sleeper(d, name);
    try {
      d.docker("exec", name, "sh", "-c", "echo made-inside > /marker").ok();
      Path tar = tmp.resolve("export.tar");
      cli.run(d, "export", "-o", tar.toString(), name).ok();
      assertThat(tarNames(tar)).anyMatch(n -> n.endsWith("bin/busybox")).anyMatch(n -> n.endsWith("marker"));

      cli.run(d, "commit", "-c", "CMD [\"cat\", \"/marker\"]", name, image).ok();
      assertThat(d.docker("run", "--rm", "--network", "none", image).ok().out()).isEqualTo("made-inside\n");
      assertThat(d.docker("history", image).ok().out().lines().count()).isGreaterThanOrEqualTo(3);
    } finally {
      d.docker("rm", "-f", name);
      d.docker("rmi", "-f", image);
    }
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void importWithChanges(Cli cli, BerthDaemon d) {
    String image = Names.unique("imported") + ":1";
    try {
      cli.run(d, "import", "--change", "ENV GREETING=imported", "--change", "CMD [\"sh\", \"-c\", \"echo $GREETING\"]",
          TestImages.busyboxTar().toString(), image).ok();
      assertThat(d.docker("run", "--rm", "--network", "none", image).ok().out()).isEqualTo("imported\n");
      assertThat(d.docker("image", "inspect", "-f", "{{json .Config.Env}}", image).ok().out()).contains("GREETING=imported");
    } finally {
      d.docker("rmi", "-f", image);
    }
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void saveAndLoadRoundTrip(Cli cli, BerthDaemon d, @TempDir Path tmp) {
    String image = Names.unique("saved") + ":1";
    d.docker("tag", "busybox", image).ok();
    Path tar = tmp.resolve("saved.tar");
    cli.run(d, "save", "-o", tar.toString(), image).ok();
    assertThat(tarNames(tar)).contains("manifest.json").anyMatch(n -> n.startsWith("blobs/sha256/") || n.endsWith("layer.tar"));
    assertThat(cli.run(d, "rmi", image).ok().out()).contains("Untagged: " + image);
    assertThat(cli.run(d, "load", "-i", tar.toString()).ok().out()).contains("Loaded image: " + image);
    try {
      assertThat(d.docker("run", "--rm", "--network", "none", image, "echo", "loaded").ok().outTrim()).isEqualTo("loaded");
    } finally {
      d.docker("rmi", "-f", image);
    }
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void tagListRemovePruneHistory(Cli cli, BerthDaemon d) {
    String repo = Names.unique("mybox");
    cli.run(d, "tag", "busybox", repo + ":1").ok();
    List<String> images = cli.run(d, "images").ok().out().lines().toList();
    assertThat(images.getFirst()).matches("REPOSITORY +TAG +IMAGE ID +CREATED +SIZE");
    assertThat(images).anyMatch(l -> l.startsWith(repo + " ") && l.contains(" 1 "));
    assertThat(cli.run(d, "images", "--format", "{{.Repository}}:{{.Tag}}").ok().out().lines()).contains(repo + ":1", "busybox:latest");

    assertThat(cli.run(d, "image", "rm", repo + ":1").ok().out()).isEqualTo("Untagged: " + repo + ":1\n");
    assertThat(cli.run(d, "image", "inspect", "busybox").exitCode()).isZero();

    assertThat(cli.run(d, "history", "busybox").ok().out().lines().findFirst().orElseThrow())
        .matches("IMAGE +CREATED +CREATED BY +SIZE +COMMENT");
    assertThat(cli.run(d, "image", "prune", "-f").exitCode()).isZero();
    assertThat(cli.run(d, "image", "inspect", "busybox").exitCode()).as("tagged images survive prune").isZero();
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void imageInUseIsNotRemovedWithoutForce(Cli cli, BerthDaemon d) {
    String image = Names.unique("inuse") + ":1";
    String name = Names.unique("user");
    d.docker("tag", "busybox", image).ok();
    d.docker("create", "--network", "none", "--name", name, image, "true").ok();
    try {
      var refused = cli.run(d, "rmi", d.docker("inspect", "-f", "{{.Image}}", name).ok().outTrim());
      assertThat(refused.exitCode()).isNotZero();
      assertThat(refused.err()).containsAnyOf("conflict", "is being used", "must be forced");
    } finally {
      d.docker("rm", "-f", name);
      d.docker("rmi", image);
    }
  }
}

package berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import berth.testkit.BerthDaemon;
import berth.testkit.BerthTest;
import berth.testkit.ExecResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /build through the real docker CLI's classic builder (DOCKER_BUILDKIT=0): steps, images, cache. */
@BerthTest
@Tag("integration")
class BuildIT {
  @TempDir
  Path tmp;

  static ExecResult dockerBuild(BerthDaemon d, Path ctx, String... args) {
    StringBuilder cmd = new StringBuilder("cd '" + ctx + "' && DOCKER_BUILDKIT=0 docker build");
    for (String a : args) {
      cmd.append(" '").append(a).append('\'');
    }
    cmd.append(" . 2>&1");
    return d.sh(cmd.toString());
  }

  static Path context(Path dir, String dockerfile, String... files) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("Dockerfile"), dockerfile);
    for (int i = 0; i + 1 < files.length; i += 2) {
      Path f = dir.resolve(files[i]);
      Files.createDirectories(f.getParent());
      Files.writeString(f, files[i + 1]);
    }
    return dir;
  }

  static JsonNode inspect(BerthDaemon d, String image) {
    return BerthDaemon.parse(d.docker("image", "inspect", image).ok().out()).get(0);
  }

  @Test
  void minimalInstructionsBuildAnImageThatRuns(BerthDaemon d) throws Exception {
    String tag = Names.unique("b1") + ":v1";
    Path ctx = context(tmp.resolve("c1"), """
        FROM busybox
        ENV GREETING=hello WHO=world
        WORKDIR /app
        COPY hello.txt .
        RUN echo "$GREETING $WHO" > out.txt && cat hello.txt >> out.txt
        CMD ["cat", "/app/out.txt"]
        """, "hello.txt", "from the context\n");
    ExecResult r = dockerBuild(d, ctx, "-t", tag);
    assertThat(r.exitCode()).as(r.out()).isZero();
    String out = r.out();
    assertThat(out).contains("Step 1/6 : FROM busybox", "Step 2/6 : ENV GREETING=hello WHO=world",
        "Step 5/6 : RUN echo \"$GREETING $WHO\" > out.txt && cat hello.txt >> out.txt", " ---> Running in ",
        "Removing intermediate container ", "Successfully built ", "Successfully tagged " + tag);
    assertThat(d.docker("run", "--rm", tag).ok().out()).isEqualTo("hello world\nfrom the context\n");
    JsonNode img = inspect(d, tag);
    assertThat(img.at("/Config/WorkingDir").asText()).isEqualTo("/app");
    assertThat(img.at("/Config/Env").toString()).contains("GREETING=hello", "WHO=world");
    assertThat(img.at("/Config/Cmd").toString()).isEqualTo("[\"cat\",\"/app/out.txt\"]");
    JsonNode hist = BerthDaemon.parse(d.docker("history", "--no-trunc", "--format", "{{json .}}", tag).ok().out()
        .lines().reduce("[", (a, b) -> a.equals("[") ? a + b : a + "," + b) + "]");
    List<String> createdBy = new ArrayList<>();
    hist.forEach(h -> createdBy.add(h.get("CreatedBy").asText()));
    assertThat(createdBy.subList(0, 5)).containsExactly(
        "/bin/sh -c #(nop)  CMD [\"cat\" \"/app/out.txt\"]",
        "/bin/sh -c echo \"$GREETING $WHO\" > out.txt && cat hello.txt >> out.txt",
        createdBy.get(2), "/bin/sh -c #(nop) WORKDIR /app", "/bin/sh -c #(nop)  ENV GREETING=hello WHO=world");
    assertThat(createdBy.get(2)).matches("/bin/sh -c #\\(nop\\) COPY file:[0-9a-f]{64} in /app/ ");

    // nothing changed: every step from the cache, no container, same image
    String id = img.get("Id").asText();
    ExecResult again = dockerBuild(d, ctx, "-t", tag);
    assertThat(again.exitCode()).as(again.out()).isZero();
    assertThat(again.out()).doesNotContain("Running in").contains(" ---> Using cache");
    assertThat(again.out().split(" ---> Using cache", -1)).hasSize(6);
    assertThat(inspect(d, tag).get("Id").asText()).isEqualTo(id);
  }

  @Test
  void failingRunReportsItsExitCodeAndLeavesNothing(BerthDaemon d) throws Exception {
    String tag = Names.unique("bf") + ":v1";
    Path ctx = context(tmp.resolve("cf"), """
        FROM busybox
        RUN echo before; exit 3
        """);
    ExecResult r = dockerBuild(d, ctx, "-t", tag);
    assertThat(r.exitCode()).as(r.out()).isEqualTo(3);
    assertThat(r.out()).contains("before", "The command '/bin/sh -c echo before; exit 3' returned a non-zero code: 3");
    assertThat(d.docker("image", "inspect", tag).exitCode()).isEqualTo(1);
    assertThat(d.docker("ps", "-aq").ok().outTrim()).isEmpty();
  }
}

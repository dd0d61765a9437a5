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
    assertThat(createdBy.get(2)).matches("/bin/sh -c #\\(nop\\) COPY file:[0-9a-f]{64} in \\. ");
    // as Docker's classic builder: the default PATH is added to a stage that has none
    assertThat(img.at("/Config/Env").toString()).contains("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    // the steps' images are hidden from `images` (they are parents), shown with -a, as in Docker
    String untagged = d.docker("images", "-q", "--filter", "dangling=true").ok().outTrim();
    assertThat(untagged).isEmpty();
    assertThat(d.docker("images", "-a", "-q").ok().out().lines().count())
        .isGreaterThan(d.docker("images", "-q").ok().out().lines().count());

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

  static List<String> createdBy(BerthDaemon d, String image) {
    List<String> out = new ArrayList<>();
    d.getJson("/images/" + image + "/history").forEach(h -> out.add(h.get("CreatedBy").asText()));
    return out;
  }

  @Test
  void everyInstructionIsWrittenIntoTheConfigAsDockerDoes(BerthDaemon d) throws Exception {
    String base = Names.unique("ball") + ":v1";
    Path ctx = context(tmp.resolve("call"), """
        ARG BASE=busybox
        FROM $BASE AS first
        MAINTAINER Jane Doe <jane@example.com>
        ARG VERSION=0.1
        LABEL org.example.version=$VERSION "org.example.name"="my app"
        EXPOSE 8080 53/udp
        ENV APP_HOME=/srv/app
        WORKDIR $APP_HOME
        RUN echo "version $VERSION" > version.txt
        SHELL ["/bin/sh", "-ec"]
        VOLUME /data
        USER 1000:1000
        HEALTHCHECK --interval=5m --timeout=3s --retries=3 CMD wget -q -O- http://localhost/ || exit 1
        STOPSIGNAL SIGINT
        ONBUILD RUN echo triggered > /tmp/onbuild.txt
        ENTRYPOINT ["cat"]
        CMD ["/srv/app/version.txt"]
        """);
    ExecResult r = dockerBuild(d, ctx, "-t", base, "--build-arg", "VERSION=2.0", "--label", "extra=yes");
    assertThat(r.exitCode()).as(r.out()).isZero();
    assertThat(r.out()).contains("Step 1/18 : ARG BASE=busybox", "Step 2/18 : FROM $BASE AS first",
        "Step 18/18 : LABEL extra=yes");
    JsonNode img = inspect(d, base);
    JsonNode c = img.get("Config");
    assertThat(img.get("Author").asText()).isEqualTo("Jane Doe <jane@example.com>");
    assertThat(c.get("Labels").toString()).isEqualTo(
        "{\"extra\":\"yes\",\"org.example.name\":\"my app\",\"org.example.version\":\"2.0\"}");
    assertThat(c.get("ExposedPorts").toString()).isEqualTo("{\"53/udp\":{},\"8080/tcp\":{}}");
    assertThat(c.get("Env").toString()).contains("APP_HOME=/srv/app").doesNotContain("VERSION");
    assertThat(c.get("WorkingDir").asText()).isEqualTo("/srv/app");
    assertThat(c.get("Shell").toString()).isEqualTo("[\"/bin/sh\",\"-ec\"]");
    assertThat(c.get("Volumes").toString()).isEqualTo("{\"/data\":{}}");
    assertThat(c.get("User").asText()).isEqualTo("1000:1000");
    assertThat(c.get("Healthcheck").toString()).isEqualTo("{\"Test\":[\"CMD-SHELL\",\"wget -q -O- http://localhost/ || exit 1\"],"
        + "\"Interval\":300000000000,\"Timeout\":3000000000,\"Retries\":3}");
    assertThat(c.get("StopSignal").asText()).isEqualTo("SIGINT");
    assertThat(c.get("OnBuild").toString()).isEqualTo("[\"RUN echo triggered > /tmp/onbuild.txt\"]");
    assertThat(c.get("Entrypoint").toString()).isEqualTo("[\"cat\"]");
    assertThat(c.get("Cmd").toString()).isEqualTo("[\"/srv/app/version.txt\"]");
    assertThat(d.docker("run", "--rm", base).ok().out()).isEqualTo("version 2.0\n");

    List<String> h = createdBy(d, base);
    assertThat(h.subList(0, 17)).containsExactly(
        "/bin/sh -ec #(nop)  LABEL extra=yes",
        "/bin/sh -ec #(nop)  CMD [\"/srv/app/version.txt\"]",
        "/bin/sh -ec #(nop)  ENTRYPOINT [\"cat\"]",
        "/bin/sh -ec #(nop)  ONBUILD RUN echo triggered > /tmp/onbuild.txt",
        "/bin/sh -ec #(nop)  STOPSIGNAL SIGINT",
        "/bin/sh -ec #(nop)  HEALTHCHECK &{[\"CMD-SHELL\" \"wget -q -O- http://localhost/ || exit 1\"] \"5m0s\" \"3s\" \"0s\" '\\x03'}",
        "/bin/sh -ec #(nop)  USER 1000:1000",
        "/bin/sh -ec #(nop)  VOLUME [/data]",
        "/bin/sh -ec #(nop)  SHELL [/bin/sh -ec]",
        "|1 VERSION=2.0 /bin/sh -c echo \"version $VERSION\" > version.txt",
        "/bin/sh -c #(nop) WORKDIR /srv/app",
        "/bin/sh -c #(nop)  ENV APP_HOME=/srv/app",
        "/bin/sh -c #(nop)  EXPOSE 53/udp 8080", // sorted, as moby's parser does
        "/bin/sh -c #(nop)  LABEL org.example.version=2.0 org.example.name=my app",
        "/bin/sh -c #(nop)  ARG VERSION=0.1",
        "/bin/sh -c #(nop)  MAINTAINER Jane Doe <jane@example.com>",
        createdBy(d, "busybox").get(0));
    // metadata steps are empty layers and ran no container; RUN and WORKDIR added layers
    JsonNode raw = d.getJson("/images/" + base + "/json");
    assertThat(raw.at("/RootFS/Layers").size()).isEqualTo(inspect(d, "busybox").at("/RootFS/Layers").size() + 2);

    // ONBUILD fires in a child image and is not inherited further
    String child = Names.unique("bchild") + ":v1";
    Path cctx = context(tmp.resolve("cchild"), "FROM " + base + "\nCMD [\"/tmp/onbuild.txt\"]\n");
    ExecResult cr = dockerBuild(d, cctx, "-t", child);
    assertThat(cr.exitCode()).as(cr.out()).isZero();
    assertThat(cr.out()).contains("# Executing 1 build trigger");
    assertThat(d.docker("run", "--rm", child).ok().out()).isEqualTo("triggered\n");
    assertThat(inspect(d, child).at("/Config/OnBuild").isNull()).isTrue();
  }

  @Test
  void cacheHitsAndMissesStepByStepAndSurvivesRestart(BerthDaemon d) throws Exception {
    String tag = Names.unique("bc") + ":v1";
    Path ctx = context(tmp.resolve("cc"), """
        FROM busybox
        RUN echo one > /one
        COPY app.txt /app/
        RUN cat /app/app.txt > /copy
        ENV DONE=1
        """, "app.txt", "v1\n");
    ExecResult first = dockerBuild(d, ctx, "-t", tag);
    assertThat(first.exitCode()).as(first.out()).isZero();
    assertThat(steps(first.out())).containsExactly("run", "run", "run", "run");
    String id1 = inspect(d, tag).get("Id").asText();

    // touched but unchanged: still all cached
    Files.setLastModifiedTime(ctx.resolve("app.txt"), java.nio.file.attribute.FileTime.fromMillis(0));
    ExecResult touched = dockerBuild(d, ctx, "-t", tag);
    assertThat(steps(touched.out())).containsExactly("cache", "cache", "cache", "cache");
    assertThat(inspect(d, tag).get("Id").asText()).isEqualTo(id1);

    // the cache is on disk: a restarted daemon still hits
    d.restart();
    ExecResult afterRestart = dockerBuild(d, ctx, "-t", tag);
    assertThat(steps(afterRestart.out())).as(afterRestart.out()).containsExactly("cache", "cache", "cache", "cache");
    assertThat(afterRestart.out()).doesNotContain("Running in");

    // changed content: the COPY and everything after it run again
    Files.writeString(ctx.resolve("app.txt"), "v2\n");
    ExecResult changed = dockerBuild(d, ctx, "-t", tag);
    assertThat(steps(changed.out())).containsExactly("cache", "run", "run", "run");
    assertThat(d.docker("run", "--rm", tag, "cat", "/copy").ok().out()).isEqualTo("v2\n");

    // --no-cache runs every step
    ExecResult none = dockerBuild(d, ctx, "-t", tag, "--no-cache");
    assertThat(steps(none.out())).containsExactly("run", "run", "run", "run");
  }

  /** For each step after FROM: "cache" when it was answered from the cache, else "run". */
  static List<String> steps(String out) {
    List<String> s = new ArrayList<>();
    String[] parts = out.split("\nStep ");
    for (int i = 2; i < parts.length; i++) {
      s.add(parts[i].contains(" ---> Using cache") ? "cache" : "run");
    }
    return s;
  }

  @Test
  void dockerignoreExcludesFilesFromTheContext(BerthDaemon d) throws Exception {
    Path ctx = context(tmp.resolve("ci"), """
        FROM busybox
        COPY . /ctx/
        CMD ["sh", "-c", "cd /ctx && find . -type f | sort"]
        """, "keep.txt", "k", "secret.env", "s", "logs/a.log", "a", "logs/keep.log", "kl", ".dockerignore",
        "*.env\nlogs/\n!logs/keep.log\n");
    for (Cli cli : Cli.values()) {
      String tag = Names.unique("bi") + ":v1";
      ExecResult r = cli == Cli.DOCKER ? dockerBuild(d, ctx, "-t", tag)
          : d.sh("berth build --progress=plain -t " + tag + " '" + ctx + "' 2>&1");
      assertThat(r.exitCode()).as(r.out()).isZero();
      assertThat(d.docker("run", "--rm", tag).ok().out()).as(cli.name())
          .isEqualTo("./.dockerignore\n./Dockerfile\n./keep.txt\n./logs/keep.log\n");
    }
  }

  @Test
  void multiStageCopiesFromStagesAndSkipsWhatTheTargetDoesNotNeed(BerthDaemon d) throws Exception {
    Path ctx = context(tmp.resolve("cm"), """
        FROM busybox AS builder
        RUN mkdir /out && echo built > /out/artifact
        FROM busybox AS broken
        RUN exit 7
        FROM scratch AS final
        COPY --from=builder /out/artifact /artifact
        COPY --from=0 /bin/busybox /bin/cat
        CMD ["/bin/cat", "/artifact"]
        FROM final AS extra
        LABEL stage=extra
        """);
    String tag = Names.unique("bm") + ":v1";
    ExecResult r = dockerBuild(d, ctx, "-t", tag, "--target", "final");
    assertThat(r.exitCode()).as(r.out()).isZero();
    assertThat(r.out()).doesNotContain("exit 7").doesNotContain("stage=extra");
    assertThat(d.docker("run", "--rm", tag).ok().out()).isEqualTo("built\n");
    assertThat(inspect(d, tag).at("/RootFS/Layers").size()).isEqualTo(2);
    ExecResult missing = dockerBuild(d, ctx, "--target", "nosuch");
    assertThat(missing.exitCode()).isNotZero();
    assertThat(missing.out()).contains("failed to reach build target nosuch in Dockerfile");
  }

  @Test
  void copyCannotReachOutsideTheContext(BerthDaemon d) throws Exception {
    Path outside = tmp.resolve("outside.txt");
    Files.writeString(outside, "secret");
    Path ctx = context(tmp.resolve("ce"), "FROM busybox\nCOPY ../outside.txt /x\n");
    ExecResult r = dockerBuild(d, ctx);
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.out()).contains("Forbidden path outside the build context: ../outside.txt ()");
    Path ctx2 = context(tmp.resolve("ce2"), "FROM busybox\nCOPY link /x\n");
    Files.createSymbolicLink(ctx2.resolve("link"), outside);
    ExecResult r2 = dockerBuild(d, ctx2);
    assertThat(r2.exitCode()).isNotZero();
    assertThat(r2.out()).contains("file not found in build context or excluded by .dockerignore");
    assertThat(d.docker("ps", "-aq").ok().outTrim()).isEmpty();
    try (var left = Files.list(d.dataRoot().resolve("build/tmp"))) {
      assertThat(left.toList()).isEmpty();
    }
  }

  @Test
  void berthBuildQuietPrintsTheIdOnly(BerthDaemon d) throws Exception {
    Path ctx = context(tmp.resolve("cq"), "FROM busybox\nRUN echo quiet > /q\n");
    String tag = Names.unique("bq") + ":v1";
    ExecResult r = d.berth("build", "-q", "-t", tag, ctx.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.outTrim()).matches("sha256:[0-9a-f]{64}").isEqualTo(inspect(d, tag).get("Id").asText());
    Path ctx2 = context(tmp.resolve("cq2"), "FROM busybox\nARG CODE\nRUN exit $CODE\n");
    ExecResult fail = d.berth("build", "--progress=plain", "--build-arg", "CODE=4", ctx2.toString());
    assertThat(fail.exitCode()).isEqualTo(4);
    assertThat(fail.err()).contains("The command '/bin/sh -c exit $CODE' returned a non-zero code: 4");
  }

  @Test
  void aClientThatGoesAwayStopsTheBuildAndLeavesNothing(BerthDaemon d) throws Exception {
    String tag = Names.unique("bgone") + ":v1";
    Path ctx = context(tmp.resolve("cg"), "FROM busybox\nRUN echo started; sleep 60\n");
    long t0 = System.nanoTime();
    ExecResult r = d.sh("cd '" + ctx + "' && DOCKER_BUILDKIT=0 timeout -s KILL 4 docker build -t " + tag + " . 2>&1");
    assertThat(r.exitCode()).as(r.out()).isNotZero();
    assertThat(r.out()).contains("Running in");
    BerthDaemon.eventually(java.time.Duration.ofSeconds(20), "the RUN container to be removed",
        () -> d.docker("ps", "-aq").ok().outTrim().isEmpty());
    assertThat((System.nanoTime() - t0) / 1_000_000_000L).isLessThan(40);
    assertThat(d.docker("image", "inspect", tag).exitCode()).isEqualTo(1);
  }
}

package berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.api.model.ContainerInspect;
import berth.api.model.Event;
import berth.api.model.HostConfig;
import berth.api.model.WaitResponse;
import berth.core.errors.Conflict;
import berth.core.errors.InvalidArgument;
import berth.core.errors.NotFound;
import berth.core.errors.NotModified;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerLifecycleTest {
  @TempDir Path dir;
  EngineHarness h;
  ContainerService cs;

  @BeforeEach
  void open() {
    h = new EngineHarness(dir);
    cs = h.engine.containers();
  }

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void createMergesImageConfigAndFillsDockerDefaults() {
    String id = h.create("web");
    ContainerInspect i = cs.inspect("web", false);
    assertThat(i.id()).isEqualTo(id);
    assertThat(i.name()).isEqualTo("/web");
    assertThat(i.path()).isEqualTo("sh");
    assertThat(i.args()).isEmpty();
    assertThat(i.config().env()).containsExactly("PATH=/bin", "FROM_IMAGE=1");
    assertThat(i.config().workingDir()).isEqualTo("/work");
    assertThat(i.config().labels()).containsEntry("img", "yes");
    assertThat(i.config().hostname()).isEqualTo(id.substring(0, 12));
    assertThat(i.state().status()).isEqualTo("created");
    assertThat(i.state().startedAt()).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(i.hostConfig().restartPolicy().name()).isEqualTo("no");
    assertThat(i.hostConfig().shmSize()).isEqualTo(64L * 1024 * 1024);
    assertThat(i.hostConfig().logConfig().type()).isEqualTo("json-file");
    assertThat(i.image()).startsWith("sha256:");
  }

  @Test
  void userCommandReplacesImageCmdAndEntrypointEmptyStringClearsIt() {
    cs.create("aa", EngineHarness.config("echo", "hi"), EngineHarness.host(), null, null);
    assertThat(cs.inspect("aa", false).path()).isEqualTo("echo");
    assertThat(cs.inspect("aa", false).args()).containsExactly("hi");
  }

  @Test
  void bridgeNetworkingIsRefusedWithAClearMessage() {
    assertThatThrownBy(() -> cs.create("xx", EngineHarness.config(), HostConfig.empty(), null, null))
        .isInstanceOf(InvalidArgument.class).hasMessageContaining("bridge networking is not available");
    assertThatThrownBy(() -> cs.create("xx", EngineHarness.config(),
        HostConfig.builder().networkMode("bridge").build(), null, null)).isInstanceOf(InvalidArgument.class);
  }

  @Test
  void unsupportedHostConfigFieldsAreRefusedNotIgnored() {
    HostConfig links = HostConfig.builder().networkMode("none").links(List.of("a:b")).build();
    assertThatThrownBy(() -> cs.create(null, EngineHarness.config(), links, null, null))
        .isInstanceOf(InvalidArgument.class).hasMessageContaining("Links");
    HostConfig runtime = HostConfig.builder().networkMode("none").runtime("kata").build();
    assertThatThrownBy(() -> cs.create(null, EngineHarness.config(), runtime, null, null))
        .hasMessageContaining("Runtime");
    assertThat(h.engine.containers().list(true, 0, false, Map.of())).isEmpty();
  }

  @Test
  void unknownImageIsNotFoundWithTheTagDockerShows() {
    assertThatThrownBy(() -> cs.create(null,
        berth.api.model.ContainerConfig.builder().image("nosuch").build(), EngineHarness.host(), null, null))
        .isInstanceOf(NotFound.class).hasMessage("No such image: nosuch:latest");
  }

  @Test
  void namesAreValidatedUniqueAndGenerated() {
    String id = h.create("web");
    assertThatThrownBy(() -> h.create("web")).isInstanceOf(Conflict.class).hasMessage(
        "Conflict. The container name \"/web\" is already in use by container \"" + id
            + "\". You have to remove (or rename) that container to be able to reuse that name.");
    assertThatThrownBy(() -> h.create("bad name")).isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("Invalid container name (bad name)");
    String gen = h.create(null);
    assertThat(cs.inspect(gen, false).name()).matches("/[a-z]+_[a-z]+\\d?");
  }

  @Test
  void referencesResolveByIdNameAndUniquePrefix() {
    String id = h.create("web");
    assertThat(cs.inspect(id.substring(0, 5), false).id()).isEqualTo(id);
    assertThat(cs.inspect("/web", false).id()).isEqualTo(id);
    assertThatThrownBy(() -> cs.inspect("nothere", false)).isInstanceOf(NotFound.class)
        .hasMessage("No such container: nothere");
  }

  @Test
  void startRunsTheRuntimeAndWritesTheSpec() throws Exception {
    String id = h.create("web", "echo", "hi");
    cs.start("web");
    assertThat(h.runtime.calls).containsSubsequence("create " + id, "start " + id);
    ContainerInspect i = cs.inspect(id, false);
    assertThat(i.state().status()).isEqualTo("running");
    assertThat(i.state().running()).isTrue();
    assertThat(i.state().pid()).isPositive();
    String spec = Files.readString(dir.resolve("run/bundles/" + id + "/config.json"));
    assertThat(spec).contains("\"args\":[\"echo\",\"hi\"]").contains("HOSTNAME=" + id.substring(0, 12))
        .contains("/berth/" + id).contains("/etc/resolv.conf");
    assertThat(Files.readString(dir.resolve("data/containers/" + id + "/hostname"))).isEqualTo(id.substring(0, 12) + "\n");
    assertThatThrownBy(() -> cs.start("web")).isInstanceOf(NotModified.class);
  }

  @Test
  void exitIsRecordedAndWaitersWoken() throws Exception {
    String id = h.create("web");
    CompletableFuture<WaitResponse> next = cs.wait("web", "next-exit").toCompletableFuture();
    cs.start("web");
    CompletableFuture<WaitResponse> notRunning = cs.wait("web", null).toCompletableFuture();
    h.runtime.exit(id, 3);
    assertThat(next.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(3L);
    assertThat(notRunning.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(3L);
    awaitStatus("web", "exited");
    ContainerInspect i = cs.inspect(id, false);
    assertThat(i.state().exitCode()).isEqualTo(3);
    assertThat(i.state().finishedAt()).isNotEqualTo("0001-01-01T00:00:00Z");
    assertThat(h.mounter.mounted).isEmpty();
    assertThat(cs.wait("web", "not-running").toCompletableFuture().get(1, TimeUnit.SECONDS).statusCode()).isEqualTo(3L);
    assertThatThrownBy(() -> cs.wait("web", "bogus")).isInstanceOf(InvalidArgument.class);
  }

  @Test
  void stopSendsStopSignalThenKillAfterTimeout() {
    String id = h.create("web");
    cs.start(id);
    h.runtime.ignoreTerm = true;
    long t0 = System.nanoTime();
    cs.stop(id, null, 1);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertThat(h.runtime.calls).containsSubsequence("kill " + id + " 15", "kill " + id + " 9");
    assertThat(cs.inspect(id, false).state().status()).isEqualTo("exited");
    assertThat(cs.inspect(id, false).state().exitCode()).isEqualTo(137);
    assertThatThrownBy(() -> cs.stop(id, null, 1)).isInstanceOf(NotModified.class);
  }

  @Test
  void killOfAStoppedContainerConflicts() {
    String id = h.create("web");
    assertThatThrownBy(() -> cs.kill(id, null)).isInstanceOf(Conflict.class)
        .hasMessage("Container " + id + " is not running");
    cs.start(id);
    assertThatThrownBy(() -> cs.kill(id, "SIGNOPE")).isInstanceOf(InvalidArgument.class)
        .hasMessage("Invalid signal: SIGNOPE");
  }

  @Test
  void removeOfARunningContainerNeedsForce() throws Exception {
    String id = h.create("web");
    cs.start(id);
    CompletableFuture<WaitResponse> removed = cs.wait(id, "removed").toCompletableFuture();
    assertThatThrownBy(() -> cs.remove("web", false, false, false)).isInstanceOf(Conflict.class).hasMessage(
        "You cannot remove a running container " + id
            + ". Stop the container before attempting removal or force remove");
    cs.remove("web", true, false, false);
    assertThat(removed.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(137L);
    assertThatThrownBy(() -> cs.inspect(id, false)).isInstanceOf(NotFound.class);
    assertThat(h.store.get(id)).isEmpty();
    assertThat(h.snapshots.stat(id)).isEmpty();
    assertThat(Files.exists(dir.resolve("data/containers/" + id))).isFalse();
    h.create("web"); // the name is free again
  }

  @Test
  void pauseAndUnpauseFollowTheStateMachine() {
    String id = h.create("web");
    assertThatThrownBy(() -> cs.pause(id)).isInstanceOf(Conflict.class).hasMessageContaining("is not running");
    cs.start(id);
    cs.pause(id);
    assertThat(cs.inspect(id, false).state().paused()).isTrue();
    assertThatThrownBy(() -> cs.pause(id)).hasMessageContaining("is already paused");
    assertThatThrownBy(() -> cs.start(id)).isInstanceOf(Conflict.class);
    cs.unpause(id);
    assertThat(cs.inspect(id, false).state().status()).isEqualTo("running");
    assertThatThrownBy(() -> cs.unpause(id)).hasMessageContaining("is not paused");
  }

  @Test
  void alwaysRestartsWithBackoffAndCountsRestarts() throws Exception {
    String id = h.engine.containers().create("web", EngineHarness.config(), EngineHarness.host("always", 0), null,
        null).id();
    cs.start(id);
    h.runtime.exit(id, 1);
    awaitRestartCount(id, 1);
    awaitStatus(id, "running");
    cs.stop(id, null, 1); // manual stop: no restart
    Thread.sleep(300);
    assertThat(cs.inspect(id, false).state().status()).isEqualTo("exited");
  }

  @Test
  void onFailureStopsAfterMaximumRetries() throws Exception {
    String id = h.engine.containers().create("web", EngineHarness.config(), EngineHarness.host("on-failure", 1),
        null, null).id();
    cs.start(id);
    h.runtime.exit(id, 2);
    awaitRestartCount(id, 1);
    awaitStatus(id, "running");
    h.runtime.exit(id, 2);
    awaitStatus(id, "exited");
    Thread.sleep(300);
    assertThat(cs.inspect(id, false).state().status()).isEqualTo("exited");
    assertThat(cs.inspect(id, false).restartCount()).isEqualTo(1);
  }

  @Test
  void autoRemoveRemovesAfterExit() throws Exception {
    HostConfig hc = HostConfig.builder().networkMode("none").autoRemove(true).build();
    String id = cs.create(null, EngineHarness.config(), hc, null, null).id();
    CompletableFuture<WaitResponse> removed = cs.wait(id, "removed").toCompletableFuture();
    cs.start(id);
    h.runtime.exit(id, 0);
    assertThat(removed.get(5, TimeUnit.SECONDS).statusCode()).isZero();
    assertThatThrownBy(() -> cs.inspect(id, false)).isInstanceOf(NotFound.class);
  }

  @Test
  void renameMovesTheNameAndPublishesTheOldOne() throws Exception {
    String id = h.create("old");
    h.create("taken");
    try (BlockingSource<Event> ev = h.engine.events().subscribe(null, null, Map.of("event", List.of("rename")))) {
      assertThatThrownBy(() -> cs.rename("old", "taken")).isInstanceOf(Conflict.class);
      cs.rename("old", "new");
      Event e = ev.next();
      assertThat(e.actor().attributes()).containsEntry("oldName", "/old").containsEntry("name", "new");
    }
    assertThat(cs.inspect("new", false).id()).isEqualTo(id);
    assertThatThrownBy(() -> cs.inspect("old", false)).isInstanceOf(NotFound.class);
    h.create("old");
  }

  @Test
  void eventsFollowTheLifecycle() throws Exception {
    Instant since = Instant.now().minusSeconds(1);
    String id = h.create("web");
    cs.start(id);
    cs.stop(id, null, 5);
    cs.remove(id, false, false, false);
    List<String> actions = new ArrayList<>();
    try (BlockingSource<Event> ev = h.engine.events().subscribe(since, Instant.now().plusMillis(200),
        Map.of("container", List.of("web")))) {
      for (Event e; (e = ev.next()) != null; ) {
        actions.add(e.action());
        assertThat(e.type()).isEqualTo("container");
        assertThat(e.timeNano()).isPositive();
      }
    }
    assertThat(actions).containsExactly("create", "start", "kill", "die", "stop", "destroy");
  }

  @Test
  void listShowsRunningByDefaultAndFilters() {
    String a = h.create("aa");
    String b = h.create("bb");
    cs.start(a);
    assertThat(cs.list(false, 0, false, Map.of())).extracting(s -> s.id()).containsExactly(a);
    assertThat(cs.list(true, 0, false, Map.of())).extracting(s -> s.id()).containsExactly(b, a);
    assertThat(cs.list(false, 0, false, Map.of("status", List.of("created")))).extracting(s -> s.id())
        .containsExactly(b);
    assertThat(cs.list(true, 0, false, Map.of("name", List.of("^aa$")))).extracting(s -> s.id()).containsExactly(a);
    assertThat(cs.list(true, 0, false, Map.of("label", List.of("img=yes")))).hasSize(2);
    assertThat(cs.list(true, 0, false, Map.of("ancestor", List.of("busybox")))).hasSize(2);
    assertThat(cs.list(true, 1, false, Map.of())).extracting(s -> s.id()).containsExactly(b);
    assertThat(cs.list(true, 0, false, Map.of("before", List.of("bb")))).extracting(s -> s.id()).containsExactly(a);
    assertThatThrownBy(() -> cs.list(true, 0, false, Map.of("status", List.of("zzz"))))
        .isInstanceOf(InvalidArgument.class).hasMessage("invalid filter 'status=zzz'");
    assertThatThrownBy(() -> cs.list(true, 0, false, Map.of("bogus", List.of("x"))))
        .hasMessage("invalid filter 'bogus'");
    var row = cs.list(false, 0, false, Map.of()).get(0);
    assertThat(row.names()).containsExactly("/aa");
    assertThat(row.status()).startsWith("Up ");
    assertThat(row.command()).isEqualTo("sh");
  }

  @Test
  void startFailureKeepsDockerExitCode() {
    String id = h.create("web");
    h.runtime.failStart = "exec: \"nosuch\": executable file not found in $PATH";
    assertThatThrownBy(() -> cs.start(id)).isInstanceOf(InvalidArgument.class).hasMessageContaining("not found");
    ContainerInspect i = cs.inspect(id, false);
    assertThat(i.state().exitCode()).isEqualTo(127);
    assertThat(i.state().status()).isEqualTo("created");
    assertThat(i.state().error()).contains("executable file not found");
    assertThat(h.mounter.mounted).isEmpty();
  }

  @Test
  void failedStartOfAutoRemoveContainerRemovesItAndAnswersRemovedWaiters() throws Exception {
    HostConfig hc = HostConfig.builder().networkMode("none").autoRemove(true).build();
    String id = cs.create(null, EngineHarness.config("nosuch"), hc, null, null).id();
    CompletableFuture<WaitResponse> removed = cs.wait(id, "removed").toCompletableFuture();
    assertThat(removed).isNotDone();
    h.runtime.failStart = "exec: \"nosuch\": executable file not found in $PATH";
    assertThatThrownBy(() -> cs.start(id)).isInstanceOf(InvalidArgument.class);
    WaitResponse w = removed.get(5, TimeUnit.SECONDS);
    assertThat(w.statusCode()).isEqualTo(127);
    assertThat(w.error()).isNull();
    assertThatThrownBy(() -> cs.inspect(id, false)).isInstanceOf(NotFound.class);
    assertThat(h.mounter.mounted).isEmpty();
  }

  @Test
  void failedStartWithoutAutoRemoveKeepsTheContainerAndItsNextExitWaiters() throws Exception {
    String id = h.create("web", "nosuch");
    CompletableFuture<WaitResponse> next = cs.wait(id, "next-exit").toCompletableFuture();
    h.runtime.failStart = "exec: \"nosuch\": executable file not found in $PATH";
    assertThatThrownBy(() -> cs.start(id)).isInstanceOf(InvalidArgument.class);
    assertThat(next).isNotDone();
    assertThat(cs.inspect(id, false).state().status()).isEqualTo("created");
    h.runtime.failStart = null;
    cs.start(id);
    h.runtime.exit(id, 3);
    assertThat(next.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(3);
  }

  @Test
  void ttyContainerKeepsStdinOpenAcrossDetachesEvenWhenStdinOnce() throws Exception {
    // `docker run -it` sets StdinOnce; Docker still keeps a TTY container's stdin for later attaches
    berth.api.model.ContainerConfig cfg = berth.api.model.ContainerConfig.builder().image("busybox")
        .tty(true).openStdin(true).stdinOnce(true).build();
    String id = cs.create("tty", cfg, EngineHarness.host(), null, null).id();
    AttachStream a = cs.attach(id, new AttachOptions(true, true, true, false, true, null));
    cs.start(id);
    assertThat(h.runtime.created.get(id).stdinOnce()).isFalse();
    FakeRuntime.FakeSession s = h.runtime.attaches.get(id);
    a.closeStdin();
    assertThat(s.stdinClosed).isFalse();
    assertThat(s.closed).isTrue(); // the session ends with the client's input, as in Docker
    assertThat(a.next()).isNull();
  }

  @Test
  void stdinOnceWithoutTtyClosesStdinAtTheClientsEof() throws Exception {
    berth.api.model.ContainerConfig cfg = berth.api.model.ContainerConfig.builder().image("busybox")
        .openStdin(true).stdinOnce(true).build();
    String id = cs.create("once", cfg, EngineHarness.host(), null, null).id();
    AttachStream a = cs.attach(id, new AttachOptions(true, true, true, false, true, null));
    cs.start(id);
    assertThat(h.runtime.created.get(id).stdinOnce()).isTrue();
    a.closeStdin();
    assertThat(h.runtime.attaches.get(id).stdinClosed).isTrue();
    a.close();
  }

  @Test
  void attachBeforeStartIsConnectedAtStartAndDetachKeysEndIt() throws Exception {
    berth.api.model.ContainerConfig cfg = berth.api.model.ContainerConfig.builder().image("busybox")
        .openStdin(true).build();
    String id = cs.create("web", cfg, EngineHarness.host(), null, null).id();
    AttachStream a = cs.attach(id, new AttachOptions(true, true, true, false, true, null));
    cs.start(id);
    FakeRuntime.FakeSession s = h.runtime.attaches.get(id);
    assertThat(h.runtime.calls).containsSubsequence("create " + id, "attach " + id + " true", "start " + id);
    s.emit(berth.runtime.AttachSession.StreamType.STDERR, "err\n");
    Frame f = a.next();
    assertThat(f.stream()).isEqualTo(Frame.Stream.STDERR);
    assertThat(new String(f.data())).isEqualTo("err\n");
    a.stdin().write("ab".getBytes());
    a.stdin().write(new byte[] {16, 17});
    assertThat(s.in.toString()).isEqualTo("ab");
    assertThat(a.detached()).isTrue();
    assertThat(a.next()).isNull();
  }

  @Test
  void execRunsInTheContainerAndRecordsItsExit() throws Exception {
    String id = h.create("web");
    ExecService ex = h.engine.execs();
    assertThatThrownBy(() -> ex.create(id, exec("ls"))).isInstanceOf(Conflict.class);
    cs.start(id);
    String execId = ex.create(id, exec("ls", "-l")).id();
    assertThat(cs.inspect(id, false).execIDs()).containsExactly(execId);
    AttachStream out = ex.start(execId, new berth.api.model.ExecStartConfig(false, false, null));
    assertThat(new String(out.next().data())).isEqualTo("out\n");
    assertThat(out.next()).isNull();
    for (int i = 0; i < 50 && Boolean.TRUE.equals(ex.inspect(execId).running()); i++) {
      Thread.sleep(20);
    }
    assertThat(ex.inspect(execId).exitCode()).isEqualTo(3);
    assertThat(ex.inspect(execId).processConfig().entrypoint()).isEqualTo("ls");
    assertThat(h.runtime.calls).contains("exec " + id + " ls -l");
    assertThatThrownBy(() -> ex.start(execId, null)).isInstanceOf(Conflict.class);
    assertThatThrownBy(() -> ex.inspect("nope")).isInstanceOf(NotFound.class)
        .hasMessage("No such exec instance: nope");
  }

  @Test
  void execStreamEndsOnlyOnceItsExitCodeIsRecorded() throws Exception {
    String id = h.create("web");
    cs.start(id);
    h.runtime.execExitDelayMillis = 300; // the exit is known well after the output has ended
    ExecService ex = h.engine.execs();
    String execId = ex.create(id, exec("true")).id();
    AttachStream out = ex.start(execId, new berth.api.model.ExecStartConfig(false, false, null));
    assertThat(new String(out.next().data())).isEqualTo("out\n");
    assertThat(out.next()).isNull();
    // no polling: the docker CLI inspects once, right after the stream ends
    assertThat(ex.inspect(execId).running()).isFalse();
    assertThat(ex.inspect(execId).exitCode()).isEqualTo(3);
  }

  static berth.api.model.ExecConfig exec(String... cmd) {
    return new berth.api.model.ExecConfig(false, true, true, null, null, false, null, List.of(cmd), false, null, null);
  }

  private void awaitStatus(String ref, String status) throws InterruptedException {
    for (int i = 0; i < 250 && !cs.inspect(ref, false).state().status().equals(status); i++) {
      Thread.sleep(20);
    }
    assertThat(cs.inspect(ref, false).state().status()).isEqualTo(status);
  }

  private void awaitRestartCount(String ref, int n) throws InterruptedException {
    for (int i = 0; i < 250 && cs.inspect(ref, false).restartCount() < n; i++) {
      Thread.sleep(20);
    }
    assertThat(cs.inspect(ref, false).restartCount()).isEqualTo(n);
  }
}

package berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.api.model.ContainerConfig;
import berth.api.model.ContainerStats;
import berth.api.model.ContainerTop;
import berth.api.model.ExecConfig;
import berth.api.model.ExecStartConfig;
import berth.api.model.FilesystemChange;
import berth.api.model.HostConfig;
import berth.api.model.RestartPolicy;
import berth.api.model.WaitResponse;
import berth.core.errors.InvalidArgument;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Real containers through runc under conmon, overlay rootfs, SQLite state. Needs root. */
@Tag("integration")
class EngineIT {
  Path dir;
  RealEngine real;
  ContainerService cs;

  @BeforeEach
  void open() throws Exception {
    dir = Files.createTempDirectory(Path.of("/tmp"), "berth-c-");
    real = new RealEngine(dir);
    cs = real.engine.containers();
  }

  @AfterEach
  void close() {
    try {
      if (real != null) {
        real.close();
      }
    } finally {
      unmountAll(dir);
      FileTrees.deleteQuietly(dir);
    }
  }

  static void unmountAll(Path dir) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
        String mp = line.split(" ")[4];
        if (mp.startsWith(dir.toString())) {
          new ProcessBuilder("umount", "-l", mp).start().waitFor();
        }
      }
    } catch (Exception ignored) {
      // cleanup only
    }
  }

  static ContainerConfig cfg(String... cmd) {
    return ContainerConfig.builder().image("busybox").cmd(List.of(cmd)).build();
  }

  static HostConfig none() {
    return HostConfig.builder().networkMode("none").build();
  }

  String run(ContainerConfig c, HostConfig h) throws Exception {
    String id = cs.create(null, c, h, null, null).id();
    var exit = cs.wait(id, "next-exit").toCompletableFuture();
    cs.start(id);
    WaitResponse w = exit.get(30, TimeUnit.SECONDS);
    assertThat(w).isNotNull();
    return id;
  }

  String logs(String id) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FrameSource f = cs.logs(id, new LogOptions(true, true, null, null, false, false, -1))) {
      for (Frame x; (x = f.next()) != null; ) {
        out.write(x.data());
      }
    }
    return out.toString();
  }

  @Test
  void runsACommandAndKeepsItsOutputAndExitCode() throws Exception {
    String id = run(cfg("sh", "-c", "echo hello; echo oops >&2; exit 3"), none());
    assertThat(cs.inspect(id, false).state().exitCode()).isEqualTo(3);
    assertThat(logs(id)).contains("hello\n").contains("oops\n");
    assertThat(real.mounter.isMounted(dir.resolve("run/bundles/" + id + "/rootfs"))).isFalse();
  }

  @Test
  void resolvesUserAndGroupsFromTheContainersPasswd() throws Exception {
    ContainerConfig c = cfg("sh", "-c", "id -u; id -G; echo $HOME; hostname; cat /etc/hostname");
    c = c.toBuilder().user("nobody").hostname("box1").build();
    String id = run(c, none());
    assertThat(logs(id)).isEqualTo("65534\n65534 50\n/home/nobody\nbox1\nbox1\n");
    ContainerConfig bad = cfg("true").toBuilder().user("nosuchuser").build();
    String id2 = cs.create(null, bad, none(), null, null).id();
    assertThatThrownBy(() -> cs.start(id2)).isInstanceOf(InvalidArgument.class)
        .hasMessage("unable to find user nosuchuser: no matching entries in passwd file");
  }

  @Test
  void hostNetworkAndUtsUseTheHostsNames() throws Exception {
    HostConfig h = HostConfig.builder().networkMode("host").utsMode("host").build();
    String id = run(cfg("hostname"), h);
    assertThat(cs.inspect(id, false).state().exitCode()).isZero();
    assertThat(logs(id).strip()).isEqualTo(Files.readString(Path.of("/proc/sys/kernel/hostname")).strip());
    ContainerConfig named = cfg("hostname").toBuilder().hostname("web").build();
    String id2 = run(named, none());
    assertThat(logs(id2)).isEqualTo("web\n");
  }

  @Test
  void ttyAttachWithStdinCarriesOnlyWhatTheClientTyped() throws Exception {
    ContainerConfig c = cfg("sh", "-c", "read line; echo got:$line").toBuilder().tty(true).openStdin(true)
        .stdinOnce(true).attachStdin(true).build();
    String id = cs.create(null, c, none(), null, null).id();
    AttachStream a = cs.attach(id, new AttachOptions(true, true, true, false, true, null));
    cs.start(id);
    a.stdin().write("abc\n".getBytes());
    a.stdin().flush();
    StringBuilder out = new StringBuilder();
    for (Frame f; (f = a.next()) != null; ) {
      out.append(new String(f.data()));
    }
    assertThat(out.toString()).isEqualTo("abc\r\ngot:abc\r\n");
  }

  @Test
  void missingCommandExits127() throws Exception {
    String id = cs.create(null, cfg("/nosuch"), none(), null, null).id();
    assertThatThrownBy(() -> cs.start(id)).isInstanceOf(InvalidArgument.class);
    assertThat(cs.inspect(id, false).state().exitCode()).isEqualTo(127);
  }

  @Test
  void attachBeforeStartSeesAllOutput() throws Exception {
    String id = cs.create(null, cfg("sh", "-c", "echo one; echo two >&2"), none(), null, null).id();
    AttachStream a = cs.attach(id, new AttachOptions(false, true, true, false, true, null));
    cs.start(id);
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    for (Frame f; (f = a.next()) != null; ) {
      (f.stream() == Frame.Stream.STDOUT ? out : err).append(new String(f.data()));
    }
    assertThat(out.toString()).isEqualTo("one\n");
    assertThat(err.toString()).isEqualTo("two\n");
  }

  @Test
  void stopKillsAfterTheTimeoutAndExecTopStatsWorkWhileRunning() throws Exception {
    String id = cs.create("sleeper", cfg("sleep", "1000"), none(), null, null).id();
    cs.start(id);
    ExecService ex = real.engine.execs();
    String e = ex.create(id, new ExecConfig(false, true, true, null, null, false, List.of("A=b"),
        List.of("sh", "-c", "echo $A; exit 4"), false, null, null)).id();
    StringBuilder out = new StringBuilder();
    try (AttachStream s = ex.start(e, new ExecStartConfig(false, false, null))) {
      for (Frame f; (f = s.next()) != null; ) {
        out.append(new String(f.data()));
      }
    }
    assertThat(out.toString()).isEqualTo("b\n");
    for (int i = 0; i < 100 && Boolean.TRUE.equals(ex.inspect(e).running()); i++) {
      Thread.sleep(50);
    }
    assertThat(ex.inspect(e).exitCode()).isEqualTo(4);
    ContainerTop top = cs.top(id, null);
    assertThat(top.titles()).contains("PID", "CMD");
    assertThat(top.processes()).anySatisfy(p -> assertThat(String.join(" ", p)).contains("sleep 1000"));
    try (BlockingSource<ContainerStats> st = cs.stats(id, false)) {
      ContainerStats s = st.next();
      assertThat(s.cpuStats().cpuUsage().totalUsage()).isPositive();
      assertThat(s.memoryStats().usage()).isPositive();
      assertThat(st.next()).isNull();
    }
    cs.update(id, HostConfig.builder().memory(64L << 20).pidsLimit(99L).build());
    assertThat(cs.inspect(id, false).hostConfig().memory()).isEqualTo(64L << 20);
    var pids = real.runtime.stats(id);
    assertThat(pids.pidsLimit()).isEqualTo(99L);
    assertThat(pids.memoryLimit()).isEqualTo(64L << 20);
    long t0 = System.nanoTime();
    cs.stop(id, null, 1);
    assertThat(System.nanoTime() - t0).isGreaterThan(900_000_000L);
    assertThat(cs.inspect(id, false).state().exitCode()).isEqualTo(137);
  }

  @Test
  void devicesAndSharedNamespacesReachTheContainer() throws Exception {
    HostConfig h = HostConfig.builder().networkMode("none")
        .devices(List.of(new berth.api.model.DeviceMapping("/dev/null", "/dev/mynull", "rwm"))).build();
    String id = run(cfg("sh", "-c", "echo ok > /dev/mynull && ls -l /dev/mynull"), h);
    assertThat(cs.inspect(id, false).state().exitCode()).isZero();
    assertThat(logs(id)).startsWith("crw");
    String first = cs.create("ipc1", cfg("sleep", "1000"), none(), null, null).id();
    cs.start(first);
    HostConfig join = HostConfig.builder().networkMode("container:ipc1").ipcMode("container:ipc1")
        .pidMode("container:ipc1").build();
    String second = run(cfg("sh", "-c", "ps -o pid,comm | grep -c sleep"), join);
    assertThat(logs(second).strip()).isEqualTo("1");
  }

  @Test
  void changesShowWhatTheContainerWrote() throws Exception {
    String id = run(cfg("sh", "-c", "echo x > /tmp/new; rm /etc/group"), none());
    List<FilesystemChange> ch = cs.changes(id);
    assertThat(ch).contains(new FilesystemChange("/tmp", 0), new FilesystemChange("/tmp/new", 1),
        new FilesystemChange("/etc/group", 2));
  }

  @Test
  void archiveCopiesInAndOutAndExportWritesTheRootfs() throws Exception {
    String id = cs.create("files", cfg("sleep", "1000"), none(), null, null).id();
    java.io.ByteArrayOutputStream tarBytes = new java.io.ByteArrayOutputStream();
    try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(tarBytes)) {
      var e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("hello.txt");
      byte[] data = "hi there\n".getBytes();
      e.setSize(data.length);
      e.setMode(0640);
      tar.putArchiveEntry(e);
      tar.write(data);
      tar.closeArchiveEntry();
    }
    // into a created (not running) container: the rootfs is mounted just for the copy
    cs.archivePut(id, "/tmp", new java.io.ByteArrayInputStream(tarBytes.toByteArray()), false, false);
    assertThat(real.mounter.isMounted(dir.resolve("run/bundles/" + id + "/rootfs"))).isFalse();
    cs.start(id);
    var stat = cs.archiveHead(id, "/tmp/hello.txt");
    assertThat(stat.name()).isEqualTo("hello.txt");
    assertThat(stat.size()).isEqualTo(9L);
    assertThat(stat.mode()).isEqualTo(0640L);
    assertThat(cs.archiveHead(id, "/tmp").mode() & (1L << 31)).isNotZero();
    assertThatThrownBy(() -> cs.archiveHead(id, "/nope")).isInstanceOf(berth.core.errors.NotFound.class)
        .hasMessage("Could not find the file /nope in container files");
    ArchiveResult got = cs.archiveGet(id, "/etc");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    got.body().writeTo(out);
    List<String> names = new java.util.ArrayList<>();
    try (var in = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
        new java.io.ByteArrayInputStream(out.toByteArray()))) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        names.add(e.getName());
      }
    }
    assertThat(names).contains("etc/", "etc/passwd", "etc/hostname");
    ByteArrayOutputStream exported = new ByteArrayOutputStream();
    cs.export(id, exported);
    List<String> all = new java.util.ArrayList<>();
    try (var in = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
        new java.io.ByteArrayInputStream(exported.toByteArray()))) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        all.add(e.getName());
      }
    }
    assertThat(all).contains("bin/busybox", "bin/sh", "tmp/hello.txt");
    assertThat(tarFile(cs.archiveGet(id, "/etc/hostname"))).isEqualTo(id.substring(0, 12) + "\n");
    ExecService ex = real.engine.execs();
    String bad = ex.create(id, new ExecConfig(false, true, true, null, null, false, null, List.of("nosuchcmd"), false,
        null, null)).id();
    StringBuilder err = new StringBuilder();
    try (AttachStream s = ex.start(bad, new ExecStartConfig(false, false, null))) {
      for (Frame f; (f = s.next()) != null; ) {
        err.append(new String(f.data()));
      }
    }
    assertThat(err.toString()).startsWith("OCI runtime exec failed: exec failed: ").contains("nosuchcmd");
    assertThat(ex.inspect(bad).exitCode()).isIn(126, 127);
    cs.stop(id, null, 0);
    // stopped: the rootfs is mounted for the copy and the engine's /etc files and binds are mapped in
    assertThat(tarFile(cs.archiveGet(id, "/etc/hostname"))).isEqualTo(id.substring(0, 12) + "\n");
  }

  static String tarFile(ArchiveResult r) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    r.body().writeTo(out);
    try (var in = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
        new java.io.ByteArrayInputStream(out.toByteArray()))) {
      in.getNextEntry();
      return new String(in.readAllBytes());
    }
  }

  @Test
  void copiesIntoABindMountReachTheHostDirectory() throws Exception {
    Path host = Files.createDirectories(dir.resolve("hostdir"));
    HostConfig h = HostConfig.builder().networkMode("none").binds(List.of(host + ":/mnt/data")).build();
    String id = cs.create(null, cfg("sleep", "1000"), h, null, null).id();
    java.io.ByteArrayOutputStream tarBytes = new java.io.ByteArrayOutputStream();
    try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(tarBytes)) {
      var e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("a.txt");
      e.setSize(1);
      tar.putArchiveEntry(e);
      tar.write('a');
      tar.closeArchiveEntry();
    }
    cs.archivePut(id, "/mnt/data", new java.io.ByteArrayInputStream(tarBytes.toByteArray()), false, false);
    assertThat(Files.readString(host.resolve("a.txt"))).isEqualTo("a");
    cs.start(id);
    Files.writeString(host.resolve("b.txt"), "b");
    assertThat(tarFile(cs.archiveGet(id, "/mnt/data/b.txt"))).isEqualTo("b");
  }

  @Test
  void onFailureRestartsRealContainers() throws Exception {
    HostConfig h = HostConfig.builder().networkMode("none").restartPolicy(new RestartPolicy("on-failure", 2)).build();
    String id = cs.create(null, cfg("sh", "-c", "exit 1"), h, null, null).id();
    cs.start(id);
    for (int i = 0; i < 200 && !(cs.inspect(id, false).restartCount() == 2
        && cs.inspect(id, false).state().status().equals("exited")); i++) {
      Thread.sleep(50);
    }
    assertThat(cs.inspect(id, false).restartCount()).isEqualTo(2);
    assertThat(cs.inspect(id, false).state().status()).isEqualTo("exited");
  }

  @Test
  void runningContainersSurviveAnEngineRestart() throws Exception {
    String id = cs.create("keeper", cfg("sleep", "1000"), none(), null, null).id();
    cs.start(id);
    int pid = cs.inspect(id, false).state().pid();
    real.engine.close();
    real.runtime.close();
    real = new RealEngine(dir);
    cs = real.engine.containers();
    assertThat(cs.inspect("keeper", false).state().status()).isEqualTo("running");
    assertThat(cs.inspect("keeper", false).state().pid()).isEqualTo(pid);
    var exit = cs.wait(id, null).toCompletableFuture();
    cs.kill(id, "KILL");
    assertThat(exit.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(137L);
  }
}

package berth.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DaemonConfigTest {
  @TempDir
  Path dir;

  private DaemonConfig parse(String... args) {
    Main m = new Main();
    new CommandLine(m).parseArgs(args);
    return m.merge();
  }

  @Test
  void defaultsAndFlags() throws Exception {
    Path cfg = Files.writeString(dir.resolve("daemon.json"), "{}");
    DaemonConfig c = parse("--config-file", cfg.toString());
    assertThat(c.dataRoot()).isEqualTo(Path.of("/var/lib/berth"));
    assertThat(c.execRoot()).isEqualTo(Path.of("/run/berth"));
    assertThat(c.socketPaths()).containsExactly(Path.of("/run/berth/berth.sock"));
    assertThat(c.pidfile()).isEqualTo(Path.of("/run/berth/berthd.pid"));
    c = parse("--config-file", cfg.toString(), "--data-root", "/tmp/d", "--exec-root", "/tmp/e", "-H",
        "unix:///tmp/a.sock", "--host", "unix:///tmp/b.sock", "--debug");
    assertThat(c.socketPaths()).containsExactly(Path.of("/tmp/a.sock"), Path.of("/tmp/b.sock"));
    assertThat(c.pidfile()).isEqualTo(Path.of("/tmp/e/berthd.pid"));
    assertThat(c.debug()).isTrue();
    assertThat(c.logLevel()).isEqualTo("debug");
  }

  @Test
  void configFileUsesDockersKeys() throws Exception {
    Path cfg = Files.writeString(dir.resolve("daemon.json"),
        "{\"data-root\":\"/tmp/x\",\"hosts\":[\"unix:///tmp/x.sock\"],\"debug\":true,\"default-runtime\":\"crun\"}");
    DaemonConfig c = parse("--config-file", cfg.toString());
    assertThat(c.dataRoot()).isEqualTo(Path.of("/tmp/x"));
    assertThat(c.hosts()).isEqualTo(List.of("unix:///tmp/x.sock"));
    assertThat(c.runtime()).isEqualTo("crun");
  }

  @Test
  void unknownKeysConflictsAndBadHostsAreClearErrors() throws Exception {
    Path cfg = Files.writeString(dir.resolve("daemon.json"), "{\"iptables\":false,\"debug\":true}");
    assertThatThrownBy(() -> parse("--config-file", cfg.toString())).hasMessageContaining("iptables")
        .hasMessageContaining("not supported");
    Path both = Files.writeString(dir.resolve("both.json"), "{\"data-root\":\"/tmp/x\"}");
    assertThatThrownBy(() -> parse("--config-file", both.toString(), "--data-root", "/tmp/y"))
        .hasMessageContaining("specified both as a flag and in the configuration file: data-root");
    assertThatThrownBy(() -> parse("--config-file", dir.resolve("missing.json").toString()))
        .hasMessageContaining("no such file");
    Path empty = Files.writeString(dir.resolve("e.json"), "{}");
    assertThatThrownBy(() -> parse("--config-file", empty.toString(), "-H", "tcp://0.0.0.0:2375"))
        .hasMessageContaining("only unix://");
  }

  @Test
  void secondLockOnOneDataRootIsRefused() throws Exception {
    try (DataRootLock first = DataRootLock.acquire(dir)) {
      assertThat(first).isNotNull();
      // A second lock from this JVM fails with OverlappingFileLockException; from another
      // process tryLock returns null. Both must be refused.
      assertThatThrownBy(() -> DataRootLock.acquire(dir)).isInstanceOfAny(IllegalStateException.class,
          java.nio.channels.OverlappingFileLockException.class);
    }
    try (DataRootLock again = DataRootLock.acquire(dir)) {
      assertThat(Files.readString(dir.resolve("berthd.lock")).strip())
          .isEqualTo(String.valueOf(ProcessHandle.current().pid()));
    }
  }
}

package berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import berth.testkit.BerthDaemon;
import berth.testkit.BerthTest;
import berth.testkit.ProcessRunner;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** exec, attach and interactive TTYs (the latter through tmux, as a person would type). */
@BerthTest
class ExecAttachIT {

  private static String sleeper(BerthDaemon d, String name) {
    return d.docker("run", "-d", "--network", "none", "--name", name, "busybox", "sleep", "300").ok().outTrim();
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void execCodesUserWorkdirEnvAndStdin(Cli cli, BerthDaemon d) {
    String name = Names.unique("exec");
    sleeper(d, name);
    try {
      assertThat(cli.run(d, "exec", name, "sh", "-c", "exit 4").exitCode()).isEqualTo(4);
      assertThat(cli.run(d, "exec", name, "echo", "inside").ok().out()).isEqualTo("inside\n");
      assertThat(cli.run(d, "exec", "-u", "app", name, "id", "-u").ok().outTrim()).isEqualTo("1000");
      assertThat(cli.run(d, "exec", "-w", "/tmp", name, "pwd").ok().outTrim()).isEqualTo("/tmp");
      assertThat(cli.run(d, "exec", "-e", "FOO=bar", name, "sh", "-c", "echo $FOO").ok().outTrim()).isEqualTo("bar");
      assertThat(cli.runIn(d, "piped\n", "exec", "-i", name, "cat").ok().out()).isEqualTo("piped\n");
      var missing = cli.run(d, "exec", name, "no-such-command");
      assertThat(missing.exitCode()).isIn(126, 127);  // Docker 20.10 answers 126 for exec, run gives 127
      assertThat(missing.out() + missing.err()).contains("no-such-command");
      var stopped = d.docker("stop", "-t", "0", name);
      assertThat(stopped.exitCode()).isZero();
      var notRunning = cli.run(d, "exec", name, "true");
      assertThat(notRunning.exitCode()).isNotZero();
      assertThat(notRunning.err()).contains("is not running");
    } finally {
      d.docker("rm", "-f", name);
    }
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void execEventsAreEmitted(Cli cli, BerthDaemon d) {
    String name = Names.unique("exev");
    sleeper(d, name);
    try {
      cli.run(d, "exec", name, "true").ok();
      d.events().await(Duration.ofSeconds(10), "exec_die for " + name,
          e -> e.path("Action").asText().startsWith("exec_die") && e.path("Actor").path("Attributes").path("name").asText().equals(name));
    } finally {
      d.docker("rm", "-f", name);
    }
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void attachSeesOutputAndExitCode(Cli cli, BerthDaemon d) {
    String name = Names.unique("att");
    d.docker("run", "-d", "--network", "none", "--name", name, "busybox", "sh", "-c",
        "sleep 2; echo attached-out; exit 6").ok();
    try {
      var r = cli.run(d, "attach", name);
      assertThat(r.out()).contains("attached-out");
      assertThat(r.exitCode()).isEqualTo(6);
    } finally {
      d.docker("rm", "-f", name);
    }
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void startAttachInteractive(Cli cli, BerthDaemon d) {
    String name = Names.unique("sai");
    d.docker("create", "-i", "--network", "none", "--name", name, "busybox", "cat").ok();
    try {
      var r = cli.runIn(d, "through start -ai\n", "start", "-ai", name);
      assertThat(r.exitCode()).isZero();
      assertThat(r.out()).isEqualTo("through start -ai\n");
    } finally {
      d.docker("rm", "-f", name);
    }
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void interactiveTtyWithDetachKeys(Cli cli, BerthDaemon d) {
    String name = Names.unique("tty");
    try (Tmux tmux = new Tmux(d)) {
      tmux.start(cli.command() + " run -it --network none --name " + name + " busybox sh");
      tmux.awaitScreen("/ #");
      tmux.type("echo $((6*7)); tty", "Enter");
      tmux.awaitScreen("42");
      tmux.awaitScreen("/dev/pts/0");
      tmux.type("stty size", "Enter");
      tmux.awaitScreen("\n" + tmux.rows() + " 100\n");
      tmux.type("C-p", "C-q");
      BerthDaemon.eventually(Duration.ofSeconds(10), "the CLI detaches", () -> !tmux.alive());
      assertThat(d.docker("inspect", "-f", "{{.State.Running}}", name).ok().outTrim()).isEqualTo("true");
      // docker's exec -it as well, then exit the shell for real
      tmux.start(cli.command() + " exec -it " + name + " sh");
      tmux.awaitScreen("/ #");
      tmux.type("exit 9", "Enter");
      BerthDaemon.eventually(Duration.ofSeconds(10), "exec -it ends", () -> !tmux.alive());
    } finally {
      d.docker("rm", "-f", name);
    }
  }

  /** One tmux session running a CLI in a real terminal, 100x40. */
  static final class Tmux implements AutoCloseable {
    private final BerthDaemon d;
    private final String session = Names.unique("berth-it");

    Tmux(BerthDaemon d) {
      this.d = d;
    }

    void start(String command) {
      close();
      StringBuilder env = new StringBuilder("env");
      d.env().forEach((k, v) -> env.append(' ').append(k).append("='").append(v).append('\''));
      tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "40", env + " " + command + "; sleep 30");
    }

    void type(String... keys) {
      String[] args = new String[keys.length + 3];
      args[0] = "send-keys";
      args[1] = "-t";
      args[2] = session;
      System.arraycopy(keys, 0, args, 3, keys.length);
      tmux(args);
    }

    /** The pane's height (the window's 40 rows less tmux's status line, if shown). */
    String rows() {
      return ProcessRunner.run(List.of("tmux", "display-message", "-p", "-t", session, "#{pane_height}"),
          Map.of(), null, Duration.ofSeconds(10)).outTrim();
    }

    String screen() {
      return "\n" + ProcessRunner.run(List.of("tmux", "capture-pane", "-p", "-t", session), Map.of(), null,
          Duration.ofSeconds(10)).out();
    }

    void awaitScreen(String text) {
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!screen().contains(text)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("screen never showed '" + text + "':\n" + screen());
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
    }

    /** The CLI is still running when the pane's foreground process is not our trailing sleep. */
    boolean alive() {
      String cmd = ProcessRunner.run(List.of("tmux", "display-message", "-p", "-t", session, "#{pane_current_command}"),
          Map.of(), null, Duration.ofSeconds(10)).outTrim();
      return !cmd.equals("sleep") && !cmd.isEmpty();
    }

    private void tmux(String... args) {
      List<String> cmd = new java.util.ArrayList<>(List.of("tmux"));
      cmd.addAll(List.of(args));
      ProcessRunner.run(cmd, Map.of(), null, Duration.ofSeconds(10)).ok();
    }

    @Override
    public void close() {
      ProcessRunner.run(List.of("tmux", "kill-session", "-t", session), Map.of(), null, Duration.ofSeconds(10));
    }
  }
}

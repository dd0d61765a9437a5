package berth.runtime.internal;

import berth.core.Json;
import berth.core.errors.Internal;
import berth.runtime.ExecRequest;
import berth.runtime.ExecSession;
import berth.runtime.oci.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts an exec under conmon in exec mode ({@code runc exec --detach --process spec.json}, with
 * {@code --tty} when asked): conmon owns the pty and the pipes, so a TTY exec works without Java
 * receiving a pty fd. For an attached exec conmon first opens the exec's attach socket and waits on
 * its start pipe, so we connect before the process runs and lose no output.
 */
public final class ConmonExecLauncher {
  /** The shared conmon arguments (see ConmonRuntime). */
  public interface CommonArgs {
    List<String> args(String id, String uuid, Path bundle, Path pidFile);
  }

  private final Path conmon;
  private final Path containerDir;
  private final CommonArgs common;

  public ConmonExecLauncher(Path conmon, Path containerDir, CommonArgs common) {
    this.conmon = conmon;
    this.containerDir = containerDir;
    this.common = common;
  }

  public ExecSession launch(String id, ExecRequest req) {
    Path dir = containerDir.resolve("exec").resolve(req.execId());
    Spec.Process process = req.process();
    boolean tty = Boolean.TRUE.equals(process.terminal());
    boolean attach = !req.detach();
    ConmonProcess proc = null;
    SocketAttachSession session = null;
    try {
      Files.createDirectories(dir);
      Path spec = dir.resolve("process.json");
      Files.write(spec, Json.MAPPER.writeValueAsBytes(process));
      List<String> args = common.args(id, req.execId(), dir, dir.resolve("pid"));
      args.addAll(List.of("-e", "--exec-process-spec", spec.toString(), "-l", "none", "--exit-dir", dir.toString()));
      if (tty) {
        args.add("-t");
      }
      if (attach) {
        args.add("--exec-attach");
        if (req.attachStdin()) {
          args.add("-i");
        }
      }
      proc = ConmonProcess.start(conmon, args, dir, attach, attach);
      if (attach) {
        proc.release(); // conmon's first read: it may go on
        ConmonProcess.SyncMessage ready = proc.next();
        if (ready == null || ready.data() < 0) {
          throw new Internal("exec in " + id + ": conmon did not open the attach socket: " + proc.stderr());
        }
        session = SocketAttachSession.connect(dir.resolve("attach"), req.attachStdin());
        proc.release(); // now runc exec may run
      }
      ConmonProcess.SyncMessage started = proc.next();
      Path exitFile = dir.resolve(id);
      if (started == null) {
        throw new Internal("exec in " + id + ": conmon exited: " + proc.stderr());
      }
      if (started.data() <= 0) {
        String msg = started.message() == null ? "exec failed" : Runc.cleanMessage(started.message());
        proc.detach();
        return new ConmonExecSession(proc, session, dir, exitFile, 0, msg, ConmonExecSession.startFailureCode(msg));
      }
      return new ConmonExecSession(proc, session, dir, exitFile, started.data(), null, null);
    } catch (IOException e) {
      closeQuietly(session);
      if (proc != null) {
        proc.detach();
      }
      throw new Internal("exec in " + id + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(session);
      if (proc != null) {
        proc.detach();
      }
      throw e;
    }
  }

  private static void closeQuietly(SocketAttachSession s) {
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // best effort on an error path
      }
    }
  }
}

package berth.runtime.internal;

import berth.core.Json;
import berth.core.errors.Conflict;
import berth.core.errors.Internal;
import berth.core.errors.NotFound;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs runc commands against one state root and turns failures into Berth errors. */
public final class Runc {
  private final Path runc;
  private final Path root;

  public Runc(Path runc, Path root) {
    this.runc = runc;
    this.root = root;
  }

  public Path path() {
    return runc;
  }

  public Path root() {
    return root;
  }

  /** The output of one runc run. */
  public record Result(int exitCode, String stdout, String stderr) {
    boolean notFound() {
      return stderr.contains("does not exist") || stderr.contains("not found");
    }

    String message() {
      String s = cleanMessage(stderr);
      return s.isEmpty() ? "exit status " + exitCode : s;
    }
  }

  /** runc logs errors as {@code time=".." level=error msg="..."}; keep what a user should read. */
  public static String cleanMessage(String raw) {
    String s = raw.strip();
    int i = s.lastIndexOf("msg=");
    if (i >= 0) {
      s = s.substring(i + 4).strip();
      if (s.startsWith("\"") && s.endsWith("\"") && s.length() > 1) {
        s = s.substring(1, s.length() - 1).replace("\\\"", "\"");
      }
    }
    return s;
  }

  public Result run(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(runc.toString());
    cmd.add("--root");
    cmd.add(root.toString());
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      // stderr is small; read it on a side thread so a chatty stdout cannot deadlock us.
      byte[][] errBuf = new byte[1][];
      Thread err = Thread.ofVirtual().start(() -> {
        try {
          errBuf[0] = p.getErrorStream().readAllBytes();
        } catch (IOException e) {
          errBuf[0] = new byte[0];
        }
      });
      byte[] out = p.getInputStream().readAllBytes();
      int code = p.waitFor();
      err.join();
      return new Result(code, new String(out, StandardCharsets.UTF_8), new String(errBuf[0], StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new Internal("run " + runc + " " + String.join(" ", args) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Internal("interrupted running runc " + args[0], e);
    }
  }

  /** Runs and fails with runc's own message; a missing container becomes NotFound. */
  public Result check(String id, String... args) {
    Result r = run(args);
    if (r.exitCode() != 0) {
      if (r.notFound()) {
        throw NotFound.container(id);
      }
      if (r.stderr().contains("not running")) {
        throw new Conflict("Container " + id + " is not running");
      }
      throw new Internal("runc " + args[0] + " " + id + ": " + r.message());
    }
    return r;
  }

  /** runc state: status and pid, or empty when runc does not know the container. */
  public Optional<JsonNode> state(String id) {
    Result r = run("state", id);
    if (r.exitCode() != 0) {
      if (r.notFound()) {
        return Optional.empty();
      }
      throw new Internal("runc state " + id + ": " + r.message());
    }
    try {
      return Optional.of(Json.MAPPER.readTree(r.stdout()));
    } catch (IOException e) {
      throw new Internal("runc state " + id + ": bad JSON", e);
    }
  }
}

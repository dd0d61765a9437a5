package berth.engine;

import berth.api.model.ContainerTop;
import berth.core.errors.Internal;
import berth.core.errors.InvalidArgument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * GET /containers/{id}/top as Docker does it: run the host's ps with the user's options (default
 * "-ef"), find the PID column, keep the rows of the container's processes.
 */
final class ProcessTable {
  private ProcessTable() {}

  static ContainerTop top(List<Integer> pids, String psArgs) {
    String args = psArgs == null || psArgs.isBlank() ? "-ef" : psArgs;
    List<String> cmd = new ArrayList<>();
    cmd.add("ps");
    cmd.addAll(Arrays.asList(args.strip().split("\\s+")));
    String out = run(cmd);
    return parse(out, pids);
  }

  static ContainerTop parse(String psOutput, List<Integer> pids) {
    String[] lines = psOutput.split("\n");
    if (lines.length == 0 || lines[0].isBlank()) {
      throw new InvalidArgument("Error running top: no output from ps");
    }
    String[] titles = lines[0].strip().split("\\s+");
    int pidIndex = -1;
    for (int i = 0; i < titles.length; i++) {
      if (titles[i].equals("PID")) {
        pidIndex = i;
      }
    }
    if (pidIndex < 0) {
      throw new InvalidArgument("Couldn't find PID field in ps output");
    }
    List<List<String>> procs = new ArrayList<>();
    for (int l = 1; l < lines.length; l++) {
      if (lines[l].isBlank()) {
        continue;
      }
      // the last column (CMD) may contain spaces: split into at most titles.length fields
      String[] f = lines[l].strip().split("\\s+", titles.length);
      if (f.length <= pidIndex) {
        continue;
      }
      try {
        if (pids.contains(Integer.parseInt(f[pidIndex]))) {
          procs.add(List.of(f));
        }
      } catch (NumberFormatException e) {
        throw new InvalidArgument("Unexpected pid '" + f[pidIndex] + "': " + e.getMessage());
      }
    }
    return new ContainerTop(List.of(titles), procs);
  }

  private static String run(List<String> cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new Internal("ps timed out");
      }
      String s = new String(out, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new InvalidArgument("Error running top: ps: " + s.strip());
      }
      return s;
    } catch (IOException e) {
      throw new Internal("run ps: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Internal("run ps: interrupted", e);
    }
  }
}

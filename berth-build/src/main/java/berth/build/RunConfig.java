package berth.build;

import berth.image.ImageConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The image's runtime config as a build step changes it (Docker's {@code container.Config}),
 * written back in the field order and with the empty values Docker's classic builder writes.
 */
final class RunConfig {
  static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");

  String user = "";
  Map<String, Object> exposedPorts;
  List<String> env;
  List<String> cmd;
  ImageConfig.Healthcheck healthcheck;
  Boolean argsEscaped;
  String image = "";
  Map<String, Object> volumes;
  String workingDir = "";
  List<String> entrypoint;
  List<String> onBuild;
  Map<String, String> labels;
  String stopSignal;
  List<String> shell;

  static RunConfig of(ImageConfig c) {
    RunConfig r = new RunConfig();
    if (c == null) {
      return r;
    }
    r.user = c.user() == null ? "" : c.user();
    r.exposedPorts = c.exposedPorts() == null ? null : new TreeMap<>(c.exposedPorts());
    r.env = c.env() == null ? null : new ArrayList<>(c.env());
    r.cmd = c.cmd() == null ? null : new ArrayList<>(c.cmd());
    r.healthcheck = c.healthcheck();
    r.argsEscaped = c.argsEscaped();
    r.image = c.image() == null ? "" : c.image();
    r.volumes = c.volumes() == null ? null : new TreeMap<>(c.volumes());
    r.workingDir = c.workingDir() == null ? "" : c.workingDir();
    r.entrypoint = c.entrypoint() == null ? null : new ArrayList<>(c.entrypoint());
    r.onBuild = c.onBuild() == null || c.onBuild().isEmpty() ? null : new ArrayList<>(c.onBuild());
    r.labels = c.labels() == null ? null : new TreeMap<>(c.labels());
    r.stopSignal = c.stopSignal();
    r.shell = c.shell() == null || c.shell().isEmpty() ? null : new ArrayList<>(c.shell());
    return r;
  }

  RunConfig copy() {
    RunConfig r = new RunConfig();
    r.user = user;
    r.exposedPorts = exposedPorts == null ? null : new TreeMap<>(exposedPorts);
    r.env = env == null ? null : new ArrayList<>(env);
    r.cmd = cmd == null ? null : new ArrayList<>(cmd);
    r.healthcheck = healthcheck;
    r.argsEscaped = argsEscaped;
    r.image = image;
    r.volumes = volumes == null ? null : new TreeMap<>(volumes);
    r.workingDir = workingDir;
    r.entrypoint = entrypoint == null ? null : new ArrayList<>(entrypoint);
    r.onBuild = onBuild == null ? null : new ArrayList<>(onBuild);
    r.labels = labels == null ? null : new TreeMap<>(labels);
    r.stopSignal = stopSignal;
    r.shell = shell == null ? null : new ArrayList<>(shell);
    return r;
  }

  /** The shell for RUN/CMD/ENTRYPOINT shell forms and the history's {@code #(nop)} lines. */
  List<String> shellOrDefault() {
    return shell == null || shell.isEmpty() ? DEFAULT_SHELL : shell;
  }

  /** The value of an ENV variable, null when unset. */
  String envValue(String key) {
    if (env == null) {
      return null;
    }
    String found = null;
    for (String e : env) {
      int eq = e.indexOf('=');
      String k = eq < 0 ? e : e.substring(0, eq);
      if (k.equals(key)) {
        found = eq < 0 ? "" : e.substring(eq + 1);
      }
    }
    return found;
  }

  /** Sets (replacing in place) or adds an ENV variable, as Docker's ENV does. */
  void setEnv(String key, String value) {
    if (env == null) {
      env = new ArrayList<>();
    }
    String entry = key + "=" + value;
    for (int i = 0; i < env.size(); i++) {
      String e = env.get(i);
      int eq = e.indexOf('=');
      if ((eq < 0 ? e : e.substring(0, eq)).equals(key)) {
        env.set(i, entry);
        return;
      }
    }
    env.add(entry);
  }

  /** Docker's container.Config JSON: non-omitempty fields always present, in Go's field order. */
  Map<String, Object> toJson(List<String> cmdOverride) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Hostname", "");
    m.put("Domainname", "");
    m.put("User", user);
    m.put("AttachStdin", false);
    m.put("AttachStdout", false);
    m.put("AttachStderr", false);
    if (exposedPorts != null && !exposedPorts.isEmpty()) {
      m.put("ExposedPorts", exposedPorts);
    }
    m.put("Tty", false);
    m.put("OpenStdin", false);
    m.put("StdinOnce", false);
    m.put("Env", env);
    m.put("Cmd", cmdOverride != null ? cmdOverride : cmd);
    if (healthcheck != null) {
      m.put("Healthcheck", healthcheck);
    }
    if (argsEscaped != null && argsEscaped) {
      m.put("ArgsEscaped", true);
    }
    m.put("Image", image);
    m.put("Volumes", volumes == null || volumes.isEmpty() ? null : volumes);
    m.put("WorkingDir", workingDir);
    m.put("Entrypoint", entrypoint);
    m.put("OnBuild", onBuild);
    m.put("Labels", labels == null || labels.isEmpty() ? null : labels);
    if (stopSignal != null && !stopSignal.isEmpty()) {
      m.put("StopSignal", stopSignal);
    }
    if (shell != null && !shell.isEmpty()) {
      m.put("Shell", shell);
    }
    return m;
  }
}

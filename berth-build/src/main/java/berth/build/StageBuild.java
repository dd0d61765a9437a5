package berth.build;

import berth.core.Json;
import berth.core.errors.Internal;
import berth.core.errors.InvalidArgument;
import berth.dockerfile.BuildArgs;
import berth.dockerfile.Expander;
import berth.dockerfile.Instruction;
import berth.dockerfile.KeyValue;
import berth.image.Image;
import berth.image.ImageConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Runs one stage's instructions, the classic builder's way: each step is looked up in the cache
 * by its parent image and its resolved form, and otherwise executed and committed as an image.
 * Metadata steps write only a config; RUN runs a container; COPY, ADD and WORKDIR write a layer
 * through a snapshot of their own.
 */
final class StageBuild {
  private final BuildSession b;
  final StageState s = new StageState();

  StageBuild(BuildSession session) {
    this.b = session;
  }

  // ---- variables ----

  /** Build args in effect that ENV does not shadow, with values ("k=v"), in declaration order. */
  List<String> argEnv() {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> a : s.args.entrySet()) {
      if (a.getValue() != null && s.config.envValue(a.getKey()) == null) {
        out.add(a.getKey() + "=" + a.getValue());
      }
    }
    for (String p : BuildArgs.PROXY_ARGS) {
      String v = b.options.buildArgs().get(p);
      if (v != null && !s.args.containsKey(p) && s.config.envValue(p) == null) {
        out.add(p + "=" + v);
      }
    }
    return out;
  }

  private Function<String, String> lookup() {
    return name -> {
      String v = s.config.envValue(name);
      if (v != null) {
        return v;
      }
      return s.args.get(name);
    };
  }

  // ---- steps ----

  void from(Image base) {
    if (base != null) {
      s.at(base);
    }
    // as the classic builder's beginStage: a stage without PATH gets the default one
    if (s.config.envValue("PATH") == null) {
      s.config.setEnv("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    }
    if (s.config.onBuild != null && !s.config.onBuild.isEmpty()) {
      List<String> triggers = s.config.onBuild;
      s.config.onBuild = null;
      b.out("# Executing " + triggers.size() + " build trigger" + (triggers.size() > 1 ? "s" : "") + "\n");
      for (Instruction t : berth.dockerfile.Dockerfile.parseTriggers(triggers)) {
        dispatch(t);
      }
    }
  }

  void dispatch(Instruction raw) {
    Instruction in = raw instanceof Instruction.Run || raw instanceof Instruction.Cmd
        || raw instanceof Instruction.Entrypoint || raw instanceof Instruction.Healthcheck
        || raw instanceof Instruction.Onbuild || raw instanceof Instruction.Shell
        || raw instanceof Instruction.Maintainer ? raw : Expander.expand(raw, b.escape, lookup());
    switch (in) {
      case Instruction.Run r -> run(r);
      case Instruction.Copy c -> copy(c);
      case Instruction.Workdir w -> workdir(w);
      case Instruction.Env e -> {
        StringBuilder c = new StringBuilder("ENV");
        for (KeyValue kv : e.vars()) {
          s.config.setEnv(kv.key(), kv.value() == null ? "" : kv.value());
          c.append(' ').append(kv.key()).append('=').append(kv.value() == null ? "" : kv.value());
        }
        meta(c.toString());
      }
      case Instruction.Arg a -> arg(a);
      case Instruction.Label l -> {
        StringBuilder c = new StringBuilder("LABEL");
        for (KeyValue kv : l.labels()) {
          label(kv.key(), kv.value());
          c.append(' ').append(kv.key()).append('=').append(kv.value());
        }
        meta(c.toString());
      }
      case Instruction.Expose e -> {
        if (s.config.exposedPorts == null) {
          s.config.exposedPorts = new TreeMap<>();
        }
        for (String p : e.ports()) {
          for (String port : Ports.expand(p)) {
            s.config.exposedPorts.put(port, Map.of());
          }
        }
        meta("EXPOSE " + String.join(" ", e.ports()));
      }
      case Instruction.User u -> {
        s.config.user = u.user();
        meta("USER " + u.user());
      }
      case Instruction.Cmd c -> {
        s.config.cmd = c.isExec() ? new ArrayList<>(c.execForm()) : shellCmd(c.shellForm());
        s.cmdSet = true;
        meta("CMD " + GoFormat.quoteList(s.config.cmd));
      }
      case Instruction.Entrypoint e -> {
        s.config.entrypoint = e.isExec() ? new ArrayList<>(e.execForm()) : shellCmd(e.shellForm());
        if (!s.cmdSet) {
          s.config.cmd = null;
        }
        meta("ENTRYPOINT " + GoFormat.quoteList(s.config.entrypoint));
      }
      case Instruction.Shell sh -> {
        s.config.shell = new ArrayList<>(sh.shell());
        meta("SHELL " + GoFormat.list(s.config.shell));
      }
      case Instruction.Volume v -> {
        if (s.config.volumes == null) {
          s.config.volumes = new TreeMap<>();
        }
        for (String p : v.paths()) {
          if (p.isBlank()) {
            throw new InvalidArgument("VOLUME specified can not be an empty string");
          }
          s.config.volumes.put(p, Map.of());
        }
        meta("VOLUME " + GoFormat.list(v.paths()));
      }
      case Instruction.Stopsignal st -> {
        s.config.stopSignal = st.signal();
        meta("STOPSIGNAL " + st.signal());
      }
      case Instruction.Healthcheck h -> healthcheck(h);
      case Instruction.Onbuild o -> {
        String expr = o.trigger().original();
        if (s.config.onBuild == null) {
          s.config.onBuild = new ArrayList<>();
        }
        s.config.onBuild.add(expr);
        meta("ONBUILD " + expr);
      }
      case Instruction.Maintainer m -> {
        s.author = m.name();
        meta("MAINTAINER " + m.name());
      }
      case Instruction.From f -> throw new Internal("FROM inside a stage");
    }
  }

  /** A LABEL step added by {@code --label} (not expanded, as Docker adds it). */
  void optionLabel(String k, String v) {
    label(k, v);
    meta("LABEL " + k + "=" + v);
  }

  private void label(String k, String v) {
    if (s.config.labels == null) {
      s.config.labels = new TreeMap<>();
    }
    s.config.labels.put(k, v == null ? "" : v);
  }

  private List<String> shellCmd(String text) {
    List<String> out = new ArrayList<>(s.config.shellOrDefault());
    out.add(text);
    return out;
  }

  private void arg(Instruction.Arg a) {
    StringBuilder c = new StringBuilder("ARG ");
    boolean first = true;
    for (KeyValue kv : a.args()) {
      c.append(first ? "" : " ").append(kv.key());
      first = false;
      if (kv.value() != null) {
        c.append('=').append(kv.value());
      }
      String v = b.options.buildArgs().get(kv.key());
      if (v == null) {
        v = kv.value() != null ? kv.value() : b.metaArgs.get(kv.key());
      }
      if (v == null && b.platformArgs.containsKey(kv.key())) {
        v = b.platformArgs.get(kv.key());
      }
      s.args.put(kv.key(), v);
      b.consumed.add(kv.key());
    }
    meta(c.toString());
  }

  private void healthcheck(Instruction.Healthcheck h) {
    Long iv = nanos(h.interval());
    Long to = nanos(h.timeout());
    Long sp = nanos(h.startPeriod());
    Long si = nanos(h.startInterval());
    s.config.healthcheck = new ImageConfig.Healthcheck(h.test(), iv, to, sp, si,
        h.retries() == 0 ? null : h.retries());
    String c = "HEALTHCHECK &{" + GoFormat.quoteList(h.test()) + " " + GoFormat.quote(GoFormat.duration(or0(iv)))
        + " " + GoFormat.quote(GoFormat.duration(or0(to))) + " " + GoFormat.quote(GoFormat.duration(or0(sp)))
        + " " + GoFormat.quoteRune(h.retries()) + "}";
    meta(c);
  }

  private static Long nanos(java.time.Duration d) {
    return d == null || d.isZero() ? null : d.toNanos();
  }

  private static long or0(Long v) {
    return v == null ? 0 : v;
  }

  /** Commits a metadata-only step: no container, no layer, {@code empty_layer} in history. */
  private void meta(String comment) {
    List<String> cmd = new ArrayList<>(s.config.shellOrDefault());
    cmd.add("#(nop) ");
    cmd.add(comment);
    step("meta", cmd, key -> b.commits.commit(s, key, cmd, null, ""));
  }

  private String keyFor(String kind, List<String> cmd) {
    RunConfig c = s.config.copy();
    c.image = s.imageId();
    try {
      return BuildCache.key(s.imageId(), kind + "\n" + Json.MAPPER.writeValueAsString(cmd) + "\n"
          + Json.MAPPER.writeValueAsString(c.toJson(null)) + "\n" + s.author);
    } catch (IOException e) {
      throw new Internal("cache key: " + e.getMessage(), e);
    }
  }

  /**
   * One step: a cache hit moves the state to the cached image ("Using cache"); a miss runs
   * {@code work}, which commits. The state's config must already hold the step's changes.
   */
  private void step(String kind, List<String> cmd, java.util.function.Consumer<String> work) {
    String key = keyFor(kind, cmd);
    if (!b.options.noCache()) {
      Optional<Image> hit = b.commits.cached(key);
      if (hit.isPresent()) {
        s.at(hit.get());
        b.out(" ---> Using cache\n");
        b.cached++;
        return;
      }
    }
    b.checkCancelled();
    work.accept(key);
    b.executed++;
  }

  private void run(Instruction.Run r) {
    List<String> cmd;
    if (r.isExec()) {
      cmd = new ArrayList<>(r.execForm());
    } else {
      cmd = shellCmd(r.shellCommand());
    }
    List<String> args = argEnv();
    List<String> save = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    for (String a : args) {
      String k = a.substring(0, a.indexOf('='));
      if (s.args.containsKey(k) || !BuildArgs.PROXY_ARGS.contains(k)) {
        shown.add(a);
      }
    }
    shown.sort(null);
    if (!shown.isEmpty()) {
      save.add("|" + shown.size());
      save.addAll(shown);
    }
    save.addAll(cmd);
    String network = r.network() != null ? r.network() : b.options.networkMode();
    step("run", save, key -> {
      if (s.image == null) {
        s.at(b.commits.scratch(s));
      }
      List<String> env = new ArrayList<>(s.config.env == null ? List.of() : s.config.env);
      env.addAll(args);
      String[] cid = new String[1];
      RunStep.Result res = b.runs.run(s.imageId(), s.config, cmd, env, network, b.options.extraHosts(),
          !b.options.rm(), id -> {
            cid[0] = id;
            b.running(id);
            b.out(" ---> Running in " + id.substring(0, 12) + "\n");
          }, b::out);
      b.running(null);
      if (res.exitCode() != 0) {
        throw new StepFailed("The command '" + String.join(" ", cmd) + "' returned a non-zero code: "
            + res.exitCode(), res.exitCode());
      }
      if (b.options.rm()) {
        b.out("Removing intermediate container " + cid[0].substring(0, 12) + "\n");
      }
      b.commits.commit(s, key, save, res.layer().orElse(null), res.containerId());
    });
  }

  private void workdir(Instruction.Workdir w) {
    String p = w.path();
    if (p == null || p.isEmpty()) {
      throw new InvalidArgument("cannot normalize nothing");
    }
    String dir = p.startsWith("/") ? "/" + BuildContext.clean(p)
        : "/" + BuildContext.clean((s.config.workingDir.isEmpty() ? "/" : s.config.workingDir) + "/" + p);
    if (dir.equals("/.")) {
      dir = "/";
    }
    s.config.workingDir = dir;
    List<String> cmd = new ArrayList<>(s.config.shellOrDefault());
    cmd.add("#(nop) WORKDIR " + dir);
    String d = dir;
    step("workdir", cmd, key -> {
      var layer = b.layers.make(s.topSnapshot(), root -> new TreeCopier(root, 0, 0, null).mkdirs(d));
      b.commits.commit(s, key, cmd, layer.orElse(null), "");
    });
  }

  private void copy(Instruction.Copy c) {
    String name = c.add() ? "ADD" : "COPY";
    if (c.from() != null && !c.from().isEmpty()) {
      b.withStageRoot(c.from(), (root, fromId) -> copyFrom(c, name, root, fromId));
    } else {
      copyFrom(c, name, b.context, "");
    }
  }

  private void copyFrom(Instruction.Copy c, String name, BuildContext from, String fromId) {
    Path heredocs = null;
    try {
      heredocs = Files.createTempDirectory(b.tmp, "heredoc-");
      CopyStep.Plan plan = CopyStep.plan(c, from, s.config.workingDir, heredocs);
      List<String> cmd = new ArrayList<>(s.config.shellOrDefault());
      // Docker writes the destination as given ("in . "), not resolved against WORKDIR
      cmd.add("#(nop) " + name + " " + plan.hash() + " in " + c.dest() + " ");
      String desc = name + "\n" + plan.hash() + "\n" + plan.dest() + "\n" + c.chown() + "\n" + c.chmod() + "\n" + fromId;
      List<String> keyCmd = new ArrayList<>(cmd);
      keyCmd.add(desc);
      step("copy", keyCmd, key -> {
        var layer = b.layers.make(s.topSnapshot(), root -> CopyStep.apply(plan, c, root));
        b.commits.commit(s, key, cmd, layer.orElse(null), "");
      });
    } catch (IOException e) {
      throw new Internal(name + " failed: " + e.getMessage(), e);
    } finally {
      if (heredocs != null) {
        try {
          berth.snapshot.archive.FileTrees.deleteRecursively(heredocs);
        } catch (IOException ignored) {
          // temp files go with the session's directory
        }
      }
    }
  }

  /** The declared args of this stage (for "unused build args"). */
  Map<String, String> args() {
    return new LinkedHashMap<>(s.args);
  }
}

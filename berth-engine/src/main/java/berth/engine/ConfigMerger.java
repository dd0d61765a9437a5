package berth.engine;

import berth.api.model.ContainerConfig;
import berth.api.model.HealthConfig;
import berth.image.ImageConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Docker's merge of a container's config with its image's (moby daemon/commit.go merge): the
 * user's values win; Env and Labels are unions by key; an empty Entrypoint takes the image's
 * Entrypoint and, when Cmd is empty too, its Cmd. Then Docker's zero values are filled in.
 */
public final class ConfigMerger {
  private ConfigMerger() {}

  public static ContainerConfig merge(ContainerConfig user, ImageConfig image) {
    ContainerConfig.Builder b = user.toBuilder();
    ImageConfig img = image == null ? ImageConfig.empty() : image;
    if (isEmpty(b.user())) {
      b.user(img.user());
    }
    b.exposedPorts(union(b.exposedPorts(), img.exposedPorts()));
    b.env(mergeEnv(b.env(), img.env()));
    b.labels(mergeLabels(b.labels(), img.labels()));
    if (b.entrypoint() == null || b.entrypoint().isEmpty()) {
      if (b.cmd() == null || b.cmd().isEmpty()) {
        b.cmd(img.cmd());
        if (img.argsEscaped() != null && img.argsEscaped()) {
          b.argsEscaped(true);
        }
      }
      if (b.entrypoint() == null) {
        b.entrypoint(img.entrypoint());
      }
    }
    // `--entrypoint ""` arrives as [""]: no entrypoint at all, and the image's Cmd is not used.
    if (b.entrypoint() != null && b.entrypoint().size() == 1 && b.entrypoint().get(0).isEmpty()) {
      b.entrypoint(null);
    }
    if (isEmpty(b.workingDir())) {
      b.workingDir(img.workingDir());
    }
    b.volumes(union(b.volumes(), img.volumes()));
    if (isEmpty(b.stopSignal())) {
      b.stopSignal(img.stopSignal());
    }
    b.healthcheck(mergeHealth(b.healthcheck(), img.healthcheck()));
    if (b.onBuild() == null) {
      b.onBuild(img.onBuild());
    }
    if (b.shell() == null || b.shell().isEmpty()) {
      b.shell(img.shell());
    }
    return b.build();
  }

  /** Docker's zero values for what the user did not say, so inspect shows what Docker shows. */
  public static ContainerConfig withDefaults(ContainerConfig c, String hostname) {
    ContainerConfig.Builder b = c.toBuilder();
    b.hostname(isEmpty(b.hostname()) ? hostname : b.hostname());
    b.domainname(orEmpty(b.domainname()));
    b.user(orEmpty(b.user()));
    b.attachStdin(bool(b.attachStdin()));
    b.attachStdout(bool(b.attachStdout()));
    b.attachStderr(bool(b.attachStderr()));
    b.tty(bool(b.tty()));
    b.openStdin(bool(b.openStdin()));
    b.stdinOnce(bool(b.stdinOnce()));
    b.workingDir(orEmpty(b.workingDir()));
    b.image(orEmpty(b.image()));
    if (b.labels() == null) {
      b.labels(Map.of());
    }
    if (Boolean.FALSE.equals(b.argsEscaped())) {
      b.argsEscaped(null);
    }
    if (Boolean.FALSE.equals(b.networkDisabled())) {
      b.networkDisabled(null);
    }
    if (b.volumes() != null && b.volumes().isEmpty()) {
      b.volumes(null);
    }
    if (b.exposedPorts() != null && b.exposedPorts().isEmpty()) {
      b.exposedPorts(null);
    }
    if (isEmpty(b.stopSignal())) {
      b.stopSignal(null);
    }
    if (isEmpty(b.macAddress())) {
      b.macAddress(null);
    }
    return b.build();
  }

  static List<String> mergeEnv(List<String> user, List<String> image) {
    if (image == null || image.isEmpty()) {
      return user;
    }
    List<String> out = new ArrayList<>(user == null ? List.of() : user);
    for (String e : image) {
      String key = e.contains("=") ? e.substring(0, e.indexOf('=')) : e;
      boolean found = out.stream().anyMatch(u -> u.equals(key) || u.startsWith(key + "="));
      if (!found) {
        out.add(e);
      }
    }
    return out;
  }

  private static Map<String, String> mergeLabels(Map<String, String> user, Map<String, String> image) {
    if (image == null || image.isEmpty()) {
      return user;
    }
    Map<String, String> out = new LinkedHashMap<>(image);
    if (user != null) {
      out.putAll(user);
    }
    return out;
  }

  private static Map<String, Object> union(Map<String, Object> user, Map<String, Object> image) {
    if (image == null || image.isEmpty()) {
      return user;
    }
    Map<String, Object> out = new LinkedHashMap<>(image);
    if (user != null) {
      out.putAll(user);
    }
    return out;
  }

  private static HealthConfig mergeHealth(HealthConfig user, ImageConfig.Healthcheck image) {
    if (image == null) {
      return user;
    }
    HealthConfig img = new HealthConfig(image.test(), image.interval(), image.timeout(), image.retries(),
        image.startPeriod(), image.startInterval());
    if (user == null) {
      return img;
    }
    return new HealthConfig(
        user.test() == null || user.test().isEmpty() ? img.test() : user.test(),
        zero(user.interval()) ? img.interval() : user.interval(),
        zero(user.timeout()) ? img.timeout() : user.timeout(),
        user.retries() == null || user.retries() == 0 ? img.retries() : user.retries(),
        zero(user.startPeriod()) ? img.startPeriod() : user.startPeriod(),
        zero(user.startInterval()) ? img.startInterval() : user.startInterval());
  }

  private static boolean zero(Long v) {
    return v == null || v == 0;
  }

  static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static Boolean bool(Boolean b) {
    return b != null && b;
  }
}

package berth.cli.run;

import berth.cli.CliError;
import berth.cli.format.Durations;
import berth.cli.format.Units;
import berth.client.JsonTrees;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Maps docker's container flags onto the {@code POST /containers/create} body the docker CLI
 * sends: {@code Config} fields at the top, {@code HostConfig} and {@code NetworkingConfig} nested.
 * Bad flag values fail with exit status 125 and pflag's wording
 * ({@code invalid argument "x" for "--cpus" flag: ...}).
 */
public final class CreateBody {
  private CreateBody() {}

  /**
   * @param detach whether {@code -d} was given (changes the default attach set)
   * @param env the CLI's environment, for {@code -e NAME} without a value
   */
  public static ObjectNode build(ContainerOptions o, String image, List<String> cmd, boolean detach,
      Map<String, String> env, int[] consoleSize) {
    Attach attach = Attach.of(o, detach);
    ObjectNode body = JsonTrees.object();
    body.put("Hostname", nz(o.hostname));
    body.put("Domainname", nz(o.domainname));
    body.put("User", nz(o.user));
    body.put("AttachStdin", attach.stdin());
    body.put("AttachStdout", attach.stdout());
    body.put("AttachStderr", attach.stderr());
    ObjectNode exposed = PortSpecs.exposedPorts(o.publish, o.expose);
    if (!exposed.isEmpty()) {
      body.set("ExposedPorts", exposed);
    }
    body.put("Tty", o.tty);
    body.put("OpenStdin", o.interactive);
    body.put("StdinOnce", o.interactive && attach.stdin());
    body.set("Env", envList(o, env));
    ArrayNode cmdNode = body.putArray("Cmd");
    cmd.forEach(cmdNode::add);
    if (cmd.isEmpty()) {
      body.putNull("Cmd");
    }
    body.set("Healthcheck", Health.of(o));
    if (body.get("Healthcheck").isNull()) {
      body.remove("Healthcheck");
    }
    body.put("Image", image);
    ObjectNode volumes = body.putObject("Volumes");
    body.put("WorkingDir", nz(o.workdir));
    if (o.entrypoint != null) {
      body.putArray("Entrypoint").add(o.entrypoint);
    } else {
      body.putNull("Entrypoint");
    }
    body.putNull("OnBuild");
    body.set("Labels", labels(o.label));
    if (o.stopSignal != null) {
      body.put("StopSignal", o.stopSignal);
    }
    if (o.stopTimeout != null) {
      body.put("StopTimeout", o.stopTimeout);
    }
    body.set("HostConfig", HostConfigBody.build(o, volumes, consoleSize));
    body.set("NetworkingConfig", networking(o));
    return body;
  }

  /** Which streams to attach, with docker's conflicts checked. */
  public record Attach(boolean stdin, boolean stdout, boolean stderr) {
    public static Attach of(ContainerOptions o, boolean detach) {
      if (o.attach.isEmpty()) {
        return detach ? new Attach(false, false, false) : new Attach(o.interactive, true, true);
      }
      if (detach) {
        throw new CliError("conflicting options: cannot specify both --attach and --detach", 1);
      }
      boolean in = false;
      boolean out = false;
      boolean err = false;
      for (String a : o.attach) {
        switch (a.toLowerCase(java.util.Locale.ROOT)) {
          case "stdin" -> in = true;
          case "stdout" -> out = true;
          case "stderr" -> err = true;
          default -> throw new CliError("invalid argument \"" + a + "\" for \"-a, --attach\" flag: valid streams are STDIN, STDOUT and STDERR", 125);
        }
      }
      return new Attach(in, out, err);
    }
  }

  private static ArrayNode envList(ContainerOptions o, Map<String, String> env) {
    ArrayNode out = JsonTrees.array();
    for (String file : o.envFile) {
      List<String> lines;
      try {
        lines = Files.readAllLines(Path.of(file));
      } catch (NoSuchFileException e) {
        throw new CliError("open " + file + ": no such file or directory", 125);
      } catch (IOException e) {
        throw new CliError("open " + file + ": " + e.getMessage(), 125);
      }
      for (String line : lines) {
        String l = line.stripLeading();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        out.add(envValue(l, env));
      }
    }
    o.env.forEach(e -> out.add(envValue(e, env)));
    return out;
  }

  /** {@code opts.ValidateEnv}: "K=v" as is; bare "K" takes the CLI's value when set. */
  static String envValue(String s, Map<String, String> env) {
    int eq = s.indexOf('=');
    String key = eq < 0 ? s : s.substring(0, eq);
    if (key.isEmpty()) {
      throw new CliError("invalid argument \"" + s + "\" for \"-e, --env\" flag: invalid environment variable: " + s, 125);
    }
    if (eq >= 0) {
      return s;
    }
    String v = env.get(key);
    return v == null ? s : key + "=" + v;
  }

  private static ObjectNode labels(List<String> list) {
    ObjectNode out = JsonTrees.object();
    for (String l : list) {
      int eq = l.indexOf('=');
      out.put(eq < 0 ? l : l.substring(0, eq), eq < 0 ? "" : l.substring(eq + 1));
    }
    return out;
  }

  /**
   * Docker's EndpointsConfig: one entry per {@code --network}; the first carries {@code --ip},
   * {@code --ip6}, {@code --mac-address} and the aliases.
   */
  private static ObjectNode networking(ContainerOptions o) {
    ObjectNode n = JsonTrees.object();
    ObjectNode endpoints = n.putObject("EndpointsConfig");
    boolean first = true;
    for (String network : o.network) {
      if (network.isEmpty() || network.startsWith("container:") || network.equals("default")) {
        first = false;
        continue;
      }
      ObjectNode ep = endpoints.putObject(network);
      if (first) {
        if (o.ip != null || o.ip6 != null) {
          ObjectNode ipam = ep.putObject("IPAMConfig");
          if (o.ip != null) {
            ipam.put("IPv4Address", o.ip);
          }
          if (o.ip6 != null) {
            ipam.put("IPv6Address", o.ip6);
          }
        }
        if (!o.networkAlias.isEmpty()) {
          var a = ep.putArray("Aliases");
          o.networkAlias.forEach(a::add);
        }
        if (o.macAddress != null) {
          ep.put("MacAddress", o.macAddress);
        }
      }
      first = false;
    }
    return n;
  }

  static String nz(String s) {
    return s == null ? "" : s;
  }

  /** {@code invalid argument "v" for "flag" flag: reason}, exit 125. */
  static CliError badFlag(String value, String flag, String reason) {
    return new CliError("invalid argument \"" + value + "\" for \"" + flag + "\" flag: " + reason, 125);
  }

  static long size(String value, String flag) {
    try {
      return Units.ramInBytes(value);
    } catch (IllegalArgumentException e) {
      throw badFlag(value, flag, e.getMessage());
    }
  }

  static long duration(String value, String flag) {
    try {
      return Durations.parseNanos(value);
    } catch (IllegalArgumentException e) {
      throw badFlag(value, flag, e.getMessage());
    }
  }

  /** {@code opts.ParseCPUs}: a rational number of CPUs to nano-CPUs; must come out whole. */
  static long nanoCpus(String value) {
    BigDecimal cpu;
    try {
      cpu = new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw badFlag(value, "--cpus", "failed to parse " + value + " as a rational number");
    }
    BigDecimal nano = cpu.multiply(BigDecimal.valueOf(1_000_000_000L));
    if (nano.stripTrailingZeros().scale() > 0) {
      throw badFlag(value, "--cpus", "value is too precise");
    }
    return nano.longValueExact();
  }
}

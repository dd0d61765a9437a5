package berth.cli.run;

import berth.cli.CliError;
import berth.client.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code Healthcheck} object from {@code --health-*} and {@code --no-healthcheck}. */
final class Health {
  private Health() {}

  static JsonNode of(ContainerOptions o) {
    boolean any = o.healthCmd != null || o.healthInterval != null || o.healthTimeout != null
        || o.healthRetries != null || o.healthStartPeriod != null || o.healthStartInterval != null;
    if (o.noHealthcheck) {
      if (any) {
        throw new CliError("--no-healthcheck conflicts with --health-* options", 125);
      }
      ObjectNode h = JsonTrees.object();
      h.putArray("Test").add("NONE");
      return h;
    }
    if (!any) {
      return NullNode.instance;
    }
    ObjectNode h = JsonTrees.object();
    if (o.healthCmd != null) {
      h.putArray("Test").add("CMD-SHELL").add(o.healthCmd);
    }
    h.put("Interval", nonNegative(o.healthInterval, "--health-interval"));
    h.put("Timeout", nonNegative(o.healthTimeout, "--health-timeout"));
    h.put("StartPeriod", nonNegative(o.healthStartPeriod, "--health-start-period"));
    h.put("StartInterval", nonNegative(o.healthStartInterval, "--health-start-interval"));
    int retries = o.healthRetries == null ? 0 : o.healthRetries;
    if (retries < 0) {
      throw new CliError("--health-retries cannot be negative", 125);
    }
    h.put("Retries", retries);
    return h;
  }

  private static long nonNegative(String value, String flag) {
    if (value == null) {
      return 0;
    }
    long ns = CreateBody.duration(value, flag);
    if (ns < 0) {
      throw new CliError(flag + " cannot be negative", 125);
    }
    return ns;
  }
}

package berth.cli.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/** The {@code docker stats} context: docker's CPU and memory arithmetic over one stats sample. */
public final class StatsRows {
  public static final String DEFAULT_TABLE =
      "{{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}";

  private StatsRows() {}

  public static Map<String, Object> header() {
    Map<String, Object> h = new TreeMap<>();
    h.put("ID", "CONTAINER ID");
    h.put("Container", "CONTAINER");
    h.put("Name", "NAME");
    h.put("CPUPerc", "CPU %");
    h.put("MemUsage", "MEM USAGE / LIMIT");
    h.put("MemPerc", "MEM %");
    h.put("NetIO", "NET I/O");
    h.put("BlockIO", "BLOCK I/O");
    h.put("PIDs", "PIDS");
    return h;
  }

  /** @param ref what the user asked for (shown in the Container column) */
  public static Map<String, Object> row(String ref, JsonNode s, boolean trunc) {
    Map<String, Object> r = new TreeMap<>();
    String id = s.path("id").asText(ref);
    r.put("ID", trunc ? Text.shortId(id) : id);
    r.put("Container", ref);
    String name = s.path("name").asText("");
    r.put("Name", name.startsWith("/") ? name.substring(1) : name);
    r.put("CPUPerc", String.format("%.2f%%", cpuPercent(s)));
    double mem = memUsage(s.path("memory_stats"));
    double limit = s.path("memory_stats").path("limit").asDouble();
    r.put("MemUsage", Units.bytesSize(mem) + " / " + Units.bytesSize(limit));
    r.put("MemPerc", String.format("%.2f%%", limit > 0 ? mem / limit * 100.0 : 0.0));
    double rx = 0;
    double tx = 0;
    for (JsonNode n : s.path("networks")) {
      rx += n.path("rx_bytes").asDouble();
      tx += n.path("tx_bytes").asDouble();
    }
    r.put("NetIO", Units.humanSize(rx, 3) + " / " + Units.humanSize(tx, 3));
    double read = 0;
    double write = 0;
    for (JsonNode e : s.path("blkio_stats").path("io_service_bytes_recursive")) {
      String op = e.path("op").asText().toLowerCase(java.util.Locale.ROOT);
      if (op.equals("read")) {
        read += e.path("value").asDouble();
      } else if (op.equals("write")) {
        write += e.path("value").asDouble();
      }
    }
    r.put("BlockIO", Units.humanSize(read, 3) + " / " + Units.humanSize(write, 3));
    r.put("PIDs", String.valueOf(s.path("pids_stats").path("current").asLong()));
    return r;
  }

  static double cpuPercent(JsonNode s) {
    JsonNode cpu = s.path("cpu_stats");
    JsonNode pre = s.path("precpu_stats");
    double cpuDelta = cpu.path("cpu_usage").path("total_usage").asDouble() - pre.path("cpu_usage").path("total_usage").asDouble();
    double sysDelta = cpu.path("system_cpu_usage").asDouble() - pre.path("system_cpu_usage").asDouble();
    double online = cpu.path("online_cpus").asDouble();
    if (online == 0) {
      online = cpu.path("cpu_usage").path("percpu_usage").size();
    }
    if (sysDelta > 0 && cpuDelta > 0) {
      return cpuDelta / sysDelta * online * 100.0;
    }
    return 0;
  }

  /** Usage minus inactive page cache: {@code total_inactive_file} on cgroup v1, {@code inactive_file} on v2. */
  static double memUsage(JsonNode m) {
    double usage = m.path("usage").asDouble();
    JsonNode st = m.path("stats");
    double inactive = st.has("total_inactive_file") ? st.path("total_inactive_file").asDouble() : st.path("inactive_file").asDouble();
    return inactive < usage ? usage - inactive : usage;
  }
}

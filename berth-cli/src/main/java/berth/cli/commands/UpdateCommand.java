package berth.cli.commands;

import berth.cli.run.ContainerOptions;
import berth.cli.run.CreateBody;
import berth.client.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth update}: changes resources or the restart policy of containers; prints each name. */
@Command(name = "update", description = "Update configuration of one or more containers")
public final class UpdateCommand extends BaseCommand {
  @Parameters(arity = "1..*", paramLabel = "CONTAINER")
  List<String> refs;

  @Option(names = "--cpus", paramLabel = "decimal", description = "Number of CPUs")
  String cpus;

  @Option(names = {"-c", "--cpu-shares"}, paramLabel = "int", description = "CPU shares (relative weight)")
  Long cpuShares;

  @Option(names = "--cpu-period", paramLabel = "int", description = "Limit CPU CFS (Completely Fair Scheduler) period")
  Long cpuPeriod;

  @Option(names = "--cpu-quota", paramLabel = "int", description = "Limit CPU CFS (Completely Fair Scheduler) quota")
  Long cpuQuota;

  @Option(names = "--cpuset-cpus", paramLabel = "string", description = "CPUs in which to allow execution (0-3, 0,1)")
  String cpusetCpus;

  @Option(names = "--cpuset-mems", paramLabel = "string", description = "MEMs in which to allow execution (0-3, 0,1)")
  String cpusetMems;

  @Option(names = {"-m", "--memory"}, paramLabel = "bytes", description = "Memory limit")
  String memory;

  @Option(names = "--memory-reservation", paramLabel = "bytes", description = "Memory soft limit")
  String memoryReservation;

  @Option(names = "--memory-swap", paramLabel = "bytes", description = "Swap limit equal to memory plus swap: -1 to enable unlimited swap")
  String memorySwap;

  @Option(names = "--pids-limit", paramLabel = "int", description = "Tune container pids limit (set -1 for unlimited)")
  Long pidsLimit;

  @Option(names = "--restart", paramLabel = "string", description = "Restart policy to apply when a container exits")
  String restart;

  @Override
  public Integer call() {
    ContainerOptions o = new ContainerOptions();
    o.cpus = cpus;
    o.cpuShares = cpuShares;
    o.cpuPeriod = cpuPeriod;
    o.cpuQuota = cpuQuota;
    o.cpusetCpus = cpusetCpus;
    o.cpusetMems = cpusetMems;
    o.memory = memory;
    o.memoryReservation = memoryReservation;
    o.memorySwap = memorySwap;
    o.pidsLimit = pidsLimit;
    o.restart = restart;
    JsonNode host = CreateBody.build(o, "", List.of(), true, root().env(), new int[] {0, 0}).path("HostConfig");
    ObjectNode body = JsonTrees.object();
    copyIf(body, host, "CpuShares", cpuShares != null);
    copyIf(body, host, "NanoCpus", cpus != null);
    copyIf(body, host, "CpuPeriod", cpuPeriod != null);
    copyIf(body, host, "CpuQuota", cpuQuota != null);
    copyIf(body, host, "CpusetCpus", cpusetCpus != null);
    copyIf(body, host, "CpusetMems", cpusetMems != null);
    copyIf(body, host, "Memory", memory != null);
    copyIf(body, host, "MemoryReservation", memoryReservation != null);
    copyIf(body, host, "MemorySwap", memorySwap != null);
    copyIf(body, host, "PidsLimit", pidsLimit != null);
    copyIf(body, host, "RestartPolicy", restart != null);
    return eachRef(refs, ref -> {
      JsonNode res = client().containers().update(ref, body);
      res.path("Warnings").forEach(w -> err().println(w.asText()));
      out().println(ref);
    });
  }

  private static void copyIf(ObjectNode body, JsonNode host, String key, boolean set) {
    if (set) {
      body.set(key, host.get(key));
    }
  }
}

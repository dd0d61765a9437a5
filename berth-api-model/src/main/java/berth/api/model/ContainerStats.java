package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** One sample of GET /containers/{id}/stats (read/preread RFC 3339 with nanoseconds). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerStats(
    @JsonProperty("name") String name,
    @JsonProperty("id") String id,
    @JsonProperty("read") String read,
    @JsonProperty("preread") String preread,
    @JsonProperty("pids_stats") PidsStats pidsStats,
    @JsonProperty("blkio_stats") BlkioStats blkioStats,
    @JsonProperty("num_procs") Integer numProcs,
    @JsonProperty("storage_stats") Map<String, Object> storageStats,
    @JsonProperty("cpu_stats") CpuStats cpuStats,
    @JsonProperty("precpu_stats") CpuStats precpuStats,
    @JsonProperty("memory_stats") MemoryStats memoryStats,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("networks") Map<String, NetworkStats> networks) {
}

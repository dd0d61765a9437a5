package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** memory_stats of the stats JSON (cgroup v1 keys in stats). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MemoryStats(
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("usage") Long usage,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("max_usage") Long maxUsage,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("stats") Map<String, Long> stats,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("failcnt") Long failcnt,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("limit") Long limit) {
}

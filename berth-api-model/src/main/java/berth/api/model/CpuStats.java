package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** cpu_stats and precpu_stats of the stats JSON. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CpuStats(
    @JsonProperty("cpu_usage") CpuUsage cpuUsage,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("system_cpu_usage") Long systemCpuUsage,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("online_cpus") Integer onlineCpus,
    @JsonProperty("throttling_data") ThrottlingData throttlingData) {
}

package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** CPU time in nanoseconds. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CpuUsage(
    @JsonProperty("total_usage") Long totalUsage,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("percpu_usage") List<Long> percpuUsage,
    @JsonProperty("usage_in_kernelmode") Long usageInKernelmode,
    @JsonProperty("usage_in_usermode") Long usageInUsermode) {
}

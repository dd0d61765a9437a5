package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** blkio_stats; Docker sends null lists when a counter is not available. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BlkioStats(
    @JsonProperty("io_service_bytes_recursive") List<BlkioStatEntry> ioServiceBytesRecursive,
    @JsonProperty("io_serviced_recursive") List<BlkioStatEntry> ioServicedRecursive,
    @JsonProperty("io_queue_recursive") List<BlkioStatEntry> ioQueueRecursive,
    @JsonProperty("io_service_time_recursive") List<BlkioStatEntry> ioServiceTimeRecursive,
    @JsonProperty("io_wait_time_recursive") List<BlkioStatEntry> ioWaitTimeRecursive,
    @JsonProperty("io_merged_recursive") List<BlkioStatEntry> ioMergedRecursive,
    @JsonProperty("io_time_recursive") List<BlkioStatEntry> ioTimeRecursive,
    @JsonProperty("sectors_recursive") List<BlkioStatEntry> sectorsRecursive) {
}

package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Per-interface counters in the stats JSON. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NetworkStats(
    @JsonProperty("rx_bytes") Long rxBytes,
    @JsonProperty("rx_packets") Long rxPackets,
    @JsonProperty("rx_errors") Long rxErrors,
    @JsonProperty("rx_dropped") Long rxDropped,
    @JsonProperty("tx_bytes") Long txBytes,
    @JsonProperty("tx_packets") Long txPackets,
    @JsonProperty("tx_errors") Long txErrors,
    @JsonProperty("tx_dropped") Long txDropped) {
}

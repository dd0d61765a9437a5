package berth.engine;

import java.time.Instant;

/**
 * Query of GET /containers/{id}/logs. {@code tail} &lt; 0 means all; since/until may be null.
 */
public record LogOptions(
    boolean stdout, boolean stderr, Instant since, Instant until, boolean timestamps, boolean follow, int tail) {}

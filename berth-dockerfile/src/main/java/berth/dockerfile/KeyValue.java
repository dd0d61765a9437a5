package berth.dockerfile;

/**
 * A key and its value as written (ENV, LABEL, ARG). Values keep their quotes until
 * {@link Expander#expand(Instruction, char, java.util.function.Function)} processes them.
 *
 * @param value null only for an ARG without a default
 */
public record KeyValue(String key, String value) {}

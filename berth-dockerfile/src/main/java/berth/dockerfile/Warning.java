package berth.dockerfile;

/**
 * A non-fatal finding while parsing, in Docker's words.
 *
 * @param rule the BuildKit check name (e.g. {@code MaintainerDeprecated}), or a short tag for parser notices
 * @param message the human message, as Docker prints it
 * @param line 1-based line the warning refers to, 0 when it is not about one line
 */
public record Warning(String rule, String message, int line) {}

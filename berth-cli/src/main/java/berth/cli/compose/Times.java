package berth.cli.compose;

/** {@code --since} values: RFC 3339 or relative ({@code 10m}) into the API's unix seconds. */
final class Times {
  private Times() {}

  static String toApi(String since) {
    if (since == null || since.isEmpty()) {
      return null;
    }
    if (since.matches("\\d+(\\.\\d+)?")) {
      return since;
    }
    try {
      long nanos = berth.compose.Units.durationNanos(since);
      return String.valueOf(System.currentTimeMillis() / 1000 - nanos / 1_000_000_000L);
    } catch (RuntimeException e) {
      return String.valueOf(java.time.OffsetDateTime.parse(since).toEpochSecond());
    }
  }
}

/**
 * Docker's output conventions: tabwriter columns, human sizes and durations, indented JSON,
 * and the {@code --format}/table machinery. Pure functions: no client calls, no I/O beyond the
 * writer handed in.
 */
package berth.cli.format;

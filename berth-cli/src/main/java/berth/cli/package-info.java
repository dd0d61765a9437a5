/**
 * The {@code berth} command line: entry point, global options, error and exit-code policy. Talks
 * to the daemon only through {@code berth.client}, never the engine.
 */
package berth.cli;

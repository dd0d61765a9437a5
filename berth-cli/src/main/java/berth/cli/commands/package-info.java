/**
 * One picocli class per docker command, with docker's flags and output. Commands call
 * {@code berth.client} and render with {@code berth.cli.format}; they never touch the engine.
 */
package berth.cli.commands;

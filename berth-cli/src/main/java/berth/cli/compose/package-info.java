/**
 * {@code berth compose}: the command line over {@code berth-compose}. Commands parse flags, load the
 * project and call one {@link berth.compose.ComposeService} operation; rendering (status lines, ps
 * tables, log prefixes) lives here, the model and the API calls do not.
 */
package berth.cli.compose;

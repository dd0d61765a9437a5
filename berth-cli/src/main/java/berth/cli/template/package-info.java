/**
 * A subset of Go's text/template, enough for docker's {@code --format}: evaluated over Jackson
 * trees. Knows nothing about commands or the client; see {@link berth.cli.template.Template}.
 */
package berth.cli.template;

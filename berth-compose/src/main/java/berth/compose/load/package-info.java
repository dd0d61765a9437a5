/**
 * Loading compose files into a {@link berth.compose.Project}: file discovery, YAML with anchors and
 * merge keys, {@code .env}, interpolation, schema validation, merging of several files, extends,
 * profiles and reference checks. Pure: no daemon calls.
 */
package berth.compose.load;

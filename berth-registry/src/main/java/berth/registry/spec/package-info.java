/**
 * The Distribution Spec's vocabulary: error codes and their exception, repository names and tags,
 * manifest media types. Pure values; no I/O.
 */
package berth.registry.spec;

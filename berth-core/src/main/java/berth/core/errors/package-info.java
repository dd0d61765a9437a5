/**
 * The error family: one unchecked exception per class of failure, each with its HTTP status.
 * Raise at the source with Docker's message; never pick a status anywhere else.
 */
package berth.core.errors;

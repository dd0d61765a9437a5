/** Durable, atomic file writes. */
package berth.core.io;

/** Validated values shared by every module (digests, ids) and the shared JSON setup. No I/O but atomic writes. */
package berth.core;

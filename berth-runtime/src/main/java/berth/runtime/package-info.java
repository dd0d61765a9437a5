/** The OCI runtime driver (conmon + runc) and OCI spec records. Decides nothing about what is legal. */
package berth.runtime;

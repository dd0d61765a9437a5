/**
 * One class per API resource; each parses requests, calls its service interface and writes
 * Docker's JSON. Handlers never choose an error status themselves: they throw the core errors.
 */
package berth.api.routes;

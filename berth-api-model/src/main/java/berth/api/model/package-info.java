/**
 * Docker Engine API v1.47 JSON records with Docker's field names, shared by the API server, the
 * client and the engine's service interfaces. Wire shapes only: no behaviour, no engine types.
 */
package berth.api.model;

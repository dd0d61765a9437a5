/**
 * The Distribution API's routes: request to storage operation to response, the spec's headers and
 * error bodies. Handlers translate; storage and auth decide.
 */
package berth.registry.api;

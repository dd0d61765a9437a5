/**
 * The engine's services (containers, execs, images, system, events) that the API calls, one
 * method per request, taking and returning the wire records of {@code berth.api.model}, and their
 * implementation over storage and the runtime driver. Never speaks HTTP.
 */
package berth.engine;

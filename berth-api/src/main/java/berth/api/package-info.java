/**
 * The Engine API server: a Netty HTTP/1.1 server on Unix sockets that turns Docker Engine API
 * requests into calls on the engine's service interfaces. It must not reach past those interfaces.
 */
package berth.api;

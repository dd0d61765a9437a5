/**
 * Docker Engine API client over a Unix socket: typed calls, streams, hijacked attach, and HTTP
 * statuses mapped back into {@code berth.core.errors}. Must stay free of Netty and the engine so
 * the CLI starts fast.
 */
package berth.client;

/**
 * The Berth registry server: configuration, the Netty server, the launcher's main class. Depends on
 * berth-core only; the engine and the registry client (berth-distribution) are none of its business.
 */
package berth.registry;

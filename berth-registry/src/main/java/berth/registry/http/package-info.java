/** HTTP/1.1 plumbing for the registry: Netty dispatch to virtual threads, streamed bodies, replies. */
package berth.registry.http;

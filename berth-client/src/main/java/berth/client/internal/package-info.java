/** HTTP/1.1 framing over a blocking Unix-domain {@code SocketChannel}; used only by berth.client. */
package berth.client.internal;

package berth.client;

import berth.client.internal.HttpConnection;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;

/** A successful response whose body is read as a stream; close it to release the socket. */
public final class Response implements AutoCloseable {
  private final HttpConnection conn;
  private final HttpConnection.Head head;
  private final InputStream body;

  Response(HttpConnection conn, HttpConnection.Head head, InputStream body) {
    this.conn = conn;
    this.head = head;
    this.body = body;
  }

  public int status() {
    return head.status();
  }

  public String header(String name) {
    return head.header(name);
  }

  public InputStream body() {
    return body;
  }

  /** True when the body uses Docker's stdout/stderr framing rather than a raw TTY stream. */
  public boolean multiplexed() {
    String ct = header("content-type");
    return ct != null && ct.contains("multiplexed-stream");
  }

  public JsonNode json() {
    try (this) {
      return JsonTrees.parse(body);
    }
  }

  public byte[] bytes() {
    try (this) {
      return body.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Successive JSON values of a streaming body: events, stats, pull/load progress. */
  public Iterator<JsonNode> jsonStream() {
    return JsonTrees.values(body);
  }

  @Override
  public void close() {
    conn.close();
  }
}

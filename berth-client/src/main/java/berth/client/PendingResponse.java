package berth.client;

import berth.client.internal.HttpConnection;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A request already written whose answer is read on a virtual thread: {@code POST /wait} must be
 * registered before {@code start}, yet its body only arrives when the container exits. Docker
 * flushes the wait response's headers as soon as the waiter is registered; {@link #awaitHeaders}
 * uses that to order wait before start.
 */
public final class PendingResponse implements AutoCloseable {
  private final HttpConnection conn;
  private final CompletableFuture<HttpConnection.Head> head = new CompletableFuture<>();
  private final CompletableFuture<JsonNode> body = new CompletableFuture<>();

  PendingResponse(HttpConnection conn, String method) {
    this.conn = conn;
    Thread.ofVirtual().name("berth-wait").start(() -> {
      try {
        HttpConnection.Head h = conn.readHead();
        head.complete(h);
        InputStream in = conn.body(h, method);
        byte[] bytes = in.readAllBytes();
        if (h.status() >= 300) {
          body.completeExceptionally(ApiErrors.fromResponse(h.status(), bytes));
        } else {
          body.complete(JsonTrees.parse(bytes));
        }
      } catch (IOException e) {
        head.completeExceptionally(e);
        body.completeExceptionally(new UncheckedIOException(e));
      } catch (RuntimeException e) {
        head.completeExceptionally(e);
        body.completeExceptionally(e);
      } finally {
        conn.close();
      }
    });
  }

  /** Waits up to {@code millis} for the status line; returns false on timeout (the server buffers). */
  public boolean awaitHeaders(long millis) {
    try {
      HttpConnection.Head h = head.get(millis, TimeUnit.MILLISECONDS);
      return h != null;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      return true; // the error surfaces from result()
    }
  }

  /** The JSON body; rethrows the daemon's error. */
  public CompletableFuture<JsonNode> result() {
    return body;
  }

  @Override
  public void close() {
    conn.close();
  }
}

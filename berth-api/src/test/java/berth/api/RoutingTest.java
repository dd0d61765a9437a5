package berth.api;

import static org.assertj.core.api.Assertions.assertThat;

import berth.api.model.ContainerCreateResponse;
import berth.core.Json;
import berth.core.errors.Conflict;
import berth.core.errors.NotFound;
import berth.core.errors.NotModified;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.FullHttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Request → status → message through the real pipeline with fake services. */
class RoutingTest {
  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of("GET", "/v1.49/version", 400, "client version 1.49 is too new. Maximum supported API version is 1.47"),
        Arguments.of("GET", "/v1.23/version", 400, "client version 1.23 is too old. Minimum supported API version is 1.24, please upgrade your client to a newer version"),
        Arguments.of("GET", "/nope", 404, "page not found"),
        Arguments.of("GET", "/v1.47/nope", 404, "page not found"),
        Arguments.of("DELETE", "/version", 404, "page not found"),
        Arguments.of("GET", "/v1.47/containers/ghost/json", 404, "No such container: ghost"),
        Arguments.of("GET", "/containers/busy/json", 409, "Conflict. busy"),
        Arguments.of("GET", "/containers/boom/json", 500, "kaboom"),
        Arguments.of("GET", "/containers/json?filters=%7Bbad", 400, null),
        Arguments.of("POST", "/containers/create", 400, "invalid JSON"),
        Arguments.of("POST", "/exec/x/resize?h=oops&w=1", 400, "invalid value for h: oops"),
        Arguments.of("POST", "/images/create?fromImage=docker.io/library/alpine&tag=latest", 404,
            "pull access denied for alpine, repository does not exist or may require 'docker login'"),
        Arguments.of("GET", "/containers/x/logs", 400, "Bad parameters: you must choose at least one stream"),
        Arguments.of("POST", "/session", 501,
            "BuildKit sessions are not supported: use the classic builder (DOCKER_BUILDKIT=0)"));
  }

  FakeServices fake = new FakeServices()
      .answer("inspect", RoutingTest::inspect)
      .answer("list", a -> List.of())
      .answer("start", a -> {
        throw new NotModified("container already started");
      });

  private static Object inspect(Object[] a) {
    if (a[0].equals("ghost")) {
      throw new NotFound("No such container: ghost");
    }
    if (a[0].equals("busy")) {
      throw new Conflict("Conflict. busy");
    }
    throw new IllegalStateException("kaboom");
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("table")
  void answersWithDockersStatusAndMessage(String method, String uri, int status, String message) {
    String body = method.equals("POST") && uri.contains("create") ? "{bad" : "";
    FullHttpResponse r = HttpExchange.send(fake.services(), method + " " + uri + " HTTP/1.1\r\nHost: x\r\n"
        + "Content-Length: " + body.length() + "\r\n\r\n" + body);
    try {
      assertThat(r.status().code()).isEqualTo(status);
      assertThat(r.headers().get("Content-Type")).isEqualTo("application/json");
      JsonNode json = json(r);
      if (message != null) {
        assertThat(json.get("message").asText()).startsWith(message);
      } else {
        assertThat(json.get("message").asText()).isNotEmpty();
      }
      assertThat(r.headers().get("Api-Version")).isEqualTo("1.47");
    } finally {
      r.release();
    }
  }

  @Test
  void pingCarriesDockersHeaders() {
    FullHttpResponse r = HttpExchange.get(fake.services(), "/_ping");
    try {
      assertThat(r.status().code()).isEqualTo(200);
      assertThat(r.content().toString(StandardCharsets.UTF_8)).isEqualTo("OK");
      assertThat(r.headers().getAll("API-Version")).containsExactly("1.47");
      assertThat(r.headers().get("OSType")).isEqualTo("linux");
      assertThat(r.headers().get("Docker-Experimental")).isEqualTo("false");
      assertThat(r.headers().get("Builder-Version")).isEqualTo("1");
      assertThat(r.headers().get("Server")).startsWith("Docker/");
    } finally {
      r.release();
    }
  }

  @Test
  void notModifiedHasNoBody() {
    FullHttpResponse r = HttpExchange.post(fake.services(), "/v1.47/containers/web/start", "");
    try {
      assertThat(r.status().code()).isEqualTo(304);
      assertThat(r.content().readableBytes()).isZero();
    } finally {
      r.release();
    }
  }

  @Test
  void listDecodesQueryAndLegacyFilters() {
    FullHttpResponse r = HttpExchange.get(fake.services(),
        "/v1.41/containers/json?all=1&limit=5&size=true&filters=%7B%22status%22%3A%7B%22running%22%3Atrue%7D%7D");
    try {
      assertThat(r.status().code()).isEqualTo(200);
      assertThat(r.content().toString(StandardCharsets.UTF_8).strip()).isEqualTo("[]");
      Object[] args = fake.lastArgs.get("list");
      assertThat(args).containsExactly(true, 5, true, Map.of("status", List.of("running")));
    } finally {
      r.release();
    }
  }

  @Test
  void createPassesNameAndSplitsTheBody() {
    fake.answer("create", a -> new ContainerCreateResponse("abc", List.of()));
    FullHttpResponse r = HttpExchange.post(fake.services(), "/v1.47/containers/create?name=web&platform=linux",
        "{\"Image\":\"busybox\",\"Cmd\":[\"true\"],\"HostConfig\":{\"NetworkMode\":\"none\"}}");
    try {
      assertThat(r.status().code()).isEqualTo(201);
      assertThat(json(r).get("Id").asText()).isEqualTo("abc");
      Object[] args = fake.lastArgs.get("create");
      assertThat(args[0]).isEqualTo("web");
      assertThat(((berth.api.model.ContainerConfig) args[1]).image()).isEqualTo("busybox");
      assertThat(((berth.api.model.HostConfig) args[2]).networkMode()).isEqualTo("none");
      assertThat(args[4]).isEqualTo("linux");
    } finally {
      r.release();
    }
  }

  @Test
  void imageNamesWithSlashesAndTagsReachTheService() {
    fake.answer("history", a -> List.of());
    FullHttpResponse r = HttpExchange.get(fake.services(), "/v1.47/images/localhost:5000/team/app:1.0/history");
    try {
      assertThat(r.status().code()).isEqualTo(200);
      assertThat(fake.lastArgs.get("history")).containsExactly("localhost:5000/team/app:1.0");
    } finally {
      r.release();
    }
  }

  @Test
  void keepAliveServesSeveralRequestsOnOneConnection() {
    String one = "GET /_ping HTTP/1.1\r\nHost: x\r\n\r\n";
    FullHttpResponse r = HttpExchange.send(fake.services(), one + one);
    try {
      assertThat(r.status().code()).isEqualTo(200);
    } finally {
      r.release();
    }
  }

  static JsonNode json(FullHttpResponse r) {
    try {
      return Json.MAPPER.readTree(r.content().toString(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}

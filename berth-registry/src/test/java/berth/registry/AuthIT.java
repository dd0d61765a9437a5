package berth.registry;

import static org.assertj.core.api.Assertions.assertThat;

import berth.core.Json;
import berth.registry.auth.Htpasswd;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** htpasswd and token modes, read-only mode and the delete switch, over real HTTP. */
@Tag("integration")
class AuthIT {
  static String basic(String user, String pw) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + pw).getBytes(StandardCharsets.UTF_8));
  }

  static String code(HttpResponse<String> r) throws Exception {
    return Json.MAPPER.readTree(r.body()).path("errors").get(0).path("code").asText();
  }

  static Path users() throws Exception {
    Path dir = Files.createTempDirectory("berth-registry-auth");
    Files.writeString(dir.resolve("htpasswd"), Htpasswd.line("alice", "pw") + "\n" + Htpasswd.line("reader", "pw") + "\n");
    return dir;
  }

  @Test
  void htpasswdBasicWithAccessRules() throws Exception {
    String yaml = """
        auth:
          htpasswd: {path: htpasswd, realm: test-realm}
          access:
            - {account: alice, name: "*", actions: ["*"]}
            - {account: reader, name: "*", actions: [pull]}
        """;
    try (RunningRegistry reg = new RunningRegistry(users(), yaml, "http", HttpClient.newHttpClient())) {
      var none = reg.send(reg.req("/v2/"));
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(code(none)).isEqualTo("UNAUTHORIZED");
      assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"test-realm\"");
      assertThat(reg.send(reg.req("/v2/").header("Authorization", basic("alice", "nope"))).statusCode()).isEqualTo(401);
      assertThat(reg.send(reg.req("/v2/").header("Authorization", basic("alice", "pw"))).statusCode()).isEqualTo(200);
      var push = reg.send(reg.req("/v2/app/blobs/uploads/").header("Authorization", basic("alice", "pw"))
          .POST(BodyPublishers.noBody()));
      assertThat(push.statusCode()).isEqualTo(202);
      var denied = reg.send(reg.req("/v2/app/blobs/uploads/").header("Authorization", basic("reader", "pw"))
          .POST(BodyPublishers.noBody()));
      assertThat(denied.statusCode()).isEqualTo(403);
      assertThat(code(denied)).isEqualTo("DENIED");
      assertThat(reg.send(reg.req("/v2/app/tags/list").header("Authorization", basic("reader", "pw"))).statusCode())
          .isEqualTo(404); // allowed to look; the repository has no manifests yet
    }
  }

  @Test
  void tokenFlowWithScopes() throws Exception {
    String yaml = """
        auth:
          token: {htpasswd: htpasswd, service: berth-test, anonymous_pull: true}
          access:
            - {account: alice, name: "*", actions: ["*"]}
        """;
    try (RunningRegistry reg = new RunningRegistry(users(), yaml, "http", HttpClient.newHttpClient())) {
      var challenge = reg.send(reg.req("/v2/app/blobs/uploads/").POST(BodyPublishers.noBody()));
      assertThat(challenge.statusCode()).isEqualTo(401);
      assertThat(code(challenge)).isEqualTo("UNAUTHORIZED");
      String realm = "http://" + reg.hostPort() + "/auth/token";
      assertThat(challenge.headers().firstValue("WWW-Authenticate")).hasValue(
          "Bearer realm=\"" + realm + "\",service=\"berth-test\",scope=\"repository:app:pull,push\"");

      var wrong = reg.send(reg.req("/auth/token?service=berth-test&scope=repository:app:pull,push")
          .header("Authorization", basic("alice", "bad")));
      assertThat(wrong.statusCode()).isEqualTo(401);

      var issued = reg.send(reg.req("/auth/token?service=berth-test&scope=repository:app:pull,push")
          .header("Authorization", basic("alice", "pw")));
      assertThat(issued.statusCode()).isEqualTo(200);
      String token = Json.MAPPER.readTree(issued.body()).path("token").asText();
      var ok = reg.send(reg.req("/v2/app/blobs/uploads/").header("Authorization", "Bearer " + token).POST(BodyPublishers.noBody()));
      assertThat(ok.statusCode()).isEqualTo(202);

      // an anonymous token pulls but cannot push
      String anon = Json.MAPPER.readTree(reg.send(reg.req("/auth/token?service=berth-test&scope=repository:app:pull,push"))
          .body()).path("token").asText();
      var pull = reg.send(reg.req("/v2/app/tags/list").header("Authorization", "Bearer " + anon));
      assertThat(pull.statusCode()).isEqualTo(404);
      assertThat(code(pull)).isEqualTo("NAME_UNKNOWN");
      var push = reg.send(reg.req("/v2/app/blobs/uploads/").header("Authorization", "Bearer " + anon).POST(BodyPublishers.noBody()));
      assertThat(push.statusCode()).isEqualTo(401);
      assertThat(push.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"insufficient_scope\"");

      // docker login's OAuth2 password grant
      var form = reg.send(reg.req("/auth/token").header("Content-Type", "application/x-www-form-urlencoded")
          .POST(BodyPublishers.ofString("grant_type=password&username=alice&password=pw&service=berth-test&scope=registry:catalog:*")));
      assertThat(form.statusCode()).isEqualTo(200);
      String catalogToken = Json.MAPPER.readTree(form.body()).path("access_token").asText();
      assertThat(reg.send(reg.req("/v2/_catalog").header("Authorization", "Bearer " + catalogToken)).statusCode()).isEqualTo(200);
      assertThat(reg.send(reg.req("/v2/_catalog").header("Authorization", "Bearer " + anon)).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void readOnlyAndDeleteDisabledAreUnsupported() throws Exception {
    try (RunningRegistry ro = new RunningRegistry("readonly: true\n")) {
      var r = ro.send(ro.req("/v2/app/blobs/uploads/").POST(BodyPublishers.noBody()));
      assertThat(r.statusCode()).isEqualTo(405);
      assertThat(code(r)).isEqualTo("UNSUPPORTED");
      assertThat(ro.send(ro.req("/v2/")).statusCode()).isEqualTo(200);
    }
    try (RunningRegistry noDelete = new RunningRegistry("")) {
      var r = noDelete.send(noDelete.req("/v2/app/manifests/latest").DELETE());
      assertThat(r.statusCode()).isEqualTo(405);
      assertThat(code(r)).isEqualTo("UNSUPPORTED");
    }
  }
}

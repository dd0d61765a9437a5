package berth.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.registry.http.BodyStream;
import berth.registry.http.Request;
import berth.registry.spec.ErrorCode;
import berth.registry.spec.RegistryException;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenAuthorityTest {
  static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  static Request request(String authorization) {
    DefaultHttpHeaders h = new DefaultHttpHeaders();
    h.set("Host", "reg.example:5000");
    if (authorization != null) {
      h.set("Authorization", authorization);
    }
    return new Request("GET", "/v2/app/manifests/1", Map.of(), h, BodyStream.of(new byte[0]), "https");
  }

  TokenAuthority authority(List<AccessRule> rules, boolean anonymousPull) {
    return new TokenAuthority(null, "svc", "iss", null, anonymousPull, 60, SECRET, rules);
  }

  @Test
  void withoutATokenTheChallengeNamesRealmServiceAndScope() {
    var t = authority(List.of(), false);
    assertThatThrownBy(() -> t.check(request(null), List.of(Access.repository("app", "pull"))))
        .isInstanceOf(RegistryException.class)
        .satisfies(e -> {
          RegistryException r = (RegistryException) e;
          assertThat(r.code()).isEqualTo(ErrorCode.UNAUTHORIZED);
          assertThat(r.headers().get("WWW-Authenticate")).isEqualTo(
              "Bearer realm=\"https://reg.example:5000/auth/token\",service=\"svc\",scope=\"repository:app:pull\"");
        });
  }

  @Test
  void anonymousPullTokenAllowsPullOnly() {
    var t = authority(List.of(), true);
    String token = (String) t.issue(request(null), null, List.of("repository:app:pull,push")).get("token");
    t.check(request("Bearer " + token), List.of(Access.repository("app", "pull")));
    assertThatThrownBy(() -> t.check(request("Bearer " + token), List.of(Access.repository("app", "pull", "push"))))
        .hasMessageContaining("insufficient scope")
        .satisfies(e -> assertThat(((RegistryException) e).headers().get("WWW-Authenticate")).contains("error=\"insufficient_scope\""));
    assertThatThrownBy(() -> t.check(request("Bearer " + token), List.of(Access.repository("other", "pull"))))
        .isInstanceOf(RegistryException.class);
  }

  @Test
  void tokensFromAnotherKeyOrGarbageAreRefused() {
    var other = new TokenAuthority(null, "svc", "iss", null, true, 60,
        "another-secret-another-secret-xx".getBytes(StandardCharsets.UTF_8), List.of());
    String forged = (String) other.issue(request(null), null, List.of("repository:app:pull")).get("token");
    var t = authority(List.of(), true);
    assertThatThrownBy(() -> t.check(request("Bearer " + forged), List.of(Access.repository("app", "pull"))))
        .hasMessageContaining("invalid");
    assertThatThrownBy(() -> t.check(request("Bearer not.a.jwt"), List.of())).hasMessageContaining("invalid");
  }

  @Test
  void wrongPasswordIsUnauthorized() {
    var t = authority(List.of(), false);
    assertThatThrownBy(() -> t.issue(request(null), new Credentials("x", "y"), List.of()))
        .extracting(e -> ((RegistryException) e).code()).isEqualTo(ErrorCode.UNAUTHORIZED);
  }

  @Test
  void rulesLimitWhatATokenGrants() throws Exception {
    java.nio.file.Path f = java.nio.file.Files.createTempFile("htpasswd", "");
    java.nio.file.Files.writeString(f, Htpasswd.line("alice", "pw") + "\n");
    var t = new TokenAuthority("https://auth.example/token", "svc", "iss", Htpasswd.load(f), false, 60, SECRET,
        List.of(new AccessRule("alice", "*", Set.of("pull"))));
    String token = (String) t.issue(request(null), new Credentials("alice", "pw"), List.of("repository:app:pull,push"))
        .get("token");
    t.check(request("Bearer " + token), List.of(Access.repository("app", "pull")));
    assertThatThrownBy(() -> t.check(request("Bearer " + token), List.of(Access.repository("app", "push"))))
        .satisfies(e -> assertThat(((RegistryException) e).headers().get("WWW-Authenticate"))
            .startsWith("Bearer realm=\"https://auth.example/token\""));
    java.nio.file.Files.delete(f);
  }
}

package berth.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessTest {
  @Test
  void parsesScopesIncludingHostPortNames() {
    assertThat(Access.parse("repository:library/busybox:pull,push"))
        .isEqualTo(new Access("repository", "library/busybox", Set.of("pull", "push")));
    assertThat(Access.parse("repository:localhost:5000/app:pull").name()).isEqualTo("localhost:5000/app");
    assertThat(Access.parse("registry:catalog:*")).isEqualTo(Access.CATALOG);
    assertThat(Access.parse("garbage")).isNull();
    assertThat(Access.parseAll(List.of("repository:a:pull repository:b:push", "", "bad"))).hasSize(2);
    assertThat(Access.repository("a/b", "pull", "push").toString()).isEqualTo("repository:a/b:pull,push");
  }

  @Test
  void withoutRulesAnAccountMayDoEverythingAndAnonymousNothing() {
    Access want = Access.repository("app", "pull", "push", "delete");
    assertThat(AccessRule.permitted(List.of(), "alice", want)).containsExactly("pull", "push", "delete");
    assertThat(AccessRule.permitted(List.of(), null, want)).isEmpty();
  }

  @Test
  void rulesMatchAccountAndNameGlob() {
    List<AccessRule> rules = List.of(
        new AccessRule("reader", "*", Set.of("pull")),
        new AccessRule("ci", "team/*", Set.of("pull", "push")),
        new AccessRule("admin", "*", Set.of("*")));
    Access want = Access.repository("team/app", "pull", "push");
    assertThat(AccessRule.permitted(rules, "reader", want)).containsExactly("pull");
    assertThat(AccessRule.permitted(rules, "ci", want)).containsExactly("pull", "push");
    assertThat(AccessRule.permitted(rules, "ci", Access.repository("other", "pull"))).isEmpty();
    assertThat(AccessRule.permitted(rules, "admin", Access.repository("x", "delete"))).containsExactly("delete");
    assertThat(AccessRule.permitted(rules, "nobody", want)).isEmpty();
  }

  @Test
  void basicCredentialsParse() {
    assertThat(Credentials.basic("Basic YWxpY2U6czNjcjp0")).isEqualTo(new Credentials("alice", "s3cr:t"));
    assertThat(Credentials.basic("Bearer x")).isNull();
    assertThat(Credentials.basic("Basic !!!")).isNull();
    assertThat(Credentials.basic(null)).isNull();
  }

  @Test
  void htpasswdChecksBcrypt() throws Exception {
    java.nio.file.Path f = java.nio.file.Files.createTempFile("htpasswd", "");
    java.nio.file.Files.writeString(f, "# users\n" + Htpasswd.line("alice", "pw") + "\nbob:{SHA}notbcrypt\n");
    Htpasswd h = Htpasswd.load(f);
    assertThat(h.check("alice", "pw")).isTrue();
    assertThat(h.check("alice", "pw")).isTrue(); // remembered
    assertThat(h.check("alice", "PW")).isFalse();
    assertThat(h.check("bob", "x")).isFalse();
    assertThat(h.check("carol", "pw")).isFalse();
    java.nio.file.Files.delete(f);
  }
}

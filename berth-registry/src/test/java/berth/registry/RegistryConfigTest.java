package berth.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.errors.InvalidArgument;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryConfigTest {
  @Test
  void emptyIsTheDefaults() {
    assertThat(RegistryConfig.parse("", Path.of("/etc"))).isEqualTo(RegistryConfig.defaults());
  }

  @Test
  void everyKey() {
    RegistryConfig c = RegistryConfig.parse("""
        listen: ":5001"
        storage: data
        tls: {certificate: /certs/c.pem, key: k.pem}
        delete: true
        readonly: true
        max_manifest_bytes: 1000
        auth:
          token: {htpasswd: users, service: svc, issuer: me, realm: "https://x/token", anonymous_pull: true, expiration: 60, secret: s}
          access:
            - {account: bob, name: "team/*", actions: [pull, push]}
        """, Path.of("/etc/reg"));
    assertThat(c.listen()).isEqualTo(":5001");
    assertThat(c.storage()).isEqualTo(Path.of("/etc/reg/data"));
    assertThat(c.tlsCertificate()).isEqualTo(Path.of("/certs/c.pem"));
    assertThat(c.tlsKey()).isEqualTo(Path.of("/etc/reg/k.pem"));
    assertThat(c.deleteEnabled()).isTrue();
    assertThat(c.readOnly()).isTrue();
    assertThat(c.maxManifestBytes()).isEqualTo(1000);
    var t = (RegistryConfig.TokenAuth) c.auth();
    assertThat(t.htpasswd()).isEqualTo(Path.of("/etc/reg/users"));
    assertThat(t.anonymousPull()).isTrue();
    assertThat(t.expirationSeconds()).isEqualTo(60);
    assertThat(t.access()).singleElement().satisfies(r -> {
      assertThat(r.account()).isEqualTo("bob");
      assertThat(r.nameGlob()).isEqualTo("team/*");
      assertThat(r.actions()).isEqualTo(Set.of("pull", "push"));
    });
  }

  @Test
  void htpasswdMode() {
    var h = (RegistryConfig.HtpasswdAuth) RegistryConfig.parse("auth:\n  htpasswd: {path: /h}\n", null).auth();
    assertThat(h.path()).isEqualTo(Path.of("/h"));
    assertThat(h.realm()).isEqualTo("berth-registry");
    assertThat(RegistryConfig.parse("auth: none\n", null).auth()).isInstanceOf(RegistryConfig.NoAuth.class);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "listen: x\\nbogus: 1|unknown key bogus",
      "tls: {certificate: c}|tls needs both certificate and key",
      "delete: maybe|delete must be true or false",
      "auth: {htpasswd: {}}|auth.htpasswd.path is required",
      "auth: {kerberos: {}}|unknown key kerberos in auth",
      "auth: basic|auth must be none",
      "- a list|must be a mapping",
  })
  void mistakesAreNamed(String yaml, String message) {
    assertThatThrownBy(() -> RegistryConfig.parse(yaml.replace("\\n", "\n"), null))
        .isInstanceOf(InvalidArgument.class).hasMessageContaining(message);
  }

  @Test
  void listenAddresses() {
    assertThat(RegistryServer.address("127.0.0.1:5000").getPort()).isEqualTo(5000);
    assertThat(RegistryServer.address(":5000").getAddress().isAnyLocalAddress()).isTrue();
    assertThat(RegistryServer.address("[::1]:80").getAddress().isLoopbackAddress()).isTrue();
    assertThatThrownBy(() -> RegistryServer.address("nohost")).hasMessageContaining("nohost");
    assertThatThrownBy(() -> RegistryServer.address("h:port")).hasMessageContaining("h:port");
  }
}

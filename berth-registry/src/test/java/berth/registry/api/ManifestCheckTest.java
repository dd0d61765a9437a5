package berth.registry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.Digest;
import berth.registry.spec.ErrorCode;
import berth.registry.spec.RegistryException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManifestCheckTest {
  static final String D1 = Digest.of(new byte[] {1}).toString();
  static final String D2 = Digest.of(new byte[] {2}).toString();
  static final String OCI = "application/vnd.oci.image.manifest.v1+json";
  static final String IMAGE = """
      {"schemaVersion":2,"config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":1},
       "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"%s","size":1},
                 {"mediaType":"application/vnd.docker.image.rootfs.foreign.diff.tar.gzip","digest":"%s","size":1,
                  "urls":["https://example.com/l"]}]}""".formatted(D1, D2, D2);

  static ManifestCheck.Checked check(String body, String ct) {
    return ManifestCheck.check(body.getBytes(StandardCharsets.UTF_8), ct);
  }

  @Test
  void imageListsConfigAndLocalLayersButNotForeignOnes() {
    var c = check(IMAGE, OCI);
    assertThat(c.mediaType()).isEqualTo(OCI);
    assertThat(c.blobs()).containsExactly(Digest.parse(D1), Digest.parse(D2));
    assertThat(c.children()).isEmpty();
    assertThat(c.subject()).isNull();
  }

  @Test
  void indexListsChildren() {
    var c = check("""
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json",
         "manifests":[{"mediaType":"%s","digest":"%s","size":5,"platform":{"os":"linux","architecture":"amd64"}}]}"""
        .formatted(OCI, D1), "application/vnd.oci.image.index.v1+json");
    assertThat(c.children()).containsExactly(Digest.parse(D1));
  }

  @Test
  void bodyMediaTypeServesWhenContentTypeIsGeneric() {
    assertThat(check(IMAGE.replace("{\"schemaVersion\":2,", "{\"schemaVersion\":2,\"mediaType\":\"" + OCI + "\","),
        "application/json").mediaType()).isEqualTo(OCI);
  }

  @Test
  void referrerDescriptorTakesArtifactTypeThenConfigType() {
    var c = check(IMAGE, OCI);
    assertThat(c.referrerDescriptor(Digest.parse(D1), 10)).containsEntry("artifactType",
        "application/vnd.oci.image.config.v1+json").containsEntry("size", 10L);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "not json|" + OCI + "|not valid JSON",
      "[]|" + OCI + "|JSON object",
      "{\"schemaVersion\":1}|application/vnd.docker.distribution.manifest.v1+prettyjws|schema 1",
      "{\"schemaVersion\":2}|text/plain|unsupported manifest media type: text/plain",
      "{\"schemaVersion\":3}|" + OCI + "|schemaVersion must be 2",
      "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\"}|" + OCI + "|does not match Content-Type",
      "{\"schemaVersion\":2,\"layers\":[]}|" + OCI + "|no config",
      "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"x\",\"digest\":\"sha256:12\",\"size\":1},\"layers\":[]}|" + OCI + "|config: invalid digest sha256:12",
      "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"x\",\"digest\":\"" + "sha256:4bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce23c7785459a" + "\",\"size\":-1},\"layers\":[]}|" + OCI + "|config: invalid size",
      "{\"schemaVersion\":2,\"manifests\":{}}|application/vnd.oci.image.index.v1+json|no manifests array",
  })
  void invalidManifestsSayWhy(String body, String ct, String why) {
    assertThatThrownBy(() -> check(body, ct)).isInstanceOf(RegistryException.class).hasMessageContaining(why)
        .extracting(e -> ((RegistryException) e).code()).isEqualTo(ErrorCode.MANIFEST_INVALID);
  }

  @Test
  void deepNestingIsInvalidNotACrash() {
    assertThatThrownBy(() -> check("[".repeat(100_000), OCI)).isInstanceOf(RegistryException.class)
        .extracting(e -> ((RegistryException) e).code()).isEqualTo(ErrorCode.MANIFEST_INVALID);
  }
}

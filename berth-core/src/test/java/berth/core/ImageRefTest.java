package berth.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.errors.InvalidArgument;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageRefTest {
  private static final String D = "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      // input | normalised (withDefaultTag) | familiarName | familiarString (withDefaultTag)
      "busybox | docker.io/library/busybox:latest | busybox | busybox:latest",
      "busybox:1.36 | docker.io/library/busybox:1.36 | busybox | busybox:1.36",
      "library/busybox | docker.io/library/busybox:latest | busybox | busybox:latest",
      "docker.io/library/busybox | docker.io/library/busybox:latest | busybox | busybox:latest",
      "index.docker.io/busybox | docker.io/library/busybox:latest | busybox | busybox:latest",
      "user/app | docker.io/user/app:latest | user/app | user/app:latest",
      "docker.io/library/a/b | docker.io/library/a/b:latest | library/a/b | library/a/b:latest",
      "localhost/app | localhost/app:latest | localhost/app | localhost/app:latest",
      "localhost:5000/a/b:v1 | localhost:5000/a/b:v1 | localhost:5000/a/b | localhost:5000/a/b:v1",
      "registry.example.com/x | registry.example.com/x:latest | registry.example.com/x | registry.example.com/x:latest",
      "Example.COM/x:T | Example.COM/x:T | Example.COM/x | Example.COM/x:T",
      "[::1]:5000/x | [::1]:5000/x:latest | [::1]:5000/x | [::1]:5000/x:latest",
      "a__b/c-d.e_f---g | docker.io/a__b/c-d.e_f---g:latest | a__b/c-d.e_f---g | a__b/c-d.e_f---g:latest",
      "busybox@" + D + " | docker.io/library/busybox@" + D + " | busybox | busybox@" + D,
      "busybox:1@" + D + " | docker.io/library/busybox:1@" + D + " | busybox | busybox:1@" + D,
  })
  void normalisesLikeDocker(String in, String full, String familiar, String familiarString) {
    ImageRef ref = ImageRef.parseWithDefaultTag(in);
    assertThat(ref.toString()).isEqualTo(full);
    assertThat(ref.familiarName()).isEqualTo(familiar);
    assertThat(ref.familiarString()).isEqualTo(familiarString);
    assertThat(ImageRef.parse(ref.toString())).isEqualTo(ref);
  }

  @Test
  void partsAreExposed() {
    ImageRef r = ImageRef.parse("localhost:5000/a/b:v1@" + D);
    assertThat(r.domain()).isEqualTo("localhost:5000");
    assertThat(r.path()).isEqualTo("a/b");
    assertThat(r.tag()).isEqualTo("v1");
    assertThat(r.digest()).isEqualTo(D);
    assertThat(r.name()).isEqualTo("localhost:5000/a/b");
    assertThat(ImageRef.parse("busybox").tag()).isNull();
    assertThat(ImageRef.parse("busybox").withTag("x").toString()).isEqualTo("docker.io/library/busybox:x");
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(delimiter = '|', value = {
      "'' | invalid reference format",
      "Busybox | invalid reference format: repository name (library/Busybox) must be lowercase",
      "user/App:1 | invalid reference format: repository name (user/App) must be lowercase",
      "busybox:a:b | invalid reference format",
      "busybox: | invalid reference format",
      ":tag | invalid reference format",
      "/busybox | invalid reference format",
      "busybox/ | invalid reference format",
      "a//b | invalid reference format",
      "-busybox | invalid reference format",
      "busybox- | invalid reference format",
      "busy..box | invalid reference format",
      "busybox:-x | invalid reference format",
      "busybox@sha256:abc | invalid reference format",
      "busybox@sha256:" + "0123456789abcdef0123456789abcdef0 | invalid checksum digest length",
      "busybox@md5:0123456789abcdef0123456789abcdef | unsupported digest algorithm",
      "sp ace | invalid reference format",
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | "
          + "invalid repository name (aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa), "
          + "cannot specify 64-byte hexadecimal strings",
  })
  void rejectsInDockersWords(String in, String message) {
    assertThatThrownBy(() -> ImageRef.parse(in)).isInstanceOf(InvalidArgument.class).hasMessage(message);
  }

  @Test
  void tooLongNameIsRefused() {
    String longName = "a/" + "b".repeat(260);
    assertThatThrownBy(() -> ImageRef.parse(longName))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage("repository name must not be more than 255 characters");
    assertThatThrownBy(() -> ImageRef.parse("busybox:" + "t".repeat(129)))
        .hasMessage("invalid reference format");
  }

  /** Random strings over the grammar's alphabet: valid ones round-trip, the rest fail cleanly. */
  @Test
  void fuzzNeverThrowsAnythingButInvalidArgument() {
    String alphabet = "abcAB019-_.:/@[]  xyz\u00e9%sha256";
    Random rnd = new Random(42);
    int valid = 0;
    for (int i = 0; i < 50_000; i++) {
      StringBuilder sb = new StringBuilder();
      int len = rnd.nextInt(40);
      for (int j = 0; j < len; j++) {
        sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      if (rnd.nextInt(10) == 0) {
        sb.append('@').append(D);
      }
      String s = sb.toString();
      try {
        ImageRef r = ImageRef.parse(s);
        valid++;
        assertThat(ImageRef.parse(r.toString())).as(s).isEqualTo(r);
        assertThat(ImageRef.parse(r.familiarString())).as(s).isEqualTo(r);
      } catch (InvalidArgument expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
    assertThat(valid).isPositive();
  }

  @Test
  void pathologicalInputIsFast() {
    String s = "a-".repeat(5000) + "!";
    long t0 = System.nanoTime();
    assertThat(ImageRef.isValid(s)).isFalse();
    assertThat(System.nanoTime() - t0).isLessThan(2_000_000_000L);
  }
}

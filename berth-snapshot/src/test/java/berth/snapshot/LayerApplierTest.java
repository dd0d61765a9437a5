package berth.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.Digest;
import berth.core.errors.InvalidArgument;
import berth.core.linux.Syscalls;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.CompressorStreamFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LayerApplierTest {
  private static final LinkOption NF = LinkOption.NOFOLLOW_LINKS;
  @TempDir Path tmp;

  private Path target() throws Exception {
    return Files.createDirectories(tmp.resolve("target"));
  }

  private static int mode(Path p) throws Exception {
    return (int) Files.getAttribute(p, "unix:mode", NF);
  }

  @Test
  void unpacksEveryKindWithMetadata() throws Exception {
    String longName = "deep/" + "x".repeat(150) + "/file";
    byte[] tar = new TarBuilder()
        .dir("bin/", 0755)
        .file("bin/tool", "#!/bin/sh\n", 04755, e -> { e.setUserId(1000); e.setGroupId(50); })
        .symlink("bin/sh", "tool")
        .hardlink("bin/tool2", "bin/tool")
        .device("dev/null", TarConstants.LF_CHR, 1, 3)
        .device("run/pipe", TarConstants.LF_FIFO, 0, 0)
        .file("xattr", "x", 0600, e -> e.addPaxHeader("SCHILY.xattr.trusted.berth", "v"))
        .file("bsd", "b", 0600, e -> e.addPaxHeader("LIBARCHIVE.xattr.trusted.bin", "AP8B"))
        .file(longName, "long")
        .build();
    Path t = target();
    LayerApplier.Result r = new LayerApplier().apply(t, new ByteArrayInputStream(tar));

    assertThat(r.diffId()).isEqualTo(Digest.of(tar));
    assertThat(r.tarSize()).isEqualTo(tar.length);
    assertThat(r.size()).isEqualTo(10 + 1 + 1 + 4);
    assertThat(Syscalls.lgetxattr(t.resolve("bsd").toString(), "trusted.bin")).hasValueSatisfying(
        v -> assertThat(v).containsExactly(0x00, 0xff, 0x01));
    Path tool = t.resolve("bin/tool");
    assertThat(mode(tool) & 07777).isEqualTo(04755);
    assertThat(Files.getAttribute(tool, "unix:uid")).isEqualTo(1000);
    assertThat(Files.getAttribute(tool, "unix:gid")).isEqualTo(50);
    assertThat(Files.getLastModifiedTime(tool).toInstant()).isEqualTo(TarBuilder.T);
    assertThat(Files.readSymbolicLink(t.resolve("bin/sh")).toString()).isEqualTo("tool");
    assertThat(Files.getLastModifiedTime(t.resolve("bin/sh"), NF).toInstant()).isEqualTo(TarBuilder.T);
    assertThat(Files.isSameFile(tool, t.resolve("bin/tool2"))).isTrue();
    assertThat(mode(t.resolve("dev/null")) & 0170000).isEqualTo(Syscalls.S_IFCHR);
    assertThat((long) Files.getAttribute(t.resolve("dev/null"), "unix:rdev")).isEqualTo(Syscalls.makedev(1, 3));
    assertThat(mode(t.resolve("run/pipe")) & 0170000).isEqualTo(Syscalls.S_IFIFO);
    assertThat(Syscalls.lgetxattr(t.resolve("xattr").toString(), "trusted.berth")).hasValueSatisfying(
        v -> assertThat(new String(v)).isEqualTo("v"));
    assertThat(Files.readString(t.resolve(longName))).isEqualTo("long");
    assertThat(Files.getLastModifiedTime(t.resolve("bin")).toInstant()).isEqualTo(TarBuilder.T);
  }

  @Test
  void whiteoutsBecomeOverlayWhiteouts() throws Exception {
    Path t = target();
    Files.createDirectories(t.resolve("etc/old"));
    Files.writeString(t.resolve("etc/old/f"), "x");
    byte[] tar = new TarBuilder()
        .file("etc/.wh.old", "")
        .file("gone/.wh.x", "")
        .dir("opq/", 0755)
        .file("opq/.wh..wh..opq", "")
        .file("opq/kept", "k")
        .file(".wh..wh.plnk", "")
        .build();
    new LayerApplier().apply(t, new ByteArrayInputStream(tar));
    Path old = t.resolve("etc/old");
    assertThat(mode(old) & 0170000).isEqualTo(Syscalls.S_IFCHR);
    assertThat((long) Files.getAttribute(old, "unix:rdev", NF)).isZero();
    assertThat(mode(t.resolve("gone/x")) & 0170000).isEqualTo(Syscalls.S_IFCHR);
    assertThat(Syscalls.lgetxattr(t.resolve("opq").toString(), "trusted.overlay.opaque"))
        .hasValueSatisfying(v -> assertThat(v).containsExactly('y'));
    assertThat(t.resolve("opq/.wh..wh..opq")).doesNotExist();
    assertThat(t.resolve(".wh..wh.plnk")).doesNotExist();
    assertThat(Files.readString(t.resolve("opq/kept"))).isEqualTo("k");
  }

  @Test
  void laterEntryReplacesEarlierOfAnotherType() throws Exception {
    Path t = target();
    Files.createDirectories(t.resolve("a/b"));
    byte[] tar = new TarBuilder().file("a", "now a file").build();
    new LayerApplier().apply(t, new ByteArrayInputStream(tar));
    assertThat(Files.readString(t.resolve("a"))).isEqualTo("now a file");
  }

  @ParameterizedTest
  @ValueSource(strings = {CompressorStreamFactory.GZIP, CompressorStreamFactory.ZSTANDARD,
      CompressorStreamFactory.BZIP2, CompressorStreamFactory.XZ})
  void compressedLayersGiveTheUncompressedDiffId(String kind) throws Exception {
    byte[] tar = new TarBuilder().dir("d/", 0755).file("d/f", "hello").build();
    ByteArrayOutputStream packed = new ByteArrayOutputStream();
    try (OutputStream out = new CompressorStreamFactory().createCompressorOutputStream(kind, packed)) {
      out.write(tar);
    }
    Path t = target();
    LayerApplier.Result r = new LayerApplier().apply(t, new ByteArrayInputStream(packed.toByteArray()));
    assertThat(r.diffId()).isEqualTo(Digest.of(tar));
    assertThat(Files.readString(t.resolve("d/f"))).isEqualTo("hello");
  }

  @Test
  void dotDotOutOfTargetIsRefused() throws Exception {
    Path t = target();
    byte[] tar = new TarBuilder().file("a/../../escape", "x").build();
    assertThatThrownBy(() -> new LayerApplier().apply(t, new ByteArrayInputStream(tar)))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("a/../../escape");
    assertThat(tmp.resolve("escape")).doesNotExist();
  }

  @Test
  void dotDotInsideTargetIsFine() throws Exception {
    Path t = target();
    new LayerApplier().apply(t, new ByteArrayInputStream(new TarBuilder().file("a/../b", "x").build()));
    assertThat(Files.readString(t.resolve("b"))).isEqualTo("x");
  }

  @Test
  void absoluteNamesAreContained() throws Exception {
    Path t = target();
    Path abs = tmp.resolve("abs-outside");
    new LayerApplier().apply(t, new ByteArrayInputStream(new TarBuilder().file(abs + "/f", "x").build()));
    assertThat(abs).doesNotExist();
    assertThat(Files.readString(t.resolve(abs.toString().substring(1)).resolve("f"))).isEqualTo("x");
  }

  @Test
  void symlinkedParentsAreResolvedInsideTarget() throws Exception {
    Path t = target();
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    byte[] tar = new TarBuilder()
        .symlink("abs", outside.toString())
        .file("abs/pwned", "x")
        .symlink("rel", "../../../../../../outside")
        .file("rel/pwned2", "y")
        .build();
    new LayerApplier().apply(t, new ByteArrayInputStream(tar));
    try (Stream<Path> s = Files.list(outside)) {
      assertThat(s).isEmpty();
    }
    assertThat(Files.readString(t.resolve(outside.toString().substring(1)).resolve("pwned"))).isEqualTo("x");
    assertThat(Files.readString(t.resolve("outside/pwned2"))).isEqualTo("y");
  }

  @Test
  void symlinkAsLastComponentIsReplacedNotFollowed() throws Exception {
    Path t = target();
    Path secret = Files.writeString(tmp.resolve("secret"), "keep");
    byte[] tar = new TarBuilder().symlink("s", secret.toString()).file("s", "overwritten?").build();
    new LayerApplier().apply(t, new ByteArrayInputStream(tar));
    assertThat(Files.readString(secret)).isEqualTo("keep");
    assertThat(Files.readString(t.resolve("s"))).isEqualTo("overwritten?");
  }

  @Test
  void hardlinkOutOfTargetIsRefused() throws Exception {
    Path t = target();
    Files.writeString(tmp.resolve("secret"), "s");
    byte[] tar = new TarBuilder().hardlink("link", "../secret").build();
    assertThatThrownBy(() -> new LayerApplier().apply(t, new ByteArrayInputStream(tar)))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("invalid hardlink \"link\" -> \"../secret\"");
    assertThat(t.resolve("link")).doesNotExist();
  }

  @Test
  void hardlinkThroughSymlinkedParentStaysInside() throws Exception {
    Path t = target();
    Path secret = Files.writeString(tmp.resolve("secret"), "s");
    byte[] tar = new TarBuilder().symlink("up", tmp.toString()).hardlink("link", "up/secret").build();
    assertThatThrownBy(() -> new LayerApplier().apply(t, new ByteArrayInputStream(tar)))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("no such file");
    assertThat(Files.getAttribute(secret, "unix:nlink")).isEqualTo(1);
  }

  @Test
  void garbageIsAnErrorNotACrash() throws Exception {
    Path t = target();
    byte[] junk = new byte[1024];
    new java.util.Random(3).nextBytes(junk);
    assertThatThrownBy(() -> new LayerApplier().apply(t, new ByteArrayInputStream(junk)))
        .isInstanceOf(berth.core.errors.BerthException.class);
  }
}

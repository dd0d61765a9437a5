package berth.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import berth.core.Digest;
import berth.core.linux.Syscalls;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerWriterTest {
  @TempDir Path tmp;

  private Path upper() throws Exception {
    Path u = Files.createDirectories(tmp.resolve("upper"));
    Files.createDirectories(u.resolve("etc"));
    Files.writeString(u.resolve("etc/b"), "bee");
    Files.writeString(u.resolve("etc/a"), "ay");
    Files.createLink(u.resolve("etc/a2"), u.resolve("etc/a"));
    Files.createSymbolicLink(u.resolve("etc/link"), Path.of("a"));
    Syscalls.mknod(u.resolve("etc/gone").toString(), Syscalls.S_IFCHR, 0);
    Files.createDirectories(u.resolve("opq"));
    Syscalls.lsetxattr(u.resolve("opq").toString(), "trusted.overlay.opaque", new byte[] {'y'}, 0);
    Files.writeString(u.resolve("opq/new"), "n");
    Path deep = Files.createDirectories(u.resolve("d".repeat(120)));
    Files.writeString(deep.resolve("f".repeat(120)), "long");
    Syscalls.lchown(u.resolve("etc/b").toString(), 7, 8);
    Syscalls.chmod(u.resolve("etc/b").toString(), 02750); // after chown, which clears setgid
    Syscalls.lsetxattr(u.resolve("etc/b").toString(), "trusted.cap", new byte[] {1, (byte) 0xfe, 0}, 0);
    for (Path p : List.of(u.resolve("etc/b"), u.resolve("etc"), u)) {
      Files.setLastModifiedTime(p, FileTime.from(TarBuilder.T));
    }
    return u;
  }

  private static List<TarArchiveEntry> entries(byte[] tar) throws Exception {
    List<TarArchiveEntry> out = new ArrayList<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
        out.add(e);
      }
    }
    return out;
  }

  @Test
  void writesWhiteoutsOpaqueMarkersInNameOrder() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LayerApplier.Result r = new LayerWriter().write(upper(), out);
    byte[] tar = out.toByteArray();
    assertThat(r.diffId()).isEqualTo(Digest.of(tar));
    assertThat(r.tarSize()).isEqualTo(tar.length);
    List<TarArchiveEntry> es = entries(tar);
    assertThat(es).extracting(TarArchiveEntry::getName).containsExactly(
        "d".repeat(120) + "/", "d".repeat(120) + "/" + "f".repeat(120),
        "etc/", "etc/a", "etc/a2", "etc/b", "etc/.wh.gone", "etc/link",
        "opq/", "opq/.wh..wh..opq", "opq/new");
    TarArchiveEntry a2 = es.get(4);
    assertThat(a2.isLink()).isTrue();
    assertThat(a2.getLinkName()).isEqualTo("etc/a");
    TarArchiveEntry b = es.get(5);
    assertThat(b.getMode() & 07777).isEqualTo(02750);
    assertThat(b.getLongUserId()).isEqualTo(7);
    assertThat(b.getLongGroupId()).isEqualTo(8);
    assertThat(b.getLastModifiedTime().toInstant()).isEqualTo(TarBuilder.T.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    assertThat(es.get(7).isSymbolicLink()).isTrue();
    assertThat(es.get(8).getExtraPaxHeaders()).doesNotContainKey("SCHILY.xattr.trusted.overlay.opaque");
  }

  @Test
  void sameTreeSameDiffId() throws Exception {
    Path u = upper();
    ByteArrayOutputStream a = new ByteArrayOutputStream();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    assertThat(new LayerWriter().write(u, a).diffId()).isEqualTo(new LayerWriter().write(u, b).diffId());
    assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
  }

  @Test
  void writeThenApplyRoundTrips() throws Exception {
    Path u = upper();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LayerApplier.Result written = new LayerWriter().write(u, out);
    Path copy = Files.createDirectories(tmp.resolve("copy"));
    LayerApplier.Result applied = new LayerApplier().apply(copy, new ByteArrayInputStream(out.toByteArray()));
    assertThat(applied.diffId()).isEqualTo(written.diffId());
    assertThat((long) Files.getAttribute(copy.resolve("etc/gone"), "unix:rdev", LinkOption.NOFOLLOW_LINKS)).isZero();
    assertThat(Syscalls.lgetxattr(copy.resolve("opq").toString(), "trusted.overlay.opaque")).isPresent();
    assertThat(Files.isSameFile(copy.resolve("etc/a"), copy.resolve("etc/a2"))).isTrue();
    assertThat((int) Files.getAttribute(copy.resolve("etc/b"), "unix:mode") & 07777).isEqualTo(02750);
    assertThat(Syscalls.lgetxattr(copy.resolve("etc/b").toString(), "trusted.cap"))
        .hasValueSatisfying(v -> assertThat(v).containsExactly(1, 0xfe, 0));
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    assertThat(new LayerWriter().write(copy, again).diffId()).isEqualTo(written.diffId());
  }
}

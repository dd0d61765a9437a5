package berth.snapshot.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.errors.InvalidArgument;
import berth.core.errors.NotFound;
import berth.core.linux.Syscalls;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerArchiveTest {
  @TempDir Path tmp;
  Path root;
  Path outside;
  ContainerArchive archive;

  @BeforeEach
  void rootfs() throws Exception {
    root = Files.createDirectories(tmp.resolve("rootfs"));
    outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("secret"), "host secret");
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(root.resolve("etc/passwd"), "root:x:0:0");
    Files.setLastModifiedTime(root.resolve("etc/passwd"), FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
    Files.createDirectories(root.resolve("tmp"));
    Files.createSymbolicLink(root.resolve("lnk"), Path.of("/etc"));
    Files.createSymbolicLink(root.resolve("up"), Path.of("../../../../.."));
    Files.createSymbolicLink(root.resolve("host"), outside);
    archive = new ContainerArchive(root);
  }

  private static List<String> names(byte[] tar) throws Exception {
    List<String> out = new ArrayList<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
        out.add(e.getName());
      }
    }
    return out;
  }

  private byte[] get(String path) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    archive.writePath(path, out);
    return out.toByteArray();
  }

  @Test
  void statGivesGoFileModeAndInRootLinkTargets() {
    PathStat f = archive.stat("/etc/passwd");
    assertThat(f).isEqualTo(new PathStat("passwd", 10, 0644, Instant.parse("2024-01-01T00:00:00Z"), ""));
    assertThat(archive.stat("/etc").mode()).isEqualTo(PathStat.MODE_DIR | 0755);
    PathStat l = archive.stat("/lnk");
    assertThat(l.mode() & PathStat.MODE_SYMLINK).isNotZero();
    assertThat(l.linkTarget()).isEqualTo("/etc");
    assertThat(archive.stat("/up").linkTarget()).isEqualTo("/");
    assertThat(archive.stat("/host").linkTarget()).isEqualTo(outside.toString());
    assertThat(archive.stat("/lnk/").mode() & PathStat.MODE_DIR).isNotZero();
    assertThatThrownBy(() -> archive.stat("/nope")).isInstanceOf(NotFound.class)
        .hasMessage("Could not find the file /nope in container");
    assertThatThrownBy(() -> new ContainerArchive(root, "web").stat("/nope")).isInstanceOf(NotFound.class)
        .hasMessage("Could not find the file /nope in container web");
  }

  @Test
  void goFileModeBits() {
    assertThat(PathStat.goFileMode(0104755)).isEqualTo(PathStat.MODE_SETUID | 0755);
    assertThat(PathStat.goFileMode(0041777)).isEqualTo(PathStat.MODE_DIR | PathStat.MODE_STICKY | 0777);
    assertThat(PathStat.goFileMode(0020666)).isEqualTo(PathStat.MODE_DEVICE | PathStat.MODE_CHAR_DEVICE | 0666);
  }

  @Test
  void archivesAPathUnderItsBaseName() throws Exception {
    assertThat(names(get("/etc"))).containsExactly("etc/", "etc/passwd");
    assertThat(names(get("/etc/passwd"))).containsExactly("passwd");
    assertThat(names(get("/lnk"))).containsExactly("lnk");
    assertThat(names(get("/lnk/"))).containsExactly("lnk/", "lnk/passwd");
    assertThat(names(get("/lnk/passwd"))).containsExactly("passwd");
  }

  @Test
  void symlinksNeverLeadOutOfTheRoot() {
    assertThatThrownBy(() -> get("/host/secret")).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> get("/up/" + outside.getFileName() + "/secret")).isInstanceOf(NotFound.class);
  }

  @Test
  void exportWritesTheWholeTree() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    archive.export(out);
    assertThat(names(out.toByteArray())).containsExactly("etc/", "etc/passwd", "host", "lnk", "tmp/", "up");
  }

  private static byte[] tarOf(String... nameContent) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      for (int i = 0; i < nameContent.length; i += 2) {
        String name = nameContent[i];
        boolean dir = name.endsWith("/");
        TarArchiveEntry e = new TarArchiveEntry(name, dir ? TarConstants.LF_DIR : TarConstants.LF_NORMAL);
        byte[] data = nameContent[i + 1].getBytes(StandardCharsets.UTF_8);
        e.setMode(dir ? 040755 : 0100640);
        e.setUserId(1234);
        e.setGroupId(99);
        if (!dir) {
          e.setSize(data.length);
        }
        tar.putArchiveEntry(e);
        if (!dir) {
          tar.write(data);
        }
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void extractsIntoADirectoryWithOwnersOnRequest() throws Exception {
    archive.extract("/tmp", new ByteArrayInputStream(tarOf("d/", "", "d/f", "data")), true, false);
    assertThat(Files.readString(root.resolve("tmp/d/f"))).isEqualTo("data");
    assertThat(Files.getAttribute(root.resolve("tmp/d/f"), "unix:uid")).isEqualTo(0);
    archive.extract("/lnk", new ByteArrayInputStream(tarOf("owned", "o")), true, true);
    assertThat(Files.getAttribute(root.resolve("etc/owned"), "unix:uid")).isEqualTo(1234);
    assertThat((int) Files.getAttribute(root.resolve("etc/owned"), "unix:mode") & 07777).isEqualTo(0640);
  }

  @Test
  void extractRefusesEscapesAndBadDestinations() throws Exception {
    assertThatThrownBy(() -> archive.extract("/tmp", new ByteArrayInputStream(tarOf("../../x", "x")), true, false))
        .isInstanceOf(InvalidArgument.class);
    assertThat(tmp.resolve("x")).doesNotExist();
    // /host points at a host dir; resolved inside the root it does not exist
    assertThatThrownBy(() -> archive.extract("/host", new ByteArrayInputStream(tarOf("planted", "p")), true, false))
        .isInstanceOf(NotFound.class);
    assertThat(outside.resolve("planted")).doesNotExist();
    Files.createDirectories(root.resolve("tmp/sub"));
    Files.createSymbolicLink(root.resolve("tmp/sub/esc"), outside);
    archive.extract("/tmp", new ByteArrayInputStream(tarOf("sub/esc/planted", "p")), true, false);
    assertThat(outside.resolve("planted")).doesNotExist();
    assertThat(root.resolve(outside.toString().substring(1)).resolve("planted")).exists();
    assertThatThrownBy(() -> archive.extract("/etc/passwd", new ByteArrayInputStream(tarOf("a", "a")), true, false))
        .isInstanceOf(InvalidArgument.class).hasMessage("extraction point is not a directory");
    assertThatThrownBy(() -> archive.extract("/missing", new ByteArrayInputStream(tarOf("a", "a")), true, false))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void noOverwriteDirNonDir() throws Exception {
    assertThatThrownBy(() -> archive.extract("/", new ByteArrayInputStream(tarOf("etc", "file now")), true, false))
        .isInstanceOf(InvalidArgument.class).hasMessage("cannot overwrite directory \"/etc\" with non-directory \"etc\"");
    assertThatThrownBy(() -> archive.extract("/etc", new ByteArrayInputStream(tarOf("passwd/", "")), true, false))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage("cannot overwrite non-directory \"/etc/passwd\" with directory \"passwd/\"");
    archive.extract("/etc", new ByteArrayInputStream(tarOf("passwd", "replaced")), true, false);
    assertThat(Files.readString(root.resolve("etc/passwd"))).isEqualTo("replaced");
    assertThat(Syscalls.S_IFCHR).isPositive();
  }
}

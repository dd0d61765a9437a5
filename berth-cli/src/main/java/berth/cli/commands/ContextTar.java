package berth.cli.commands;

import berth.dockerfile.Dockerfile;
import berth.dockerfile.IgnoreMatcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * The build context as the docker CLI sends it: a tar of the directory with .dockerignore
 * ({@code <Dockerfile>.dockerignore} first) applied, owners set to root, the Dockerfile and the
 * ignore file always included (the daemon drops them if they are excluded), and a Dockerfile
 * from outside the context added under a name of its own.
 */
final class ContextTar {
  private final Path dir;
  private final IgnoreMatcher ignore;
  private final Path externalDockerfile;
  private final String externalName;

  ContextTar(Path dir, String dockerfileInContext, Path externalDockerfile, String externalName) throws IOException {
    this.dir = dir;
    this.externalDockerfile = externalDockerfile;
    this.externalName = externalName;
    IgnoreMatcher m = IgnoreMatcher.of(List.of());
    for (String name : Dockerfile.dockerignoreCandidates(dockerfileInContext)) {
      Path f = dir.resolve(name);
      if (Files.isRegularFile(f)) {
        List<String> patterns = new ArrayList<>(IgnoreMatcher.parse(Files.readString(f, StandardCharsets.UTF_8))
            .patterns());
        patterns.add("!" + name);
        patterns.add("!" + dockerfileInContext);
        m = IgnoreMatcher.of(patterns);
        break;
      }
    }
    this.ignore = m;
  }

  void write(OutputStream out) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out, 64 * 1024);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    walk(tar, dir, "");
    if (externalDockerfile != null) {
      add(tar, externalDockerfile, externalName);
    }
    tar.finish();
    tar.flush();
  }

  private void walk(TarArchiveOutputStream tar, Path d, String rel) throws IOException {
    List<Path> children = new ArrayList<>();
    try (var s = Files.list(d)) {
      s.forEach(children::add);
    }
    children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    for (Path c : children) {
      String r = rel.isEmpty() ? c.getFileName().toString() : rel + "/" + c.getFileName();
      boolean isDir = Files.isDirectory(c, LinkOption.NOFOLLOW_LINKS);
      boolean excluded = !ignore.isEmpty() && ignore.excluded(r);
      if (excluded && !(isDir && ignore.mustDescend(r))) {
        continue;
      }
      if (!excluded) {
        add(tar, c, r);
      }
      if (isDir) {
        walk(tar, c, r);
      }
    }
  }

  private static void add(TarArchiveOutputStream tar, Path p, String name) throws IOException {
    Map<String, Object> a = Files.readAttributes(p, "unix:mode,lastModifiedTime,size", LinkOption.NOFOLLOW_LINKS);
    int mode = (Integer) a.get("mode") & 07777;
    TarArchiveEntry e;
    boolean regular = false;
    if (Files.isSymbolicLink(p)) {
      e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
      e.setLinkName(Files.readSymbolicLink(p).toString());
    } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      e = new TarArchiveEntry(name + "/");
    } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      e = new TarArchiveEntry(name);
      e.setSize((Long) a.get("size"));
      regular = true;
    } else {
      return; // sockets, fifos and devices are not part of a context
    }
    e.setMode((e.isDirectory() ? 040000 : e.isSymbolicLink() ? 0120000 : 0100000) | mode);
    e.setModTime((java.nio.file.attribute.FileTime) a.get("lastModifiedTime"));
    e.setUserId(0);
    e.setGroupId(0);
    tar.putArchiveEntry(e);
    if (regular) {
      try (InputStream in = Files.newInputStream(p)) {
        in.transferTo(tar);
      }
    }
    tar.closeArchiveEntry();
  }
}

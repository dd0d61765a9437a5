package berth.build;

import berth.core.errors.Internal;
import berth.core.errors.InvalidArgument;
import berth.dockerfile.Dockerfile;
import berth.dockerfile.IgnoreMatcher;
import berth.snapshot.LayerApplier;
import berth.snapshot.archive.FileTrees;
import berth.snapshot.archive.RootedPath;
import berth.snapshot.archive.TarExtractor;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The build context on disk: the uploaded tar (plain, gzip, bzip2, xz or zstd) unpacked into a
 * private directory, with {@code .dockerignore} applied again on the daemon side. Every lookup
 * resolves inside the context as if chrooted there, so neither {@code ..} nor a symlink can
 * name a file outside it.
 */
final class BuildContext implements AutoCloseable {
  private final Path root;
  private final IgnoreMatcher ignore;
  private String dockerfileText;

  private BuildContext(Path root, IgnoreMatcher ignore) {
    this.root = root;
    this.ignore = ignore;
  }

  /** Unpacks {@code tar} into a fresh directory under {@code tmpDir}. */
  static BuildContext extract(InputStream tar, Path tmpDir, String dockerfilePath) {
    Path dir;
    try {
      Files.createDirectories(tmpDir);
      dir = Files.createTempDirectory(tmpDir, "context-");
    } catch (IOException e) {
      throw new Internal("create build context directory: " + e.getMessage(), e);
    }
    try {
      InputStream plain = LayerApplier.decompressed(new BufferedInputStream(tar, 64 * 1024));
      TarArchiveInputStream in = new TarArchiveInputStream(plain);
      new TarExtractor(dir, "", new TarExtractor.Options(false, false, -1, -1)).extract(in);
      IgnoreMatcher ignore = IgnoreMatcher.of(List.of());
      for (String name : Dockerfile.dockerignoreCandidates(dockerfilePath)) {
        Path f = dir.resolve(name);
        if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
          ignore = IgnoreMatcher.parse(Files.readString(f, StandardCharsets.UTF_8));
          break;
        }
      }
      BuildContext ctx = new BuildContext(dir, ignore);
      ctx.dockerfileText = ctx.readDockerfile(dockerfilePath);
      ctx.prune();
      return ctx;
    } catch (IOException | RuntimeException e) {
      deleteQuietly(dir);
      if (e instanceof berth.core.errors.BerthException b) {
        throw b;
      }
      throw new InvalidArgument("read build context: " + e.getMessage(), e);
    }
  }

  /** A context over a directory that already exists (tests). */
  static BuildContext of(Path dir) {
    return new BuildContext(dir, IgnoreMatcher.of(List.of()));
  }

  Path root() {
    return root;
  }

  /** The Dockerfile's text, read before .dockerignore was applied. */
  String dockerfile() {
    return dockerfileText;
  }

  /** Removes what .dockerignore excludes, so no step can see it (Docker's client does this). */
  private void prune() throws IOException {
    if (ignore.isEmpty()) {
      return;
    }
    pruneDir(root, "");
  }

  private void pruneDir(Path dir, String rel) throws IOException {
    for (Path c : FileTrees.sortedChildren(dir)) {
      String r = rel.isEmpty() ? c.getFileName().toString() : rel + "/" + c.getFileName();
      boolean isDir = Files.isDirectory(c, LinkOption.NOFOLLOW_LINKS);
      if (ignore.excluded(r)) {
        if (isDir && ignore.mustDescend(r)) {
          pruneDir(c, r);
        } else {
          FileTrees.deleteRecursively(c);
        }
      } else if (isDir) {
        pruneDir(c, r);
      }
    }
  }

  /** The Dockerfile's text; Docker's message when it is missing. */
  String readDockerfile(String path) {
    String p = path == null || path.isEmpty() ? Dockerfile.DEFAULT_NAME : path;
    try {
      Path f = RootedPath.resolve(root, p, true);
      if (!Files.isRegularFile(f)) {
        throw new InvalidArgument("Cannot locate specified Dockerfile: " + p);
      }
      return Files.readString(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidArgument("Cannot locate specified Dockerfile: " + p, e);
    }
  }

  /** Whether .dockerignore leaves {@code rel} (relative to the root) out of the context. */
  boolean ignored(String rel) {
    return !ignore.isEmpty() && ignore.excluded(rel);
  }

  /**
   * Resolves a COPY/ADD source (relative to the root; wildcards allowed) to the matching context
   * paths, each as (relative name, file on disk). Docker's words when nothing matches.
   *
   * @param cmd "COPY" or "ADD", for the messages
   */
  List<Source> sources(String source, String cmd) {
    String cleaned = clean(source);
    if (cleaned.equals("..") || cleaned.startsWith("../")) {
      throw new InvalidArgument("Forbidden path outside the build context: " + source + " ()");
    }
    try {
      if (hasWildcard(cleaned)) {
        List<Source> out = new ArrayList<>();
        matchWildcard(cleaned, out);
        if (out.isEmpty()) {
          throw new InvalidArgument(cmd + " failed: no source files were specified");
        }
        return out;
      }
      Path p = cleaned.equals(".") ? root : RootedPath.resolve(root, cleaned, true);
      String rel = cleaned.equals(".") ? "" : root.relativize(p).toString();
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS) || !rel.isEmpty() && ignored(rel)) {
        throw new InvalidArgument(cmd + " failed: file not found in build context or excluded by .dockerignore: stat "
            + cleaned + ": file does not exist");
      }
      return List.of(new Source(rel, p));
    } catch (IOException e) {
      throw new Internal(cmd + " failed: " + e.getMessage(), e);
    }
  }

  /** A context path matched by a COPY source. */
  record Source(String rel, Path path) {}

  private void matchWildcard(String pattern, List<Source> out) throws IOException {
    java.nio.file.PathMatcher m = java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted().toList()) {
        if (p.equals(root)) {
          continue;
        }
        String rel = root.relativize(p).toString();
        if (m.matches(Path.of(rel)) && !ignored(rel) && !underMatched(out, rel)) {
          out.add(new Source(rel, RootedPath.resolve(root, rel, true)));
        }
      }
    }
  }

  private static boolean underMatched(List<Source> out, String rel) {
    for (Source s : out) {
      if (rel.startsWith(s.rel() + "/")) {
        return true;
      }
    }
    return false;
  }

  static boolean hasWildcard(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
  }

  static String clean(String p) {
    String s = p;
    while (s.startsWith("/")) {
      s = s.substring(1);
    }
    List<String> parts = new ArrayList<>();
    for (String seg : s.split("/")) {
      if (seg.isEmpty() || seg.equals(".")) {
        continue;
      }
      if (seg.equals("..") && !parts.isEmpty() && !parts.getLast().equals("..")) {
        parts.removeLast();
      } else {
        parts.add(seg);
      }
    }
    return parts.isEmpty() ? "." : String.join("/", parts);
  }

  @Override
  public void close() {
    deleteQuietly(root);
  }

  private static void deleteQuietly(Path p) {
    try {
      FileTrees.deleteRecursively(p);
    } catch (IOException ignored) {
      // a leftover context directory is removed at the next daemon start
    }
  }
}

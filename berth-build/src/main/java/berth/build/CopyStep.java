package berth.build;

import berth.core.Digest;
import berth.core.errors.Internal;
import berth.core.errors.InvalidArgument;
import berth.core.errors.NotImplemented;
import berth.dockerfile.Heredoc;
import berth.dockerfile.Instruction;
import berth.snapshot.LayerApplier;
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
 * COPY and ADD with Docker's rules: sources relative to the context (or another stage's root
 * for {@code --from}), wildcards, a directory's contents copied rather than the directory, a
 * destination ending in "/" (or an existing directory) receiving files by their names, several
 * sources only into such a directory, ADD extracting local tar archives.
 */
final class CopyStep {
  /** The resolved sources and their cache identity. */
  record Plan(List<BuildContext.Source> sources, String hash, String dest) {}

  private CopyStep() {}

  /** Resolves sources against {@code from} (the context, a stage's root or heredocs). */
  static Plan plan(Instruction.Copy c, BuildContext from, String workdir, Path heredocDir) throws IOException {
    String cmd = c.add() ? "ADD" : "COPY";
    List<BuildContext.Source> sources = new ArrayList<>();
    for (String s : c.sources()) {
      if (c.add() && (s.startsWith("http://") || s.startsWith("https://") || s.startsWith("git@"))) {
        throw new NotImplemented("ADD from a URL is not supported by Berth yet: " + s);
      }
      sources.addAll(from.sources(s, cmd));
    }
    for (Heredoc h : c.heredocs()) {
      Path f = heredocDir.resolve(h.name());
      Files.writeString(f, h.data(), StandardCharsets.UTF_8);
      sources.add(new BuildContext.Source(h.name(), f));
    }
    if (sources.isEmpty()) {
      throw new InvalidArgument(cmd + " failed: no source files were specified");
    }
    String dest = c.dest();
    boolean slash = dest.endsWith("/") || dest.endsWith("/.") || dest.equals(".");
    if (!dest.startsWith("/")) {
      String base = workdir == null || workdir.isEmpty() ? "/" : workdir;
      dest = "/" + BuildContext.clean(base + "/" + dest) + (slash ? "/" : "");
      if (dest.equals("//")) {
        dest = "/";
      }
    }
    if (sources.size() > 1 && !slash && !dest.endsWith("/")) {
      throw new InvalidArgument("When using " + cmd
          + " with more than one source file, the destination must be a directory and end with a /");
    }
    String hash;
    if (sources.size() == 1) {
      Path p = sources.getFirst().path();
      String h = ContentHash.of(p);
      hash = (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir:" : "file:") + h;
    } else {
      StringBuilder all = new StringBuilder();
      for (BuildContext.Source s : sources) {
        all.append(s.rel()).append('\0').append(ContentHash.of(s.path())).append('\n');
      }
      hash = "multi:" + Digest.of(all.toString().getBytes(StandardCharsets.UTF_8)).hex();
    }
    return new Plan(sources, hash, dest);
  }

  /** Writes the plan into a mounted root. */
  static void apply(Plan plan, Instruction.Copy c, Path root) throws IOException {
    int[] owner = c.chown() == null || c.chown().isEmpty() ? new int[] {0, 0} : Owners.resolve(root, c.chown());
    Integer mode = c.chmod() == null || c.chmod().isEmpty() ? null : parseMode(c.chmod());
    TreeCopier copier = new TreeCopier(root, owner[0], owner[1], mode);
    String dest = plan.dest();
    boolean intoDir = dest.endsWith("/") || plan.sources().size() > 1 || isDir(root, dest);
    for (BuildContext.Source s : plan.sources()) {
      Path p = s.path();
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        copier.copyContents(p, dest);
      } else if (c.add() && isArchive(p)) {
        Path d = copier.mkdirs(dest);
        extract(p, root, root.relativize(d).toString(), c.chown() == null ? -1 : owner[0],
            c.chown() == null ? -1 : owner[1]);
      } else if (intoDir) {
        String name = p.getFileName().toString();
        copier.copyTo(p, (dest.endsWith("/") ? dest : dest + "/") + name);
      } else {
        copier.copyTo(p, dest);
      }
    }
  }

  private static boolean isDir(Path root, String dest) throws IOException {
    return Files.isDirectory(RootedPath.resolve(root, dest, true));
  }

  static int parseMode(String chmod) {
    try {
      int m = Integer.parseInt(chmod, 8);
      if (m < 0 || m > 07777) {
        throw new NumberFormatException();
      }
      return m;
    } catch (NumberFormatException e) {
      throw new InvalidArgument("invalid chmod parameter: " + chmod);
    }
  }

  /** Whether a local ADD source is a tar (plain or compressed), which ADD extracts. */
  static boolean isArchive(Path p) {
    try (InputStream in = LayerApplier.decompressed(new BufferedInputStream(Files.newInputStream(p), 64 * 1024))) {
      byte[] head = in.readNBytes(512);
      return head.length == 512 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static void extract(Path archive, Path root, String base, int uid, int gid) throws IOException {
    try (InputStream in = LayerApplier.decompressed(new BufferedInputStream(Files.newInputStream(archive), 64 * 1024))) {
      new TarExtractor(root, base, new TarExtractor.Options(false, false, uid, gid))
          .extract(new TarArchiveInputStream(in));
    } catch (RuntimeException e) {
      throw new Internal("ADD failed: extract " + archive.getFileName() + ": " + e.getMessage(), e);
    }
  }
}

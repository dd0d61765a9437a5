package berth.cli.commands;

import berth.cli.CliError;
import berth.cli.format.Units;
import berth.cli.run.TarTrees;
import berth.api.model.PathStat;
import berth.client.Response;
import berth.client.WireRecords;
import berth.core.errors.NotFound;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code berth cp}: tar streams through the archive endpoints, either direction; {@code -} means a
 * tar on stdin or stdout. Paths follow docker's rule: into an existing directory the source keeps
 * its name, otherwise it is renamed to the destination.
 */
@Command(name = "cp", description = "Copy files/folders between a container and the local filesystem")
public final class CpCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "SRC_PATH")
  String source;

  @Parameters(index = "1", paramLabel = "DEST_PATH")
  String destination;

  @Option(names = {"-a", "--archive"}, description = "Archive mode (copy all uid/gid information)")
  boolean archive;

  @Option(names = {"-L", "--follow-link"}, description = "Always follow symbol link in SRC_PATH")
  boolean followLink;

  @Option(names = {"-q", "--quiet"}, description = "Suppress progress output during copy")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    String[] src = split(source);
    String[] dst = split(destination);
    if (src[0] != null && dst[0] != null) {
      throw new CliError("copying between containers is not supported", 1);
    }
    if (src[0] == null && dst[0] == null) {
      throw new CliError("must specify at least one container source", 1);
    }
    if (src[0] != null) {
      fromContainer(src[0], src[1], destination);
    } else {
      toContainer(source, dst[0], dst[1]);
    }
    return 0;
  }

  /** {@code container:path} → {container, path}; a plain local path → {null, path}. */
  static String[] split(String arg) {
    if (arg.startsWith("/") || arg.startsWith(".") || arg.equals("-")) {
      return new String[] {null, arg};
    }
    int colon = arg.indexOf(':');
    if (colon <= 0) {
      return new String[] {null, arg};
    }
    return new String[] {arg.substring(0, colon), arg.substring(colon + 1)};
  }

  private void fromContainer(String container, String path, String dest) throws IOException {
    Response r;
    try {
      r = client().containers().getArchive(container, path);
    } catch (NotFound e) {
      throw new CliError("Error response from daemon: " + e.getMessage(), 1);
    }
    try (r) {
      if (dest.equals("-")) {
        r.body().transferTo(out());
        out().flush();
        return;
      }
      PathStat stat = WireRecords.pathStat(r.header("x-docker-container-path-stat"));
      Path p = Path.of(path).getFileName();
      String base = stat != null && !stat.name().isEmpty() ? stat.name() : p == null ? "" : p.toString();
      long copied = TarTrees.extract(r.body(), Path.of(dest), base);
      done(copied, dest);
    }
  }

  private void toContainer(String local, String container, String path) throws IOException {
    if (local.equals("-")) {
      client().containers().putArchive(container, path, root().in(), true, archive);
      return;
    }
    Path src = Path.of(local);
    if (!Files.exists(src, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new CliError("stat " + src.toAbsolutePath() + ": no such file or directory", 1);
    }
    String uploadDir;
    String rootName;
    PathStat dstStat = destStat(container, path);
    if (dstStat != null && (dstStat.mode() & (1L << 31)) != 0) { // Go's os.ModeDir
      uploadDir = path;
      rootName = src.toAbsolutePath().normalize().getFileName().toString();
    } else {
      Path p = Path.of(path);
      uploadDir = p.getParent() == null ? "/" : p.getParent().toString();
      rootName = p.getFileName().toString();
    }
    PipedInputStream in = new PipedInputStream(64 * 1024);
    PipedOutputStream pipe = new PipedOutputStream(in);
    AtomicLong size = new AtomicLong();
    AtomicReference<IOException> failure = new AtomicReference<>();
    Thread writer = Thread.ofVirtual().start(() -> {
      try (pipe) {
        size.set(TarTrees.write(src, rootName, pipe, followLink));
      } catch (IOException e) {
        failure.set(e);
      }
    });
    client().containers().putArchive(container, uploadDir, in, true, archive);
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (failure.get() != null) {
      throw new UncheckedIOException(failure.get());
    }
    done(size.get(), container + ":" + path);
  }

  private PathStat destStat(String container, String path) {
    try {
      return client().containers().statPath(container, path);
    } catch (NotFound e) {
      return null;
    }
  }

  private void done(long bytes, String where) {
    if (!quiet) {
      err().println("Successfully copied " + Units.humanSize(bytes) + " to " + where);
    }
  }
}

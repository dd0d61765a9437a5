package berth.runtime.internal;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Watches conmon's exit directory, where conmon writes a file named after the container holding its
 * exit code (atomically: a temp file renamed into place). Each new exit file is reported once;
 * files already there at start-up belong to exits the engine reaps itself through
 * {@code exitCode(id)}, so they are remembered, not reported. A rescan every few seconds covers a
 * lost inotify event.
 */
public final class ExitWatcher implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ExitWatcher.class.getName());

  private final Path dir;
  private final Consumer<String> onExit;
  private final Map<String, FileTime> reported = new ConcurrentHashMap<>();
  private final WatchService watch;
  private final Thread thread;
  private volatile boolean closed;

  public ExitWatcher(Path dir, Consumer<String> onExit) throws IOException {
    this.dir = dir;
    this.onExit = onExit;
    Files.createDirectories(dir);
    this.watch = dir.getFileSystem().newWatchService();
    dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        FileTime t = mtime(f);
        if (t != null) {
          reported.put(f.getFileName().toString(), t);
        }
      }
    }
    this.thread = Thread.ofPlatform().daemon().name("berth-exit-watcher").start(this::loop);
  }

  /** Forget an id (its exit file is being removed or a new run starts). */
  public void forget(String id) {
    reported.remove(id);
  }

  private void loop() {
    while (!closed) {
      try {
        WatchKey key = watch.poll(3, TimeUnit.SECONDS);
        if (key == null) {
          rescan();
          continue;
        }
        for (WatchEvent<?> ev : key.pollEvents()) {
          if (ev.kind() == StandardWatchEventKinds.OVERFLOW) {
            rescan();
          } else if (ev.context() instanceof Path name) {
            check(dir.resolve(name));
          }
        }
        key.reset();
      } catch (ClosedWatchServiceException | InterruptedException e) {
        return;
      } catch (RuntimeException | IOException e) {
        LOG.log(Level.WARNING, "exit watcher: " + e.getMessage(), e);
      }
    }
  }

  private void rescan() throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        check(f);
      }
    }
  }

  private void check(Path file) {
    String id = file.getFileName().toString();
    if (id.contains(".")) {
      return; // conmon's temp file before the rename
    }
    FileTime t = mtime(file);
    if (t == null || t.equals(reported.get(id))) {
      return;
    }
    if (ExitFiles.readCode(file).isEmpty()) {
      return; // not written yet
    }
    if (!t.equals(reported.put(id, t))) {
      try {
        onExit.accept(id);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "exit listener failed for " + id, e);
      }
    }
  }

  private static FileTime mtime(Path f) {
    try {
      return Files.getLastModifiedTime(f);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    watch.close();
    thread.interrupt();
  }
}

package berth.volume;

import berth.core.Json;
import berth.core.errors.Conflict;
import berth.core.errors.Internal;
import berth.core.errors.InvalidArgument;
import berth.core.errors.NotFound;
import berth.core.io.AtomicFiles;
import berth.core.linux.Syscalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Named volumes of the local driver under {@code <dataRoot>/volumes/<name>/_data}, metadata in
 * {@code volume.json} beside it. Holds who uses each volume (container ids) in memory: the engine
 * re-registers its containers' references with {@link #reference} after a restart.
 * All public methods are synchronized on the store; it is small and volume ops are rare.
 */
public final class VolumeStore {
  public static final String LOCAL = "local";
  private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_.-]+$");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path root;
  private final Map<String, Volume> volumes = new TreeMap<>();
  private final Map<String, Set<String>> refs = new HashMap<>();
  private final Map<String, Set<String>> active = new HashMap<>();

  /** Opens (creating if needed) the store under dataRoot and loads every volume's metadata. */
  public VolumeStore(Path dataRoot) {
    this.root = dataRoot.resolve("volumes");
    try {
      Files.createDirectories(root);
      try (Stream<Path> dirs = Files.list(root)) {
        for (Path d : dirs.toList()) {
          Path meta = d.resolve("volume.json");
          if (Files.isRegularFile(meta)) {
            Volume v = Json.MAPPER.readValue(meta.toFile(), Volume.class);
            volumes.put(v.name(), v);
          }
        }
      }
    } catch (IOException e) {
      throw new Internal("load volumes: " + e.getMessage(), e);
    }
  }

  /** Docker's check for local volume names. */
  public static void validateName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new InvalidArgument(quote(name) + " includes invalid characters for a local volume name,"
          + " only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host"
          + " directory, use absolute path");
    }
  }

  /**
   * Creates a volume, or returns the existing one of that name (Docker keeps the first one's
   * labels and options). name null or empty generates a 64-hex name; anonymous adds Docker's label.
   */
  public synchronized Volume create(String name, String driver, Map<String, String> labels,
      Map<String, String> options, boolean anonymous) {
    String drv = driver == null || driver.isEmpty() ? LOCAL : driver;
    String n = name == null || name.isEmpty() ? newName() : name;
    // Docker's local driver: a one-letter name is "too short"; errors name the create that failed
    if (n.length() == 1) {
      throw new InvalidArgument("create " + n + ": volume name is too short, names should be at least two"
          + " alphanumeric characters");
    }
    try {
      validateName(n);
    } catch (InvalidArgument e) {
      throw new InvalidArgument("create " + n + ": " + e.getMessage());
    }
    Volume existing = volumes.get(n);
    if (existing != null) {
      if (!existing.driver().equals(drv)) {
        throw new Conflict("driver '" + existing.driver() + "' already has volume '" + n
            + "': volume name must be unique");
      }
      return existing;
    }
    if (!drv.equals(LOCAL)) {
      throw new NotFound("create " + n + ": error looking up volume plugin " + drv + ": plugin \"" + drv
          + "\" not found");
    }
    LocalDriverOptions.validate(options);
    Map<String, String> lbl = new TreeMap<>(labels == null ? Map.of() : labels);
    if (anonymous) {
      lbl.put(Volume.ANONYMOUS_LABEL, "");
    }
    Path data = root.resolve(n).resolve("_data");
    String created = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    Volume v = new Volume(n, LOCAL, data.toString(), created, lbl,
        options == null ? Map.of() : new TreeMap<>(options), "local");
    try {
      Files.createDirectories(data);
      AtomicFiles.write(root.resolve(n).resolve("volume.json"), Json.MAPPER.writeValueAsBytes(v));
    } catch (IOException e) {
      throw new Internal("create volume " + n + ": " + e.getMessage(), e);
    }
    volumes.put(n, v);
    return v;
  }

  public synchronized Volume get(String name) {
    Volume v = volumes.get(name);
    if (v == null) {
      throw new NotFound("get " + name + ": no such volume");
    }
    return v;
  }

  /** Size in bytes of the volume's data (hardlinked files counted once), as UsageData.Size. */
  public long size(String name) {
    return DirectorySize.of(Path.of(get(name).mountpoint()));
  }

  /** Number of containers referencing the volume, as UsageData.RefCount. */
  public synchronized int refCount(String name) {
    get(name);
    return refs.getOrDefault(name, Set.of()).size();
  }

  /** Container ids that reference the volume, sorted. */
  public synchronized List<String> users(String name) {
    get(name);
    return List.copyOf(new TreeSet<>(refs.getOrDefault(name, Set.of())));
  }

  /** Records that a container (created or existing) uses the volume; the volume must exist. */
  public synchronized void reference(String name, String containerId) {
    get(name);
    refs.computeIfAbsent(name, k -> new TreeSet<>()).add(containerId);
  }

  /** Drops a container's reference (at container removal). Unknown names are ignored. */
  public synchronized void dereference(String name, String containerId) {
    Set<String> s = refs.get(name);
    if (s != null) {
      s.remove(containerId);
    }
  }

  /**
   * Makes the volume's data available for a starting container and returns the host path to
   * bind: mounts the driver options' device at first use. Also references the volume.
   */
  public synchronized String mount(String name, String containerId) {
    Volume v = get(name);
    reference(name, containerId);
    Set<String> users = active.computeIfAbsent(name, k -> new TreeSet<>());
    if (users.isEmpty() && LocalDriverOptions.needsMount(v.options())) {
      try {
        LocalDriverOptions.mount(v.options(), v.mountpoint());
      } catch (IOException e) {
        throw new Internal("error while mounting volume '" + v.mountpoint() + "': "
            + e.getMessage(), e);
      }
    }
    users.add(containerId);
    return v.mountpoint();
  }

  /** Ends a container's use of the mount; unmounts the device when nobody uses it any more. */
  public synchronized void unmount(String name, String containerId) {
    Volume v = volumes.get(name);
    Set<String> users = active.get(name);
    if (v == null || users == null || !users.remove(containerId) || !users.isEmpty()) {
      return;
    }
    if (LocalDriverOptions.needsMount(v.options())) {
      try {
        Syscalls.umount2(v.mountpoint(), Syscalls.MNT_DETACH);
      } catch (IOException e) {
        throw new Internal("error while unmounting volume '" + v.mountpoint() + "': "
            + e.getMessage(), e);
      }
    }
  }

  /** Removes a volume; refused with 409 while referenced unless force. */
  public synchronized void remove(String name, boolean force) {
    Volume v = volumes.get(name);
    if (v == null) {
      if (force) {
        return;
      }
      throw new NotFound("get " + name + ": no such volume");
    }
    Set<String> users = refs.getOrDefault(name, Set.of());
    if (!users.isEmpty() && !force) {
      throw new Conflict("remove " + name + ": volume is in use - ["
          + String.join(", ", new TreeSet<>(users)) + "]");
    }
    if (active.getOrDefault(name, Set.of()).size() > 0 && LocalDriverOptions.needsMount(v.options())) {
      try {
        Syscalls.umount2(v.mountpoint(), Syscalls.MNT_DETACH);
      } catch (IOException ignored) {
        // already gone: removal goes on
      }
    }
    try {
      Path dir = root.resolve(name);
      // rename first so a crash mid-delete leaves no half volume that would load at start-up
      Path trash = root.resolve("." + name + "-removing");
      Files.move(dir, trash);
      TreeRemover.remove(trash);
    } catch (IOException e) {
      throw new Internal("remove " + name + ": " + e.getMessage(), e);
    }
    volumes.remove(name);
    refs.remove(name);
    active.remove(name);
  }

  /** Volumes matching Docker's list filters (dangling, name, label, driver). */
  public synchronized List<Volume> list(Map<String, List<String>> filters) {
    VolumeFilter f = VolumeFilter.forList(filters);
    List<Volume> out = new ArrayList<>();
    for (Volume v : volumes.values()) {
      if (f.matches(v, !refs.getOrDefault(v.name(), Set.of()).isEmpty())) {
        out.add(v);
      }
    }
    return out;
  }

  /** What prune removed: names and bytes reclaimed. */
  public record PruneReport(List<String> volumesDeleted, long spaceReclaimed) {}

  /** Removes unused volumes: anonymous only unless filter all=true; label filters apply. */
  public synchronized PruneReport prune(Map<String, List<String>> filters) {
    VolumeFilter f = VolumeFilter.forPrune(filters);
    List<String> deleted = new ArrayList<>();
    long bytes = 0;
    for (Volume v : List.copyOf(volumes.values())) {
      if (!refs.getOrDefault(v.name(), Set.of()).isEmpty() || !f.matches(v, false)) {
        continue;
      }
      if (!f.all() && !v.anonymous()) {
        continue;
      }
      long size = DirectorySize.of(Path.of(v.mountpoint()));
      remove(v.name(), false);
      deleted.add(v.name());
      bytes += size;
    }
    return new PruneReport(deleted, bytes);
  }

  private static String newName() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** Go's %q for the plain names we see; escapes quotes and backslashes. */
  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static Map<String, String> copy(Map<String, String> m) {
    return m == null ? Map.of() : new LinkedHashMap<>(m);
  }
}

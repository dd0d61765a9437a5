package berth.volume;

import berth.core.errors.InvalidArgument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Server-side parsing and validation of HostConfig.Binds, Mounts, Tmpfs and VolumesFrom with
 * Docker's Linux semantics and error wording (clients show the messages verbatim). Pure except
 * for the bind-source existence check, which is injectable for tests.
 */
public final class MountParser {
  /** Docker's default propagation for binds. */
  public static final String DEFAULT_PROPAGATION = "rprivate";

  private static final Set<String> RW_MODES = Set.of("ro", "rw");
  private static final Set<String> LABEL_MODES = Set.of("z", "Z");
  private static final Set<String> PROPAGATIONS =
      Set.of("private", "rprivate", "slave", "rslave", "shared", "rshared");
  private static final Set<String> COPY_MODES = Set.of("nocopy");
  private static final Set<String> CONSISTENCY = Set.of("consistent", "cached", "delegated");

  private final Predicate<Path> exists;

  public MountParser() {
    this(Files::exists);
  }

  public MountParser(Predicate<Path> exists) {
    this.exists = exists;
  }

  /** A `--volumes-from` entry: container reference and mode ("rw" when none given). */
  public record VolumesFrom(String container, String mode) {
    public boolean readOnly() {
      return List.of(mode.split(",")).contains("ro");
    }
  }

  /**
   * Parses one HostConfig.Binds entry ("src:dst[:mode]" or an anonymous "dst"). Bind sources
   * are not required to exist here: the engine creates them, as Docker does for `-v`.
   */
  public MountPoint parseBind(String raw, String volumeDriver) {
    String[] arr = raw.split(":", 4);
    if (arr[0].isEmpty()) {
      throw invalidSpec(raw);
    }
    String source = "";
    String target;
    String mode = "";
    switch (arr.length) {
      case 1 -> target = arr[0];
      case 2 -> {
        if (validMode(arr[1])) {
          throw invalidSpec(raw); // "/foo:rw": a volume cannot be only a destination and mode
        }
        source = arr[0];
        target = arr[1];
      }
      case 3 -> {
        source = arr[0];
        target = arr[1];
        mode = arr[2];
      }
      default -> throw invalidSpec(raw);
    }
    if (!validMode(mode)) {
      throw new InvalidArgument("invalid mode: " + mode);
    }
    MountType type = source.startsWith("/") ? MountType.BIND : MountType.VOLUME;
    boolean readOnly = hasOption(mode, "ro");
    MountSpec.VolumeOptions vo = null;
    boolean noCopy = hasOption(mode, "nocopy");
    boolean hasDriver = volumeDriver != null && !volumeDriver.isEmpty() && type == MountType.VOLUME;
    if (hasDriver || noCopy) {
      vo = new MountSpec.VolumeOptions(noCopy, null, hasDriver ? volumeDriver : null, null, null);
    }
    MountSpec.BindOptions bo = null;
    String prop = propagationOf(mode);
    if (prop != null) {
      bo = new MountSpec.BindOptions(prop, false, false);
    }
    MountSpec spec = new MountSpec(type, source, target, readOnly, bo, vo, null);
    try {
      MountPoint mp = toMountPoint(spec, false);
      return new MountPoint(mp.type(), mp.name(), mp.source(), mp.destination(), mp.driver(), mode,
          mp.rw(), mp.propagation(), mp.copyData(), mp.subpath(), spec);
    } catch (InvalidArgument e) {
      throw new InvalidArgument(invalidSpec(raw).getMessage() + ": " + e.getMessage());
    }
  }

  /** Parses one HostConfig.Mounts entry; a bind source must exist unless CreateMountpoint. */
  public MountPoint parseMount(MountSpec spec) {
    return toMountPoint(spec, true);
  }

  /** Parses one `--volumes-from` entry ("id[:mode]"). */
  public VolumesFrom parseVolumesFrom(String spec) {
    if (spec == null || spec.isEmpty()) {
      throw new InvalidArgument("volumes-from specification cannot be an empty string");
    }
    int colon = spec.indexOf(':');
    String id = colon < 0 ? spec : spec.substring(0, colon);
    String mode = colon < 0 ? "" : spec.substring(colon + 1);
    if (mode.isEmpty()) {
      return new VolumesFrom(id, "rw");
    }
    if (!validMode(mode) || propagationOf(mode) != null || hasOption(mode, "nocopy")) {
      throw new InvalidArgument("invalid mode: " + mode);
    }
    return new VolumesFrom(id, mode);
  }

  /**
   * Validates a HostConfig.Mounts target with Docker's messages: not "/" and absolute, prefixed with
   * the mount's type ({@code invalid mount config for type "volume": ...}).
   */
  public static void checkTarget(String type, String target) {
    String t = target == null ? "" : target;
    try {
      checkNotRoot(t);
      checkAbsolute(t);
    } catch (InvalidArgument e) {
      throw config(type, e.getMessage());
    }
  }

  /** Validates a HostConfig.Tmpfs destination, as Docker does before building the mount. */
  public String validateTmpfsDestination(String dest) {
    checkNotRoot(dest);
    checkAbsolute(dest);
    return clean(dest);
  }

  /** Refuses two mounts on the same destination with Docker's message. */
  public static void checkDuplicates(List<String> destinations) {
    Set<String> seen = new HashSet<>();
    for (String d : destinations) {
      if (!seen.add(clean(d))) {
        throw new InvalidArgument("Duplicate mount point: " + clean(d));
      }
    }
  }

  /** TmpfsOptions → mount data string, as Docker's ConvertTmpfsOptions (ro, mode, size, exec). */
  public static String tmpfsData(MountSpec.TmpfsOptions opt, boolean readOnly) {
    List<String> raw = new ArrayList<>();
    if (readOnly) {
      raw.add("ro");
    }
    if (opt != null && opt.mode() != 0) {
      raw.add("mode=" + Integer.toOctalString(opt.mode()));
    }
    if (opt != null && opt.sizeBytes() != 0) {
      raw.add("size=" + sizeWithSuffix(opt.sizeBytes()));
    }
    if (opt != null && opt.options() != null) {
      for (List<String> o : opt.options()) {
        if (o.isEmpty() || o.size() > 2) {
          throw new InvalidArgument("invalid option array length");
        }
        if (!o.get(0).equals("exec") && !o.get(0).equals("noexec")) {
          throw new InvalidArgument("invalid option: " + o.get(0));
        }
        raw.add(o.size() == 1 ? o.get(0) : o.get(0) + "=" + o.get(1));
      }
    }
    return String.join(",", raw);
  }

  private static String sizeWithSuffix(long size) {
    if (size % (1L << 30) == 0) {
      return size / (1L << 30) + "g";
    }
    if (size % (1L << 20) == 0) {
      return size / (1L << 20) + "m";
    }
    if (size % (1L << 10) == 0) {
      return size / (1L << 10) + "k";
    }
    return Long.toString(size);
  }

  private MountPoint toMountPoint(MountSpec spec, boolean checkBindSource) {
    validate(spec, checkBindSource);
    String dest = clean(spec.target());
    boolean rw = !spec.readOnly();
    return switch (spec.type()) {
      case VOLUME -> {
        MountSpec.VolumeOptions vo = spec.volumeOptions();
        String name = spec.source() == null || spec.source().isEmpty() ? null : spec.source();
        String driver = vo != null && vo.driverName() != null ? vo.driverName() : null;
        boolean copy = vo == null || !vo.noCopy();
        String sub = vo == null ? null : vo.subpath();
        yield new MountPoint(MountType.VOLUME, name, null, dest, driver, "", rw, "", copy, sub, spec);
      }
      case BIND -> {
        String prop = spec.bindOptions() != null && notEmpty(spec.bindOptions().propagation())
            ? spec.bindOptions().propagation() : DEFAULT_PROPAGATION;
        yield new MountPoint(MountType.BIND, null, clean(spec.source()), dest, null, "", rw, prop,
            false, null, spec);
      }
      case TMPFS -> new MountPoint(MountType.TMPFS, null, "", dest, null, "", rw, "", false, null,
          spec);
    };
  }

  private void validate(MountSpec m, boolean checkBindSource) {
    String t = m.type() == null ? "" : m.type().wire();
    if (!notEmpty(m.target())) {
      throw config(t, "field Target must not be empty");
    }
    try {
      checkNotRoot(m.target());
      checkAbsolute(m.target());
    } catch (InvalidArgument e) {
      throw config(t, e.getMessage());
    }
    if (m.type() == null) {
      throw config(t, "mount type unknown");
    }
    switch (m.type()) {
      case BIND -> validateBind(m, checkBindSource);
      case VOLUME -> validateVolume(m);
      case TMPFS -> {
        if (m.bindOptions() != null) {
          throw config(t, "field BindOptions must not be specified");
        }
        if (notEmpty(m.source())) {
          throw config(t, "field Source must not be specified");
        }
        try {
          tmpfsData(m.tmpfsOptions(), m.readOnly());
        } catch (InvalidArgument e) {
          throw config(t, e.getMessage());
        }
      }
    }
  }

  private void validateBind(MountSpec m, boolean checkBindSource) {
    if (!notEmpty(m.source())) {
      throw config("bind", "field Source must not be empty");
    }
    MountSpec.BindOptions bo = m.bindOptions();
    if (bo != null && notEmpty(bo.propagation()) && !PROPAGATIONS.contains(bo.propagation())) {
      throw config("bind", "invalid propagation mode: " + bo.propagation());
    }
    if (m.volumeOptions() != null) {
      throw config("bind", "field VolumeOptions must not be specified");
    }
    try {
      checkAbsolute(m.source());
    } catch (InvalidArgument e) {
      throw config("bind", e.getMessage());
    }
    boolean create = bo != null && bo.createMountpoint();
    if (checkBindSource && !create && !exists.test(Path.of(m.source()))) {
      throw config("bind", "bind source path does not exist: " + m.source());
    }
  }

  private static void validateVolume(MountSpec m) {
    if (m.bindOptions() != null) {
      throw config("volume", "field BindOptions must not be specified");
    }
    boolean anonymous = !notEmpty(m.source());
    MountSpec.VolumeOptions vo = m.volumeOptions();
    if (vo != null) {
      checkSubpath(m.source(), vo.subpath());
    }
    if (m.readOnly() && anonymous) {
      throw config("volume", "must not set ReadOnly mode when using anonymous volumes");
    }
  }

  /**
   * Docker's create-time checks of a volume mount's subpath (null or empty: none): only for named
   * volumes, and relative without leaving the volume.
   */
  public static void checkSubpath(String source, String subpath) {
    if (!notEmpty(subpath)) {
      return;
    }
    if (!notEmpty(source)) {
      throw config("volume", "must not set Subpath when using anonymous volumes");
    }
    if (!isLocalPath(subpath)) {
      throw config("volume", "subpath must be a relative path within the volume");
    }
  }

  /** True for a relative path that stays inside its base after lexical cleaning. */
  static boolean isLocalPath(String p) {
    if (p.startsWith("/")) {
      return false;
    }
    Path n = Path.of(p).normalize();
    return !n.toString().equals("..") && !n.startsWith("..");
  }

  private static InvalidArgument config(String type, String why) {
    return new InvalidArgument("invalid mount config for type \"" + type + "\": " + why);
  }

  private static InvalidArgument invalidSpec(String raw) {
    return new InvalidArgument("invalid volume specification: '" + raw + "'");
  }

  private static void checkNotRoot(String p) {
    if (clean(p.replace('\\', '/')).equals("/")) {
      throw new InvalidArgument("invalid specification: destination can't be '/'");
    }
  }

  private static void checkAbsolute(String p) {
    String s = p.replace('\\', '/');
    if (!s.startsWith("/")) {
      throw new InvalidArgument("invalid mount path: '" + s + "' mount path must be absolute");
    }
  }

  /** Lexical clean like Go's path.Clean, for absolute and relative slash paths. */
  static String clean(String p) {
    if (p.isEmpty()) {
      return ".";
    }
    String n = Path.of(p).normalize().toString();
    return n.isEmpty() ? "." : n;
  }

  static boolean validMode(String mode) {
    if (mode.isEmpty()) {
      return true;
    }
    int rw = 0, label = 0, prop = 0, copy = 0, cons = 0;
    for (String o : mode.split(",", -1)) {
      if (RW_MODES.contains(o)) {
        rw++;
      } else if (LABEL_MODES.contains(o)) {
        label++;
      } else if (PROPAGATIONS.contains(o)) {
        prop++;
      } else if (COPY_MODES.contains(o)) {
        copy++;
      } else if (CONSISTENCY.contains(o)) {
        cons++;
      } else {
        return false;
      }
    }
    return rw <= 1 && label <= 1 && prop <= 1 && copy <= 1 && cons <= 1;
  }

  private static boolean hasOption(String mode, String opt) {
    return !mode.isEmpty() && List.of(mode.split(",")).contains(opt);
  }

  private static String propagationOf(String mode) {
    for (String o : mode.split(",")) {
      if (PROPAGATIONS.contains(o)) {
        return o;
      }
    }
    return null;
  }

  private static boolean notEmpty(String s) {
    return s != null && !s.isEmpty();
  }
}

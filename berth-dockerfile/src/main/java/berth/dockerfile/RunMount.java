package berth.dockerfile;

/**
 * One {@code RUN --mount=...} flag, parsed from its CSV form with BuildKit's defaults applied.
 * Numeric fields stay strings because they may hold variables until expansion; use the typed
 * accessors after {@link Expander#expand(Instruction, char, java.util.function.Function)}.
 *
 * @param type {@code bind} (default), {@code cache}, {@code tmpfs}, {@code secret} or {@code ssh}
 * @param target mount point in the container; for secret defaults to {@code /run/secrets/<id>}
 * @param source path in the source (context or {@code from}); null when absent
 * @param from stage name/index or image for bind and cache sources; null when absent
 * @param id cache id (defaults to the target for cache), secret or ssh id; null when absent
 * @param sharing cache sharing mode: {@code shared} (default), {@code private} or {@code locked}; null otherwise
 * @param readonly bind mounts are read-only unless {@code rw}; cache and tmpfs are writable
 * @param mode octal file mode as written (cache, secret, ssh), null when absent
 * @param uid owner uid as written, null when absent
 * @param gid owner gid as written, null when absent
 * @param size tmpfs size as written, null when absent
 * @param required for secret and ssh: fail when missing
 * @param env for secret: the environment variable to expose it as; null when absent
 */
public record RunMount(String type, String target, String source, String from, String id,
    String sharing, boolean readonly, String mode, String uid, String gid, String size,
    boolean required, String env) {

  public static final String BIND = "bind";
  public static final String CACHE = "cache";
  public static final String TMPFS = "tmpfs";
  public static final String SECRET = "secret";
  public static final String SSH = "ssh";

  /**
   * The mount with BuildKit's defaults filled in: a cache's id is its cleaned target; a secret's
   * id is its source, else its id, else the target's base name, and without {@code env} its
   * target defaults to {@code /run/secrets/<id>}; an ssh mount's id defaults to {@code default}
   * and its target to {@code /run/buildkit/ssh_agent.N} (left to the executor, null here).
   */
  public RunMount withDefaults() {
    String newId = id;
    String newTarget = target;
    switch (type) {
      case CACHE -> {
        if (newId == null || newId.isEmpty()) {
          newId = target == null ? null : Paths.clean(target);
        }
      }
      case SECRET -> {
        if (source != null && !source.isEmpty()) {
          newId = source;
        }
        if (newId == null || newId.isEmpty()) {
          newId = target == null ? null : Paths.base(target);
        }
        if (env == null && (newTarget == null || newTarget.isEmpty()) && newId != null) {
          newTarget = "/run/secrets/" + Paths.base(newId);
        }
      }
      case SSH -> {
        if (newId == null || newId.isEmpty()) {
          newId = "default";
        }
      }
      default -> { }
    }
    return new RunMount(type, newTarget, source, from, newId, sharing, readonly, mode, uid, gid,
        size, required, env);
  }

  /** The mode as a number, or -1 when not given. */
  public int modeBits() {
    return mode == null ? -1 : Integer.parseInt(mode, 8);
  }

  /** The uid as a number, or -1 when not given. */
  public int uidNumber() {
    return uid == null ? -1 : Integer.parseInt(uid);
  }

  /** The gid as a number, or -1 when not given. */
  public int gidNumber() {
    return gid == null ? -1 : Integer.parseInt(gid);
  }

  /** The tmpfs size in bytes, or -1 when not given (accepts Docker's units: b, k, m, g). */
  public long sizeBytes() {
    return size == null ? -1 : Units.parseBytes(size);
  }
}

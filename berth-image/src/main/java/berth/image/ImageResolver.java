package berth.image;

import berth.core.Digest;
import berth.core.ImageRef;
import berth.core.errors.InvalidArgument;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what a user typed into an image id, in Docker's order: {@code sha256:<hex or prefix>}, a
 * full 64-hex id, a name (tag defaults to latest), then a unique short id prefix. Callers hold
 * the image store's lock; {@code ids} is the store's live key set.
 */
final class ImageResolver {
  private final Set<Digest> ids;
  private final ReferenceStore refs;

  ImageResolver(Set<Digest> ids, ReferenceStore refs) {
    this.ids = ids;
    this.refs = refs;
  }

  /** The id {@code reference} names: sha256:id, full or short id, or a name (tag defaults to latest). */
  Optional<Digest> resolveId(String s) {
    if (s == null || s.isEmpty()) {
      return Optional.empty();
    }
    if (s.startsWith("sha256:")) {
      String hex = s.substring(7);
      return hex.matches("[a-f0-9]{1,64}") ? byPrefix(hex) : Optional.empty();
    }
    if (s.matches("[a-f0-9]{64}")) {
      return byPrefix(s);
    }
    ImageRef ref;
    try {
      ref = ImageRef.parseWithDefaultTag(s);
    } catch (InvalidArgument e) {
      if (s.matches("[a-f0-9]{1,64}")) {
        return byPrefix(s);
      }
      throw e;
    }
    Optional<Digest> byName = refs.get(ref).filter(ids::contains);
    if (byName.isPresent() || !s.matches("[a-f0-9]{1,63}")) {
      return byName;
    }
    return byPrefix(s);
  }

  private Optional<Digest> byPrefix(String hex) {
    List<Digest> hits = ids.stream().filter(d -> d.hex().startsWith(hex)).toList();
    return hits.size() == 1 ? Optional.of(hits.getFirst()) : Optional.empty();
  }

  /** Whether the user named {@code id} by (a prefix of) its id rather than by a name. */
  boolean isIdReference(String reference, Digest id) {
    String r = reference.startsWith("sha256:") ? reference.substring(7) : reference;
    return !r.isEmpty() && id.hex().startsWith(r) && refs.get(safeRef(reference)).isEmpty();
  }

  /** The reference as a bare repository name (no tag, no digest, not an id), if it is one. */
  static Optional<ImageRef> repositoryOnly(String s) {
    if (s.matches("(sha256:)?[a-f0-9]{1,64}")) {
      return Optional.empty();
    }
    try {
      ImageRef r = ImageRef.parse(s);
      return r.isTagged() || r.isDigested() ? Optional.empty() : Optional.of(r);
    } catch (InvalidArgument e) {
      return Optional.empty();
    }
  }

  private static ImageRef safeRef(String s) {
    try {
      return ImageRef.parseWithDefaultTag(s);
    } catch (InvalidArgument e) {
      return new ImageRef("invalid", "invalid", "invalid", null);
    }
  }
}

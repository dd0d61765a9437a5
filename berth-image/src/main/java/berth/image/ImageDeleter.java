package berth.image;

import berth.core.Digest;
import berth.core.ImageRef;
import berth.core.Ids;
import berth.core.errors.Conflict;
import berth.core.errors.NotFound;
import berth.image.ImageStore.DeleteResult;
import berth.image.ImageStore.ImageUser;
import berth.image.ImageStore.PruneResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Docker's {@code docker rmi} and {@code docker image prune} rules (moby's image_delete.go): a
 * name of an image with other names is only untagged; the last name, or an id, deletes the image
 * unless a conflict stops it. Hard conflicts (child images, a running container) cannot be
 * forced; soft ones (other repositories, a stopped container) can. Runs under the store's lock.
 */
final class ImageDeleter {
  private final LocalImageStore store;
  private final Function<Digest, Optional<ImageUser>> usedBy;

  ImageDeleter(LocalImageStore store, Function<Digest, Optional<ImageUser>> usedBy) {
    this.store = store;
    this.usedBy = usedBy;
  }

  List<DeleteResult> delete(String reference, boolean force, boolean prune) {
    Digest id = store.resolveIdLocked(reference).orElseThrow(() -> notFound(reference));
    List<DeleteResult> records = new ArrayList<>();
    List<ImageRef> repoRefs = store.refs().referencesTo(id);
    boolean quiet = false;
    if (!store.isIdReference(reference, id)) {
      if (!force && singleReference(repoRefs)) {
        Optional<ImageUser> user = usedBy.apply(id);
        if (user.isPresent()) {
          throw new Conflict("conflict: unable to remove repository reference \"" + reference
              + "\" (must force) - container " + Ids.shortId(user.get().containerId())
              + " is using its referenced image " + id.shortHex());
        }
      }
      ImageRef ref = ImageRef.parseWithDefaultTag(reference);
      store.refs().remove(ref);
      records.add(new DeleteResult(ref.familiarString(), null));
      if (!store.refs().referencesTo(id).isEmpty()) {
        return records;
      }
      quiet = true;
    } else if (singleReference(repoRefs)) {
      String conflict = conflict(id, true, !force, false);
      if (conflict != null) {
        throw new Conflict(conflict);
      }
      for (ImageRef r : repoRefs) {
        store.refs().remove(r);
        records.add(new DeleteResult(r.familiarString(), null));
      }
    }
    deleteHelper(id, records, force, prune, quiet);
    return records;
  }

  /** Docker names a missing image by its familiar reference, tag included: "No such image: nope:latest". */
  static NotFound notFound(String reference) {
    try {
      if (!reference.matches("(sha256:)?[a-f0-9]{1,64}")) {
        return NotFound.image(ImageRef.parseWithDefaultTag(reference).familiarString());
      }
    } catch (RuntimeException malformed) {
      // fall through: name it as given
    }
    return NotFound.image(reference);
  }

  /** At most one tag, and all references in one repository. */
  private static boolean singleReference(List<ImageRef> refs) {
    long tags = refs.stream().filter(ImageRef::isTagged).count();
    return tags <= 1 && refs.stream().map(ImageRef::name).distinct().count() <= 1;
  }

  private void deleteHelper(Digest id, List<DeleteResult> records, boolean force, boolean prune, boolean quiet) {
    String conflict = conflict(id, true, !force, !force);
    if (conflict != null) {
      boolean used = usedBy.apply(id).isPresent();
      if (quiet && (!dangling(id) || used)) {
        return;
      }
      throw new Conflict(conflict);
    }
    Digest parent = store.images().get(id).parent();
    for (ImageRef r : store.refs().referencesTo(id)) {
      store.refs().remove(r);
      records.add(new DeleteResult(r.familiarString(), null));
    }
    store.deleteLocked(id, records);
    if (prune && parent != null && store.images().containsKey(parent)) {
      deleteHelper(parent, records, false, true, true);
    }
  }

  private boolean dangling(Digest id) {
    return store.refs().referencesTo(id).isEmpty() && !hasChildren(id);
  }

  /**
   * Docker's checkImageDeleteConflict: the first conflict's message, or null.
   *
   * @param soft also check soft conflicts (other references, stopped containers)
   * @param activeReference check remaining references (part of the soft set)
   */
  private String conflict(Digest id, boolean hard, boolean soft, boolean activeReference) {
    if (hard && hasChildren(id)) {
      return message(id, true, "image has dependent child images");
    }
    if (activeReference && !store.refs().referencesTo(id).isEmpty()) {
      return message(id, false, "image is referenced in multiple repositories");
    }
    Optional<ImageUser> user = usedBy.apply(id);
    if (user.isPresent() && user.get().running()) {
      return message(id, true, "image is being used by running container " + Ids.shortId(user.get().containerId()));
    }
    if (soft && user.isPresent()) {
      return message(id, false, "image is being used by stopped container " + Ids.shortId(user.get().containerId()));
    }
    return null;
  }

  private static String message(Digest id, boolean hard, String why) {
    return "conflict: unable to delete " + id.shortHex() + " (" + (hard ? "cannot be forced" : "must be forced")
        + ") - " + why;
  }

  private boolean hasChildren(Digest id) {
    return store.images().values().stream().anyMatch(e -> id.equals(e.parent()));
  }

  PruneResult prune(boolean all) {
    List<DeleteResult> records = new ArrayList<>();
    long freed = 0;
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Digest id : List.copyOf(store.images().keySet())) {
        if (!store.images().containsKey(id) || hasChildren(id) || usedBy.apply(id).isPresent()) {
          continue;
        }
        List<ImageRef> names = store.refs().referencesTo(id);
        if (!all && !names.isEmpty()) {
          continue;
        }
        for (ImageRef r : names) {
          store.refs().remove(r);
          records.add(new DeleteResult(r.familiarString(), null));
        }
        freed += store.deleteLocked(id, records);
        progress = true;
      }
    }
    return new PruneResult(records, freed);
  }
}

package berth.engine;

import berth.api.model.ContainerConfig;
import berth.api.model.IdResponse;
import berth.api.model.ImageDeleteItem;
import berth.api.model.ImageHistoryItem;
import berth.api.model.ImageInspect;
import berth.api.model.ImagePruneReport;
import berth.api.model.ImageSummary;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/** Local images: list, inspect, history, tag, remove, prune, import, save, load, commit. */
public interface ImageService {
  List<ImageSummary> list(boolean all, Map<String, List<String>> filters);

  ImageInspect inspect(String ref);

  List<ImageHistoryItem> history(String ref);

  /** Tags {@code ref} as repo:tag (tag null or empty: latest). */
  void tag(String ref, String repo, String tag);

  List<ImageDeleteItem> remove(String ref, boolean force, boolean noPrune);

  ImagePruneReport prune(Map<String, List<String>> filters);

  /**
   * `docker import`: a rootfs tar becomes a one-layer image. {@code changes} are Dockerfile
   * instructions (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, USER, VOLUME, WORKDIR, STOPSIGNAL).
   * Returns the new image id ("sha256:...").
   */
  String importImage(InputStream tar, String repo, String tag, List<String> changes, String message, String platform);

  /** Writes the `docker save` tar. Unknown names raise NotFound before anything is written. */
  void save(List<String> names, OutputStream out);

  /** Reads a `docker save` tar; returns the lines Docker prints ("Loaded image: busybox:latest"). */
  List<String> load(InputStream tar, boolean quiet);

  /** Commits a container's changes as a new image; {@code config} overrides the container's config. */
  IdResponse commit(String containerRef, String repo, String tag, String comment, String author, boolean pause,
      List<String> changes, ContainerConfig config);
}

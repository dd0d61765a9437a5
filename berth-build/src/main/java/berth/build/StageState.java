package berth.build;

import berth.core.Digest;
import berth.image.Image;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a stage stands after each step: the image it is at (null before any step on scratch),
 * the runtime config being built, history, layers, and the build args declared so far.
 */
final class StageState {
  Image image;
  RunConfig config = new RunConfig();
  List<Image.HistoryEntry> history = new ArrayList<>();
  List<Digest> diffIds = new ArrayList<>();
  String author = "";
  String architecture;
  String os = "linux";
  /** ARGs declared in this stage, with the value in effect (null: declared, no value). */
  final Map<String, String> args = new LinkedHashMap<>();
  /** Whether CMD was set in this stage (ENTRYPOINT then keeps it). */
  boolean cmdSet;

  String imageId() {
    return image == null ? "" : image.id().toString();
  }

  String topSnapshot() {
    return image == null ? null : image.topSnapshot();
  }

  /** Moves to {@code img}: its config, history and layers become the state. */
  void at(Image img) {
    image = img;
    config = RunConfig.of(img.config());
    history = new ArrayList<>(img.history());
    diffIds = new ArrayList<>(img.diffIds());
    author = img.author() == null ? "" : img.author();
    if (img.architecture() != null && !img.architecture().isEmpty()) {
      architecture = img.architecture();
    }
    if (img.os() != null && !img.os().isEmpty()) {
      os = img.os();
    }
  }

  /** A history entry for a step made now. */
  Image.HistoryEntry entry(String createdBy, boolean emptyLayer) {
    return new Image.HistoryEntry(Instant.now(), createdBy, author, "", emptyLayer);
  }
}

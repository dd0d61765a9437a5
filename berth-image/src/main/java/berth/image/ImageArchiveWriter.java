package berth.image;

import berth.content.ContentStore;
import berth.core.Digest;
import berth.core.ImageRef;
import berth.core.Json;
import berth.core.errors.Internal;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes the {@code docker save} tar as Docker 25+ does: an OCI image layout ({@code oci-layout},
 * {@code index.json}, {@code blobs/sha256/*} holding configs, manifests and uncompressed layer
 * tars) plus Docker's {@code manifest.json} and {@code repositories} pointing into the blobs.
 */
final class ImageArchiveWriter {
  static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";
  static final String CONFIG_TYPE = "application/vnd.oci.image.config.v1+json";
  static final String LAYER_TYPE = "application/vnd.oci.image.layer.v1.tar";

  /** One image to save, under the given names (none: saved by id). */
  record Item(Digest id, byte[] config, List<Digest> diffIds, List<ImageRef> tags) {}

  private final ContentStore content;

  ImageArchiveWriter(ContentStore content) {
    this.content = content;
  }

  void write(List<Item> items, OutputStream out) {
    try {
      TarArchiveOutputStream tar = new TarArchiveOutputStream(new NoClose(out));
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      dir(tar, "blobs/");
      dir(tar, "blobs/sha256/");
      Set<Digest> written = new HashSet<>();
      ArrayNode index = Json.MAPPER.createArrayNode();
      ArrayNode manifest = Json.MAPPER.createArrayNode();
      ObjectNode repositories = Json.MAPPER.createObjectNode();
      for (Item item : items) {
        writeItem(tar, item, written, index, manifest, repositories);
      }
      ObjectNode idx = Json.MAPPER.createObjectNode();
      idx.put("schemaVersion", 2);
      idx.put("mediaType", "application/vnd.oci.image.index.v1+json");
      idx.set("manifests", index);
      file(tar, "index.json", Json.MAPPER.writeValueAsBytes(idx));
      file(tar, "manifest.json", Json.MAPPER.writeValueAsBytes(manifest));
      file(tar, "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
      if (!repositories.isEmpty()) {
        file(tar, "repositories", Json.MAPPER.writeValueAsBytes(repositories));
      }
      tar.finish();
      tar.close();
    } catch (IOException e) {
      throw new Internal("save: " + e.getMessage(), e);
    }
  }

  private void writeItem(TarArchiveOutputStream tar, Item item, Set<Digest> written, ArrayNode index,
      ArrayNode manifest, ObjectNode repositories) throws IOException {
    if (written.add(item.id())) {
      file(tar, blobPath(item.id()), item.config());
    }
    ObjectNode m = Json.MAPPER.createObjectNode();
    m.put("schemaVersion", 2);
    m.put("mediaType", MANIFEST_TYPE);
    m.set("config", descriptor(CONFIG_TYPE, item.id(), item.config().length));
    ArrayNode layers = m.putArray("layers");
    ObjectNode entry = Json.MAPPER.createObjectNode();
    entry.put("Config", blobPath(item.id()));
    ArrayNode tags = entry.putArray("RepoTags");
    ArrayNode layerPaths = entry.putArray("Layers");
    for (Digest d : item.diffIds()) {
      long size = content.size(d);
      layers.add(descriptor(LAYER_TYPE, d, size));
      layerPaths.add(blobPath(d));
      if (written.add(d)) {
        blob(tar, d, size);
      }
    }
    byte[] mbytes = Json.MAPPER.writeValueAsBytes(m);
    Digest md = Digest.of(mbytes);
    if (written.add(md)) {
      file(tar, blobPath(md), mbytes);
    }
    for (ImageRef t : item.tags()) {
      tags.add(t.familiarString());
      ObjectNode d = descriptor(MANIFEST_TYPE, md, mbytes.length);
      ObjectNode ann = d.putObject("annotations");
      ann.put("io.containerd.image.name", t.toString());
      ann.put("org.opencontainers.image.ref.name", t.tag());
      index.add(d);
      if (!item.diffIds().isEmpty()) {
        ((ObjectNode) repositories.with(t.familiarName())).put(t.tag(), item.diffIds().getLast().hex());
      }
    }
    if (item.tags().isEmpty()) {
      index.add(descriptor(MANIFEST_TYPE, md, mbytes.length));
    }
    manifest.add(entry);
  }

  private static ObjectNode descriptor(String type, Digest d, long size) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("mediaType", type);
    n.put("digest", d.toString());
    n.put("size", size);
    return n;
  }

  static String blobPath(Digest d) {
    return "blobs/sha256/" + d.hex();
  }

  private static void dir(TarArchiveOutputStream tar, String name) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_DIR);
    e.setMode(040755);
    e.setLastModifiedTime(FileTime.from(Instant.EPOCH));
    tar.putArchiveEntry(e);
    tar.closeArchiveEntry();
  }

  private static void file(TarArchiveOutputStream tar, String name, byte[] data) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_NORMAL);
    e.setMode(0100644);
    e.setSize(data.length);
    e.setLastModifiedTime(FileTime.from(Instant.EPOCH));
    tar.putArchiveEntry(e);
    tar.write(data);
    tar.closeArchiveEntry();
  }

  private void blob(TarArchiveOutputStream tar, Digest d, long size) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(blobPath(d), TarConstants.LF_NORMAL);
    e.setMode(0100644);
    e.setSize(size);
    e.setLastModifiedTime(FileTime.from(Instant.EPOCH));
    tar.putArchiveEntry(e);
    try (InputStream in = content.open(d)) {
      in.transferTo(tar);
    }
    tar.closeArchiveEntry();
  }

  /** The caller owns the response stream. */
  private static final class NoClose extends java.io.FilterOutputStream {
    NoClose(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}

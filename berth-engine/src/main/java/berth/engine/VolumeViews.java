package berth.engine;

import berth.volume.Volume;
import berth.volume.VolumeStore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Docker's Volume object, shared by {@code /volumes} and {@code /system/df} so both answer the same
 * shape. UsageData (size on disk, number of containers referencing it) only when asked for: it walks
 * the volume's files.
 */
public final class VolumeViews {
  private VolumeViews() {}

  public static Map<String, Object> json(VolumeStore store, Volume v, boolean usage) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("CreatedAt", v.createdAt());
    m.put("Driver", v.driver());
    m.put("Labels", v.labels() == null || v.labels().isEmpty() ? null : v.labels());
    m.put("Mountpoint", v.mountpoint());
    m.put("Name", v.name());
    m.put("Options", v.options() == null || v.options().isEmpty() ? null : v.options());
    m.put("Scope", v.scope());
    if (usage) {
      m.put("UsageData", Map.of("Size", store.size(v.name()), "RefCount", store.refCount(v.name())));
    }
    return m;
  }
}

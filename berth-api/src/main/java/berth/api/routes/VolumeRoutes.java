package berth.api.routes;

import berth.api.http.Router;
import berth.engine.VolumeViews;
import berth.volume.Volume;
import berth.volume.VolumeStore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * /volumes: list, create, inspect, remove, prune, in Docker's JSON. Translates only: names,
 * in-use refusal (409 "volume is in use") and prune rules (anonymous only unless all=true) are
 * the volume store's.
 */
public final class VolumeRoutes {
  private final VolumeStore volumes;

  public VolumeRoutes(VolumeStore volumes) {
    this.volumes = volumes;
  }

  public void register(Router r) {
    r.get("/volumes", (q, s) -> {
      List<Map<String, Object>> out = new ArrayList<>();
      for (Volume v : volumes.list(q.filters())) {
        out.add(json(v, false));
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Volumes", out);
      m.put("Warnings", null);
      s.json(200, m);
    });
    r.post("/volumes/create", (q, s) -> {
      CreateBody b = q.json(CreateBody.class);
      if (b == null) {
        b = new CreateBody();
      }
      Volume v = volumes.create(b.name, b.driver, b.labels, b.driverOpts, false);
      s.json(201, json(v, false));
    });
    r.get("/volumes/{name}", (q, s) -> s.json(200, json(volumes.get(q.param("name")), false)));
    r.delete("/volumes/{name}", (q, s) -> {
      volumes.remove(q.param("name"), q.bool("force"));
      s.empty(204);
    });
    r.post("/volumes/prune", (q, s) -> {
      VolumeStore.PruneReport p = volumes.prune(q.filters());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("VolumesDeleted", p.volumesDeleted().isEmpty() ? null : p.volumesDeleted());
      m.put("SpaceReclaimed", p.spaceReclaimed());
      s.json(200, m);
    });
  }

  private Map<String, Object> json(Volume v, boolean usage) {
    return VolumeViews.json(volumes, v, usage);
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  static final class CreateBody {
    @JsonProperty("Name") String name;
    @JsonProperty("Driver") String driver;
    @JsonProperty("DriverOpts") Map<String, String> driverOpts;
    @JsonProperty("Labels") Map<String, String> labels;
  }
}

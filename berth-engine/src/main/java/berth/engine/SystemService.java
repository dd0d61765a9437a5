package berth.engine;

import berth.api.model.Info;
import berth.api.model.SystemDf;
import berth.api.model.Version;
import java.util.List;

/** Facts about the daemon: /version, /info, /system/df, and what /_ping's headers carry. */
public interface SystemService {
  Version version();

  Info info();

  /** {@code types}: container, image, volume, build-cache; null or empty means all. */
  SystemDf df(List<String> types);

  Ping ping();

  /** Headers of /_ping: Api-Version, OSType, Docker-Experimental, Builder-Version. */
  record Ping(String apiVersion, String osType, boolean experimental, String builderVersion) {}
}

package berth.compose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/** The resolved model written back as YAML, block style, for {@code compose config}. */
public final class ModelYaml {
  private ModelYaml() {}

  public static String write(JsonNode model) {
    DumpSettings s = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(2)
        .setIndicatorIndent(0).build();
    return new Dump(s).dumpToString(plain(model));
  }

  private static Object plain(JsonNode n) {
    if (n.isObject()) {
      Map<String, Object> m = new LinkedHashMap<>();
      n.properties().forEach(e -> m.put(e.getKey(), plain(e.getValue())));
      return m;
    }
    if (n.isArray()) {
      List<Object> l = new ArrayList<>();
      n.forEach(x -> l.add(plain(x)));
      return l;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isIntegralNumber()) {
      return n.longValue();
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    return n.isNull() ? null : n.asText();
  }
}

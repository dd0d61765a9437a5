package berth.cli.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The PORTS column: {@code 0.0.0.0:8080->80/tcp, :::8080->80/tcp, 53/udp}. Docker also folds
 * consecutive ports into ranges; Berth lists them one by one.
 */
public final class Ports {
  private Ports() {}

  public static String display(JsonNode ports) {
    List<String> out = new ArrayList<>();
    for (JsonNode p : ports) {
      String type = p.path("Type").asText("tcp");
      int priv = p.path("PrivatePort").asInt();
      if (p.hasNonNull("PublicPort") && p.path("PublicPort").asInt() != 0) {
        String ip = p.path("IP").asText("");
        String host = ip.contains(":") ? "[" + ip + "]" : ip;
        if (ip.equals("::")) {
          host = "::";
        }
        out.add(host + ":" + p.path("PublicPort").asInt() + "->" + priv + "/" + type);
      } else {
        out.add(priv + "/" + type);
      }
    }
    return String.join(", ", out);
  }
}

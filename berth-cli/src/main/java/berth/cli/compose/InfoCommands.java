package berth.cli.compose;

import berth.cli.format.OutputFormat;
import berth.cli.format.TabWriter;
import berth.client.JsonTrees;
import berth.compose.ComposeException;
import berth.compose.Labels;
import berth.compose.ModelYaml;
import berth.compose.Project;
import berth.compose.ProjectContainers;
import berth.core.errors.NotFound;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** config, ls, images, port, top, version, pull, build. */
final class InfoCommands {
  private InfoCommands() {}

  @Command(name = "config", description = "Parse, resolve and render compose file in canonical format")
  static final class Config extends ComposeSubcommand {
    @Option(names = "--services", description = "Print the service names, one per line")
    boolean services;

    @Option(names = "--volumes", description = "Print the volume names, one per line")
    boolean volumes;

    @Option(names = {"-q", "--quiet"}, description = "Only validate the configuration, don't print anything")
    boolean quiet;

    @Option(names = "--format", paramLabel = "string", defaultValue = "yaml", description = "Format the output. Values: [yaml | json]")
    String format;

    @Override
    int run() {
      Project p = compose.project();
      if (quiet) {
        return 0;
      }
      if (services) {
        p.services().keySet().forEach(out()::println);
      } else if (volumes) {
        p.volumes().keySet().forEach(out()::println);
      } else if (format.equals("json")) {
        out().println(berth.cli.format.JsonIndent.indent(p.model()));
      } else {
        out().print(ModelYaml.write(p.model()));
      }
      return 0;
    }
  }

  @Command(name = "ls", description = "List running compose projects")
  static final class Ls extends ComposeSubcommand {
    @Option(names = {"-a", "--all"}, description = "Show all stopped Compose projects")
    boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Only display project names")
    boolean quiet;

    @Option(names = "--format", paramLabel = "string", defaultValue = "table", description = "Format the output. Values: [table | json]")
    String format;

    @Override
    int run() {
      JsonNode list = compose.root().client().containers().list(true, 0, false, Map.of("label", List.of(Labels.PROJECT)));
      Map<String, Map<String, Integer>> states = new TreeMap<>();
      Map<String, String> files = new LinkedHashMap<>();
      for (JsonNode c : list) {
        String proj = c.path("Labels").path(Labels.PROJECT).asText();
        states.computeIfAbsent(proj, k -> new TreeMap<>()).merge(ProjectContainers.state(c), 1, Integer::sum);
        files.putIfAbsent(proj, c.path("Labels").path(Labels.CONFIG_FILES).asText());
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      states.forEach((proj, st) -> {
        if (!all && !st.containsKey("running")) {
          return;
        }
        List<String> parts = new ArrayList<>();
        st.forEach((k, v) -> parts.add(k + "(" + v + ")"));
        Map<String, Object> r = new TreeMap<>();
        r.put("Name", proj);
        r.put("Status", String.join(", ", parts));
        r.put("ConfigFiles", files.get(proj));
        rows.add(r);
      });
      if (quiet) {
        rows.forEach(r -> out().println(r.get("Name")));
        return 0;
      }
      if (format.equals("json")) {
        out().println(JsonTrees.writeString(rows));
        return 0;
      }
      Map<String, Object> h = Map.of("Name", "NAME", "Status", "STATUS", "ConfigFiles", "CONFIG FILES");
      out().print(OutputFormat.of(format, "{{.Name}}\t{{.Status}}\t{{.ConfigFiles}}").render(h, rows));
      return 0;
    }
  }

  @Command(name = "images", description = "List images used by the created containers")
  static final class Images extends ComposeSubcommand {
    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = List.of();

    @Option(names = {"-q", "--quiet"}, description = "Only display IDs")
    boolean quiet;

    @Override
    int run() {
      Project p = compose.projectOrName();
      StringBuilder sb = new StringBuilder("CONTAINER\tREPOSITORY\tTAG\tIMAGE ID\tSIZE\n");
      for (JsonNode c : compose.service().containers(p, services, true)) {
        String image = c.path("Image").asText();
        JsonNode img;
        try {
          img = compose.root().client().images().inspect(image);
        } catch (NotFound e) {
          continue;
        }
        String id = img.path("Id").asText().replace("sha256:", "");
        if (quiet) {
          out().println(id);
          continue;
        }
        int colon = image.lastIndexOf(':');
        boolean tagged = colon > image.lastIndexOf('/');
        sb.append(ProjectContainers.name(c)).append('\t').append(tagged ? image.substring(0, colon) : image).append('\t')
            .append(tagged ? image.substring(colon + 1) : "latest").append('\t').append(id, 0, Math.min(12, id.length()))
            .append('\t').append(berth.cli.format.Units.humanSize(img.path("Size").asLong(), 3)).append('\n');
      }
      if (!quiet) {
        out().print(TabWriter.docker().format(sb.toString()));
      }
      return 0;
    }
  }

  @Command(name = "port", description = "Print the public port for a port binding")
  static final class Port extends ComposeSubcommand {
    @Parameters(index = "0", paramLabel = "SERVICE")
    String service;

    @Parameters(index = "1", paramLabel = "PRIVATE_PORT")
    String port;

    @Option(names = "--protocol", paramLabel = "string", defaultValue = "tcp", description = "tcp or udp")
    String protocol;

    @Option(names = "--index", paramLabel = "int", defaultValue = "1", description = "Index of the container if service has multiple replicas")
    int index;

    @Override
    int run() {
      Project p = compose.project();
      JsonNode ctr = compose.service().containers(p, List.of(service), false).stream()
          .filter(c -> ProjectContainers.number(c) == index).findFirst()
          .orElseThrow(() -> new ComposeException("service \"" + service + "\" is not running"));
      JsonNode bindings = compose.root().client().containers().inspect(ProjectContainers.id(ctr), false)
          .path("NetworkSettings").path("Ports").path(port + "/" + protocol);
      if (!bindings.isArray() || bindings.isEmpty()) {
        throw new ComposeException("no port " + port + "/" + protocol + " for container " + ProjectContainers.name(ctr));
      }
      JsonNode b = bindings.get(0);
      out().println(b.path("HostIp").asText("0.0.0.0") + ":" + b.path("HostPort").asText());
      return 0;
    }
  }

  @Command(name = "top", description = "Display the running processes")
  static final class Top extends ComposeSubcommand {
    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = List.of();

    @Override
    int run() {
      Project p = compose.projectOrName();
      for (JsonNode c : compose.service().containers(p, services, false)) {
        JsonNode top = compose.root().client().containers().top(ProjectContainers.id(c), null);
        out().println(ProjectContainers.name(c));
        StringBuilder sb = new StringBuilder();
        List<String> titles = new ArrayList<>();
        top.path("Titles").forEach(t -> titles.add(t.asText()));
        sb.append(String.join("\t", titles)).append('\n');
        for (JsonNode proc : top.path("Processes")) {
          List<String> cells = new ArrayList<>();
          proc.forEach(x -> cells.add(x.asText()));
          sb.append(String.join("\t", cells)).append('\n');
        }
        out().print(TabWriter.docker().format(sb.toString()));
        out().println();
      }
      return 0;
    }
  }

  @Command(name = "version", description = "Show the Docker Compose version information")
  static final class Version extends ComposeSubcommand {
    @Option(names = "--short", description = "Shows only Compose's version number")
    boolean shortForm;

    @Option(names = {"-f", "--format"}, paramLabel = "string", description = "Format the output. Values: [pretty | json]")
    String format;

    @Override
    int run() {
      if (shortForm) {
        out().println(Labels.COMPOSE_VERSION);
      } else if ("json".equals(format)) {
        out().println("{\"version\":\"v" + Labels.COMPOSE_VERSION + "\"}");
      } else {
        out().println("Berth Compose version v" + Labels.COMPOSE_VERSION);
      }
      return 0;
    }
  }

  @Command(name = "pull", description = "Pull service images")
  static final class Pull extends ComposeSubcommand {
    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = List.of();

    @Override
    int run() {
      compose.service().pull(compose.project(), services);
      return 0;
    }
  }

  @Command(name = "build", description = "Build or rebuild services")
  static final class Build extends ComposeSubcommand {
    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = List.of();

    @Override
    int run() {
      compose.service().build(compose.project(), services);
      return 0;
    }
  }
}

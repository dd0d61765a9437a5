package berth.compose.load;

import berth.compose.ComposeException;
import berth.compose.Project;
import berth.compose.Service;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a project as Docker's compose does, in this order: find the files; the project directory;
 * the environment ({@code .env} or {@code --env-file}, under the process environment); for each
 * file YAML, interpolation, schema check and normalization; merge of the files in order; extends;
 * the project name; profiles; env_file and environment; and last the reference checks (undefined
 * services, networks and volumes, depends_on cycles), so nothing is created for a broken project.
 */
public final class ProjectLoader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final LoadOptions options;
  private Map<String, String> env;
  private Path projectDir;

  private ProjectLoader(LoadOptions options) {
    this.options = options;
  }

  public static Project load(LoadOptions options) {
    return new ProjectLoader(options).load();
  }

  private Project load() {
    Path wd = options.workingDir().toAbsolutePath().normalize();
    List<Path> files = ComposeFiles.find(wd, options.files(), options.osEnv().get("COMPOSE_FILE"));
    projectDir = options.projectDirectory() != null ? wd.resolve(options.projectDirectory()).normalize()
        : files.getFirst().getParent();
    env = environment(wd);
    ObjectNode model = null;
    for (Path f : files) {
      ObjectNode one = loadFile(f, projectDir);
      model = model == null ? one : Merger.merge(model, one);
    }
    ObjectNode services = model.withObject("services");
    resolveExtends(services, files.getFirst());
    String name = projectName(model);
    model.put("name", name);
    model.remove("version");
    Set<String> disabled = applyProfiles(services);
    for (var e : services.properties()) {
      resolveEnvironment((ObjectNode) e.getValue());
    }
    Map<String, ObjectNode> networks = objects(model.get("networks"));
    Map<String, ObjectNode> volumes = objects(model.get("volumes"));
    Map<String, Service> active = new LinkedHashMap<>();
    services.properties().forEach(e -> active.put(e.getKey(), new Service(e.getKey(), (ObjectNode) e.getValue())));
    if (active.values().stream().anyMatch(s -> s.networks().contains("default")) && !networks.containsKey("default")) {
      networks.put("default", NODES.objectNode());
      model.withObject("networks").set("default", NODES.objectNode());
    }
    checkReferences(active, disabled, networks, volumes);
    return new Project(name, projectDir, files, active, networks, volumes, model, disabled, env);
  }

  private Map<String, String> environment(Path wd) {
    Map<String, String> out = new LinkedHashMap<>();
    List<Path> envFiles = new ArrayList<>();
    if (!options.envFiles().isEmpty()) {
      options.envFiles().forEach(f -> envFiles.add(wd.resolve(f)));
      for (Path p : envFiles) {
        if (!Files.isRegularFile(p)) {
          throw new ComposeException("couldn't find env file: " + p);
        }
      }
    } else if (Files.isRegularFile(projectDir.resolve(".env"))) {
      envFiles.add(projectDir.resolve(".env"));
    }
    for (Path p : envFiles) {
      Map<String, String> scope = new HashMap<>(out);
      scope.putAll(options.osEnv());
      out.putAll(DotEnv.read(p, scope));
    }
    out.putAll(options.osEnv()); // the shell wins over .env
    return out;
  }

  ObjectNode loadFile(Path file, Path relativeTo) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ComposeException("open " + file + ": " + e.getMessage());
    }
    ObjectNode tree = ComposeYaml.parse(text, file.toString());
    if (tree.has("version")) {
      options.warnings().accept(file + ": the attribute `version` is obsolete, it will be ignored,"
          + " please remove it to avoid potential confusion");
    }
    Interpolation.apply(tree, env::get);
    Coercion.apply(tree, file.toString());
    SchemaCheck.validate(tree, file.toString());
    Normalizer.apply(tree, relativeTo);
    return tree;
  }

  private String projectName(ObjectNode model) {
    if (options.projectName() != null && !options.projectName().isEmpty()) {
      return ProjectName.check(options.projectName());
    }
    String fromEnv = env.get("COMPOSE_PROJECT_NAME");
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return ProjectName.check(fromEnv);
    }
    if (model.hasNonNull("name") && !model.get("name").asText().isEmpty()) {
      return ProjectName.check(model.get("name").asText());
    }
    String n = ProjectName.normalize(projectDir.getFileName() == null ? "" : projectDir.getFileName().toString());
    if (n.isEmpty()) {
      throw new ComposeException("project name must not be empty");
    }
    return n;
  }

  // ---- extends ------------------------------------------------------------------------------

  private void resolveExtends(ObjectNode services, Path file) {
    Map<String, ObjectNode> done = new HashMap<>();
    for (String name : iterable(services)) {
      services.set(name, resolve(name, services, file, done, new LinkedHashSet<>()));
    }
  }

  private ObjectNode resolve(String name, ObjectNode services, Path file, Map<String, ObjectNode> done, Set<String> stack) {
    String key = file + "#" + name;
    if (done.containsKey(key)) {
      return done.get(key);
    }
    if (!stack.add(key)) {
      throw new ComposeException("circular reference with extends in service " + name);
    }
    JsonNode node = services.get(name);
    if (!(node instanceof ObjectNode svc)) {
      throw new ComposeException("cannot extend service \"" + name + "\" in " + file + ": service not found");
    }
    JsonNode ext = svc.get("extends");
    ObjectNode result = svc;
    if (ext != null) {
      String baseName = ext.isTextual() ? ext.textValue() : ext.path("service").asText();
      ObjectNode baseServices = services;
      Path baseFile = file;
      if (ext.hasNonNull("file")) {
        baseFile = file.getParent().resolve(ext.get("file").asText()).normalize();
        if (!Files.isRegularFile(baseFile)) {
          throw new ComposeException("cannot read " + baseFile + " extended by service " + name);
        }
        baseServices = loadFile(baseFile, baseFile.getParent()).withObject("services");
      }
      if (!baseServices.has(baseName)) {
        throw new ComposeException("cannot extend service \"" + name + "\" in " + file + ": service \""
            + baseName + "\" not found in " + baseFile);
      }
      ObjectNode base = resolve(baseName, baseServices, baseFile, done, stack).deepCopy();
      ObjectNode local = svc.deepCopy();
      local.remove("extends");
      result = Merger.merge(base, local);
    }
    stack.remove(key);
    done.put(key, result);
    return result;
  }

  // ---- profiles, environment, references -----------------------------------------------------

  private Set<String> applyProfiles(ObjectNode services) {
    Set<String> active = new LinkedHashSet<>(options.profiles());
    String fromEnv = env.get("COMPOSE_PROFILES");
    if (active.isEmpty() && fromEnv != null && !fromEnv.isBlank()) {
      for (String p : fromEnv.split(",")) {
        active.add(p.strip());
      }
    }
    Set<String> disabled = new LinkedHashSet<>();
    for (String name : iterable(services)) {
      JsonNode profiles = services.get(name).get("profiles");
      if (profiles == null || profiles.isEmpty() || active.contains("*")) {
        continue;
      }
      boolean on = false;
      for (JsonNode p : profiles) {
        on |= active.contains(p.asText());
      }
      if (!on) {
        disabled.add(name);
        services.remove(name);
      }
    }
    return disabled;
  }

  private void resolveEnvironment(ObjectNode svc) {
    Map<String, String> vars = new LinkedHashMap<>();
    JsonNode envFiles = svc.remove("env_file");
    if (envFiles != null) {
      for (JsonNode f : envFiles) {
        Path p = Path.of(f.get("path").asText());
        if (!Files.isRegularFile(p)) {
          if (f.path("required").asBoolean(true)) {
            throw new ComposeException("env file " + p + " not found: stat " + p + ": no such file or directory");
          }
          continue;
        }
        vars.putAll(DotEnv.read(p, env));
      }
    }
    if (svc.get("environment") instanceof ObjectNode m) {
      m.properties().forEach(e -> {
        if (e.getValue().isNull()) {
          String v = env.get(e.getKey());
          if (v != null) {
            vars.put(e.getKey(), v);
          } else {
            vars.remove(e.getKey());
          }
        } else {
          vars.put(e.getKey(), e.getValue().asText());
        }
      });
    }
    if (!vars.isEmpty() || svc.has("environment")) {
      ObjectNode m = NODES.objectNode();
      vars.forEach(m::put);
      svc.set("environment", m);
    }
  }

  private static void checkReferences(Map<String, Service> services, Set<String> disabled,
      Map<String, ObjectNode> networks, Map<String, ObjectNode> volumes) {
    Map<String, Collection<String>> edges = new LinkedHashMap<>();
    for (Service s : services.values()) {
      List<String> deps = new ArrayList<>();
      for (String d : s.dependsOn().keySet()) {
        if (disabled.contains(d)) {
          throw new ComposeException("service \"" + d + "\" was pulled in as a dependency of service \"" + s.name()
              + "\" but is not enabled by the active profiles. You may fix this by adding a common profile to \""
              + d + "\" and \"" + s.name() + "\".");
        }
        if (!services.containsKey(d)) {
          if (!s.dependencyRequired(d)) {
            continue;
          }
          throw new ComposeException("service \"" + s.name() + "\" depends on undefined service \"" + d + "\": invalid compose project");
        }
        deps.add(d);
      }
      String mode = s.config().path("network_mode").asText("");
      if (mode.startsWith("service:")) {
        String target = mode.substring("service:".length());
        if (!services.containsKey(target)) {
          throw new ComposeException("service \"" + s.name() + "\" depends on undefined service \"" + target + "\": invalid compose project");
        }
        deps.add(target);
      }
      edges.put(s.name(), deps);
      for (String n : s.networks()) {
        if (!networks.containsKey(n) && !n.equals("default")) {
          throw new ComposeException("service \"" + s.name() + "\" refers to undefined network " + n + ": invalid compose project");
        }
      }
      for (String v : s.namedVolumes()) {
        if (!volumes.containsKey(v)) {
          throw new ComposeException("service \"" + s.name() + "\" refers to undefined volume " + v + ": invalid compose project");
        }
      }
    }
    new DependencyGraph(edges).startOrder();
  }

  private static Map<String, ObjectNode> objects(JsonNode n) {
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    if (n instanceof ObjectNode o) {
      o.properties().forEach(e -> out.put(e.getKey(), e.getValue() instanceof ObjectNode v ? v : NODES.objectNode()));
    }
    return out;
  }

  private static List<String> iterable(ObjectNode o) {
    List<String> names = new ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    return names;
  }
}

package berth.compose.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.compose.ComposeException;
import berth.compose.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectLoaderTest {
  @TempDir
  Path tmp;

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private Project load(LoadOptions o) {
    return ProjectLoader.load(o);
  }

  @Test
  void findsTheFileUpwardsAndNamesTheProjectAfterItsDirectory() throws IOException {
    write("My App.dir/compose.yaml", "services:\n  web:\n    image: busybox\n");
    Path deep = Files.createDirectories(tmp.resolve("My App.dir/src/deeper"));
    Project p = load(LoadOptions.in(deep));
    assertThat(p.name()).isEqualTo("myappdir");
    assertThat(p.workingDir()).isEqualTo(tmp.resolve("My App.dir"));
    assertThat(p.configFiles()).containsExactly(tmp.resolve("My App.dir/compose.yaml"));
    assertThat(p.services()).containsOnlyKeys("web");
    assertThat(p.networks()).containsOnlyKeys("default");
    assertThat(p.networkName("default")).isEqualTo("myappdir_default");
  }

  @Test
  void prefersComposeYamlAndAddsTheOverrideFile() throws IOException {
    write("docker-compose.yml", "services:\n  old:\n    image: busybox\n");
    write("compose.yaml", "services:\n  web:\n    image: busybox\n    ports: ['80:80']\n");
    write("compose.override.yaml", "services:\n  web:\n    ports: ['81:81']\n");
    Project p = load(LoadOptions.in(tmp));
    assertThat(p.services()).containsOnlyKeys("web");
    assertThat(p.service("web").config().get("ports").toString()).isEqualTo("[\"80:80\",\"81:81\"]");
  }

  @Test
  void noFileIsAnError() {
    assertThatThrownBy(() -> load(LoadOptions.in(tmp))).hasMessage("no configuration file provided: not found");
    assertThatThrownBy(() -> load(LoadOptions.in(tmp).withFiles("nope.yml"))).hasMessageContaining("nope.yml: no such file");
  }

  @Test
  void projectNameFromFlagThenEnvThenFileThenDirectory() throws IOException {
    write("compose.yaml", "name: fromfile\nservices:\n  web:\n    image: busybox\n");
    assertThat(load(LoadOptions.in(tmp)).name()).isEqualTo("fromfile");
    assertThat(load(LoadOptions.in(tmp).withEnv(Map.of("COMPOSE_PROJECT_NAME", "fromenv"))).name()).isEqualTo("fromenv");
    assertThat(load(LoadOptions.in(tmp).withProjectName("flag").withEnv(Map.of("COMPOSE_PROJECT_NAME", "x"))).name()).isEqualTo("flag");
    assertThatThrownBy(() -> load(LoadOptions.in(tmp).withProjectName("Bad Name")))
        .hasMessageContaining("invalid project name \"Bad Name\"");
  }

  @ParameterizedTest
  @CsvSource({"My_App,my_app", "__x-Y.z,x-yz", "web2,web2", "-a-,a-"})
  void normalizesDirectoryNames(String dir, String name) {
    assertThat(ProjectName.normalize(dir)).isEqualTo(name);
  }

  @Test
  void interpolatesFromDotEnvUnderTheShell() throws IOException {
    write(".env", "TAG=1.0\nPORT=8080\nPRIV=true\nREPLICAS=2\n");
    write("compose.yaml", """
        services:
          web:
            image: "busybox:${TAG}"
            ports: ["${PORT}:80"]
            privileged: ${PRIV}
            scale: ${REPLICAS}
            environment:
              LITERAL: "$$HOME"
              DEFAULTED: ${MISSING:-fallback}
        """);
    Project p = load(LoadOptions.in(tmp).withEnv(Map.of("PORT", "9090")));
    var web = p.service("web").config();
    assertThat(web.get("image").asText()).isEqualTo("busybox:1.0");
    assertThat(web.get("ports").get(0).asText()).isEqualTo("9090:80");
    assertThat(web.get("privileged").asBoolean()).isTrue();
    assertThat(p.service("web").replicas()).isEqualTo(2);
    assertThat(web.get("environment").get("LITERAL").asText()).isEqualTo("$HOME");
    assertThat(web.get("environment").get("DEFAULTED").asText()).isEqualTo("fallback");
  }

  @Test
  void envFileFlagReplacesDotEnv() throws IOException {
    write(".env", "TAG=dotenv\n");
    write("other.env", "TAG=other\n");
    write("compose.yaml", "services:\n  web:\n    image: busybox:${TAG}\n");
    assertThat(load(LoadOptions.in(tmp).withEnvFiles("other.env")).service("web").config().get("image").asText())
        .isEqualTo("busybox:other");
    assertThatThrownBy(() -> load(LoadOptions.in(tmp).withEnvFiles("missing.env"))).hasMessageContaining("missing.env");
  }

  @Test
  void requiredVariableMissingNamesTheKey() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: ${IMAGE:?set IMAGE first}\n");
    assertThatThrownBy(() -> load(LoadOptions.in(tmp)))
        .hasMessage("error while interpolating services.web.image: required variable IMAGE is missing a value: set IMAGE first");
  }

  @Test
  void anchorsMergeKeysAndExtensions() throws IOException {
    write("compose.yaml", """
        x-common: &common
          image: busybox
          environment:
            A: "1"
          restart: always
        services:
          one:
            <<: *common
            restart: "no"
          two:
            <<: [*common]
            command: ["sleep", "1"]
        """);
    Project p = load(LoadOptions.in(tmp));
    assertThat(p.service("one").config().get("image").asText()).isEqualTo("busybox");
    assertThat(p.service("one").config().get("restart").asText()).isEqualTo("no");
    assertThat(p.service("two").config().get("restart").asText()).isEqualTo("always");
    assertThat(p.service("two").config().get("environment").get("A").asText()).isEqualTo("1");
    assertThat(p.model().has("x-common")).isTrue();
  }

  @Test
  void obsoleteVersionIsAcceptedWithAWarning() throws IOException {
    Path f = write("compose.yaml", "version: '3.8'\nservices:\n  web:\n    image: busybox\n");
    List<String> warnings = new ArrayList<>();
    Project p = load(LoadOptions.in(tmp).withWarnings(warnings::add));
    assertThat(p.services()).containsOnlyKeys("web");
    assertThat(warnings).containsExactly(f + ": the attribute `version` is obsolete, it will be ignored,"
        + " please remove it to avoid potential confusion");
  }

  @Test
  void twoFilesMergeByTheSpecsRules() throws IOException {
    write("base.yml", """
        services:
          web:
            image: busybox
            command: sleep 100
            environment: [A=1, B=2]
            ports: ["80:80"]
            volumes: ["data:/data", "./conf:/conf:ro"]
            labels: {team: a}
        volumes:
          data: {}
        """);
    write("prod.yml", """
        services:
          web:
            command: ["sleep", "200"]
            environment: {B: "3", C: "4"}
            ports: ["443:443"]
            volumes: ["./prod-conf:/conf"]
        """);
    Project p = load(LoadOptions.in(tmp).withFiles("base.yml", "prod.yml"));
    var web = p.service("web").config();
    assertThat(web.get("command").toString()).isEqualTo("[\"sleep\",\"200\"]");
    assertThat(web.get("environment").toString()).isEqualTo("{\"A\":\"1\",\"B\":\"3\",\"C\":\"4\"}");
    assertThat(web.get("ports").toString()).isEqualTo("[\"80:80\",\"443:443\"]");
    assertThat(web.get("volumes")).hasSize(2);
    assertThat(web.get("volumes").get(1).get("source").asText()).isEqualTo(tmp.resolve("prod-conf").toString());
    assertThat(web.get("labels").get("team").asText()).isEqualTo("a");
    assertThat(p.configFiles()).containsExactly(tmp.resolve("base.yml"), tmp.resolve("prod.yml"));
  }

  @Test
  void extendsInTheSameFileAndAnother() throws IOException {
    write("common/base.yml", """
        services:
          base:
            image: busybox
            environment: {FROM: base}
            volumes: ["./here:/here"]
        """);
    write("compose.yaml", """
        services:
          tmpl:
            image: busybox:old
            labels: {kind: tmpl}
          web:
            extends: tmpl
            image: busybox:new
          api:
            extends:
              file: common/base.yml
              service: base
            environment: {OWN: "yes"}
        """);
    Project p = load(LoadOptions.in(tmp));
    assertThat(p.service("web").config().get("image").asText()).isEqualTo("busybox:new");
    assertThat(p.service("web").config().get("labels").get("kind").asText()).isEqualTo("tmpl");
    assertThat(p.service("web").config().has("extends")).isFalse();
    var api = p.service("api").config();
    assertThat(api.get("environment").toString()).isEqualTo("{\"FROM\":\"base\",\"OWN\":\"yes\"}");
    assertThat(api.get("volumes").get(0).get("source").asText()).isEqualTo(tmp.resolve("common/here").toString());
  }

  @Test
  void extendsOfAMissingServiceIsRefused() throws IOException {
    write("compose.yaml", "services:\n  web:\n    extends: nothere\n    image: busybox\n");
    assertThatThrownBy(() -> load(LoadOptions.in(tmp))).hasMessageContaining("service \"nothere\" not found");
  }

  @Test
  void profilesSwitchServicesOnAndOff() throws IOException {
    write("compose.yaml", """
        services:
          web: {image: busybox}
          debug: {image: busybox, profiles: [dev]}
          tools: {image: busybox, profiles: [dev, ops]}
        """);
    assertThat(load(LoadOptions.in(tmp)).services()).containsOnlyKeys("web");
    assertThat(load(LoadOptions.in(tmp)).disabled()).containsExactly("debug", "tools");
    assertThat(load(LoadOptions.in(tmp).withProfiles("ops")).services()).containsOnlyKeys("web", "tools");
    assertThat(load(LoadOptions.in(tmp).withEnv(Map.of("COMPOSE_PROFILES", "dev"))).services()).containsOnlyKeys("web", "debug", "tools");
    assertThat(load(LoadOptions.in(tmp).withProfiles("*")).services()).hasSize(3);
  }

  @Test
  void aDependencyDisabledByProfilesIsRefused() throws IOException {
    write("compose.yaml", """
        services:
          web: {image: busybox, depends_on: [db]}
          db: {image: busybox, profiles: [db]}
        """);
    assertThatThrownBy(() -> load(LoadOptions.in(tmp))).hasMessageContaining("service \"db\" was pulled in as a dependency of service \"web\"");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "services: {web: {image: busybox, depends_on: [db]}} | service \"web\" depends on undefined service \"db\": invalid compose project",
      "services: {web: {image: busybox, networks: [front]}} | service \"web\" refers to undefined network front: invalid compose project",
      "services: {web: {image: busybox, volumes: ['data:/data']}} | service \"web\" refers to undefined volume data: invalid compose project",
      "services: {a: {image: busybox, depends_on: [b]}, b: {image: busybox, depends_on: [c]}, c: {image: busybox, depends_on: [a]}} | dependency cycle detected: a -> b -> c -> a",
      "services: {a: {image: busybox, depends_on: [a]}} | dependency cycle detected: a -> a",
  })
  void badReferencesAreRefused(String yaml, String message) throws IOException {
    write("compose.yaml", yaml);
    assertThatThrownBy(() -> load(LoadOptions.in(tmp))).isInstanceOf(ComposeException.class).hasMessage(message);
  }

  @Test
  void optionalMissingDependencyIsIgnored() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: busybox\n    depends_on:\n      db: {condition: service_started, required: false}\n");
    assertThat(load(LoadOptions.in(tmp)).service("web").dependsOn()).containsKey("db");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "services: {web: {image: busybox, foo: 1}} | services.web additional properties 'foo' not allowed",
      "services: {web: {image: busybox, privileged: maybe}} | services.web.privileged",
      "services: {web: {image: busybox, ports: {a: 1}}} | services.web.ports",
      "services: {web: {image: busybox, healthcheck: {retries: many}}} | services.web.healthcheck.retries",
      "services: {'bad name': {image: busybox}} | services additional properties 'bad name' not allowed",
      "servics: {} | additional properties 'servics' not allowed",
  })
  void schemaErrorsNameFileServiceAndKey(String yaml, String message) throws IOException {
    Path f = write("compose.yaml", yaml);
    assertThatThrownBy(() -> load(LoadOptions.in(tmp))).isInstanceOf(ComposeException.class)
        .hasMessageStartingWith("validating " + f + ": ").hasMessageContaining(message);
  }

  @Test
  void envFileAndEnvironment() throws IOException {
    write("web.env", "FROM_FILE=1\nSHARED=file\n");
    write("compose.yaml", """
        services:
          web:
            image: busybox
            env_file: web.env
            environment:
              SHARED: env
              FROM_SHELL:
              NOT_IN_SHELL:
        """);
    var env = load(LoadOptions.in(tmp).withEnv(Map.of("FROM_SHELL", "sh"))).service("web").config().get("environment");
    assertThat(env.toString()).isEqualTo("{\"FROM_FILE\":\"1\",\"SHARED\":\"env\",\"FROM_SHELL\":\"sh\"}");
  }

  @Test
  void shortVolumeSyntax() {
    assertThat(VolumeSpec.parseShort("/data").toString()).isEqualTo("{\"type\":\"volume\",\"target\":\"/data\"}");
    assertThat(VolumeSpec.parseShort("data:/data:ro").toString())
        .isEqualTo("{\"type\":\"volume\",\"source\":\"data\",\"target\":\"/data\",\"read_only\":true}");
    assertThat(VolumeSpec.parseShort("./x:/x").get("type").asText()).isEqualTo("bind");
    assertThatThrownBy(() -> VolumeSpec.parseShort("a:b:c:d")).hasMessageContaining("a:b:c:d");
    assertThatThrownBy(() -> VolumeSpec.parseShort("a:/b:bogus")).hasMessageContaining("unknown mode bogus");
  }

  @Test
  void malformedYamlNamesTheFile() throws IOException {
    Path f = write("compose.yaml", "services:\n  web: [\n");
    assertThatThrownBy(() -> load(LoadOptions.in(tmp))).isInstanceOf(ComposeException.class).hasMessageContaining(f.toString());
  }
}

package berth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import berth.core.Json;
import berth.runtime.oci.Spec;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerDefaultsTest {
  @Test
  void baseSpecLooksLikeDockers() throws Exception {
    Spec spec = DockerDefaults.builder().args(List.of("sh")).hostname("h").cgroupsPath("/berth/x").shmSize(1024).build();
    assertThat(spec.process().capabilities().bounding()).containsExactlyInAnyOrderElementsOf(Capabilities.DOCKER_DEFAULT);
    assertThat(spec.mounts()).extracting(Spec.Mount::destination)
        .containsExactly("/proc", "/dev", "/dev/pts", "/sys", "/sys/fs/cgroup", "/dev/mqueue", "/dev/shm");
    assertThat(spec.mounts().get(6).options()).contains("size=1024");
    assertThat(spec.linux().maskedPaths()).contains("/proc/kcore", "/sys/firmware");
    assertThat(spec.linux().readonlyPaths()).contains("/proc/sys", "/proc/sysrq-trigger");
    assertThat(spec.linux().namespaces()).extracting(Spec.Namespace::type)
        .containsExactly("pid", "ipc", "uts", "mount", "network");
    assertThat(spec.linux().resources().devices().getFirst().allow()).isFalse();
    JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(spec));
    assertThat(json.path("linux").path("cgroupsPath").asText()).isEqualTo("/berth/x");
    assertThat(json.path("process").has("apparmorProfile")).isFalse();
  }

  @Test
  void specRoundTripsThroughConfigJson(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    Spec spec = DockerDefaults.builder().args(List.of("sh", "-c", "true")).hostname("h").cgroupsPath("/berth/x")
        .consoleSize(24, 80).terminal(true).build();
    berth.runtime.oci.SpecFiles.write(dir, spec);
    assertThat(berth.runtime.oci.SpecFiles.read(dir)).isEqualTo(spec);
  }

  @Test
  void privilegedGetsAllCapsAndNoMasks() {
    Spec spec = DockerDefaults.builder().privileged(true).build();
    assertThat(spec.process().capabilities().effective()).isEqualTo(Capabilities.available());
    assertThat(spec.linux().maskedPaths()).isNull();
    assertThat(spec.linux().resources().devices()).singleElement().extracting(Spec.DeviceCgroup::allow).isEqualTo(true);
    assertThat(spec.linux().devices()).contains(new Spec.Device("c", "/dev/null", 1, 3, 0666, 0, 0));
  }

  @Test
  void networkModes() {
    assertThat(DockerDefaults.builder().hostNetwork().build().linux().namespaces())
        .extracting(Spec.Namespace::type).doesNotContain("network");
    assertThat(DockerDefaults.builder().networkNamespace("/var/run/netns/x").build().linux().namespaces())
        .contains(new Spec.Namespace("network", "/var/run/netns/x"));
    assertThat(DockerDefaults.builder().hostPid(true).hostIpc(true).hostUts(true).build().linux().namespaces())
        .extracting(Spec.Namespace::type).containsExactly("mount", "network");
  }

  @Test
  void extraMountReplacesDefaultAtSameDestination() {
    Spec spec = DockerDefaults.builder().mount(new Spec.Mount("/dev/shm", "bind", "/host/shm", List.of("rbind"))).build();
    assertThat(spec.mounts()).filteredOn(m -> m.destination().equals("/dev/shm")).singleElement()
        .extracting(Spec.Mount::type).isEqualTo("bind");
  }

  @Test
  void containerMountsGoAfterTheDefaultsShallowFirst() {
    Spec.Mount hosts = new Spec.Mount("/etc/hosts", "bind", "/x/hosts", List.of("rbind"));
    Spec.Mount data = new Spec.Mount("/data/deep/er", "bind", "/x/a", List.of("rbind"));
    Spec.Mount shm = new Spec.Mount("/dev/shm", "bind", "/x/shm", List.of("rbind"));
    Spec spec = DockerDefaults.builder().mount(hosts).mount(data).mount(shm).build();
    assertThat(spec.mounts()).extracting(Spec.Mount::destination).containsExactly(
        "/proc", "/dev", "/dev/pts", "/sys", "/sys/fs/cgroup", "/dev/mqueue", "/etc/hosts", "/dev/shm",
        "/data/deep/er");
    // a volume on /etc added later lands under /etc/hosts, and equal depths keep their order
    Spec.Mount etc = new Spec.Mount("/etc", "bind", "/v/etc", List.of("rbind"));
    Spec.Mount opt = new Spec.Mount("/opt/a", "bind", "/v/opt", List.of("rbind"));
    assertThat(DockerDefaults.withUserMounts(spec.mounts(), List.of(opt, etc)))
        .extracting(Spec.Mount::destination).containsExactly(
            "/proc", "/dev", "/dev/pts", "/sys", "/sys/fs/cgroup", "/dev/mqueue", "/etc", "/etc/hosts", "/dev/shm",
            "/opt/a", "/data/deep/er");
    assertThat(DockerDefaults.depth("/")).isZero();
    assertThat(DockerDefaults.depth("/a//b/")).isEqualTo(2);
  }
}

package berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.api.model.ContainerConfig;
import berth.api.model.HealthConfig;
import berth.api.model.HostConfig;
import berth.api.model.RestartPolicy;
import berth.api.model.Ulimit;
import berth.core.errors.InvalidArgument;
import berth.image.ImageConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PureLogicTest {
  @TempDir Path dir;

  static ImageConfig image(List<String> entrypoint, List<String> cmd, List<String> env) {
    return new ImageConfig(null, null, "app", null, null, null, Map.of("80/tcp", Map.of()), null, null, null, env, cmd,
        new ImageConfig.Healthcheck(List.of("CMD", "true"), 5L, 2L, null, null, 3), null, null, null, "/srv",
        entrypoint, null, Map.of("a", "1", "b", "2"), "SIGQUIT", null);
  }

  @Test
  void mergeKeepsUserValuesAndFillsFromTheImage() {
    ContainerConfig user = ContainerConfig.builder().image("x").env(List.of("B=user")).labels(Map.of("b", "u"))
        .build();
    ContainerConfig m = ConfigMerger.merge(user, image(List.of("/entry"), List.of("run"), List.of("A=img", "B=img")));
    assertThat(m.env()).containsExactly("B=user", "A=img");
    assertThat(m.labels()).containsEntry("a", "1").containsEntry("b", "u");
    assertThat(m.entrypoint()).containsExactly("/entry");
    assertThat(m.cmd()).containsExactly("run");
    assertThat(m.user()).isEqualTo("app");
    assertThat(m.workingDir()).isEqualTo("/srv");
    assertThat(m.stopSignal()).isEqualTo("SIGQUIT");
    assertThat(m.exposedPorts()).containsKey("80/tcp");
    assertThat(m.healthcheck().test()).containsExactly("CMD", "true");
  }

  @Test
  void userEntrypointDropsTheImageCmdAndEmptyEntrypointClearsBoth() {
    ImageConfig img = image(List.of("/entry"), List.of("run"), null);
    ContainerConfig ep = ConfigMerger.merge(ContainerConfig.builder().entrypoint(List.of("/other")).build(), img);
    assertThat(ep.entrypoint()).containsExactly("/other");
    assertThat(ep.cmd()).isNull();
    ContainerConfig cmdOnly = ConfigMerger.merge(ContainerConfig.builder().cmd(List.of("x")).build(), img);
    assertThat(cmdOnly.entrypoint()).containsExactly("/entry");
    assertThat(cmdOnly.cmd()).containsExactly("x");
    ContainerConfig cleared = ConfigMerger.merge(ContainerConfig.builder().entrypoint(List.of("")).cmd(List.of("ls"))
        .build(), img);
    assertThat(cleared.entrypoint()).isNull();
    assertThat(cleared.cmd()).containsExactly("ls");
  }

  @Test
  void healthcheckFieldsOverrideIndividually() {
    ContainerConfig user = ContainerConfig.builder().healthcheck(new HealthConfig(null, 9L, null, null, null, null))
        .build();
    HealthConfig h = ConfigMerger.merge(user, image(null, null, null)).healthcheck();
    assertThat(h.test()).containsExactly("CMD", "true");
    assertThat(h.interval()).isEqualTo(9L);
    assertThat(h.timeout()).isEqualTo(2L);
    assertThat(h.retries()).isEqualTo(3);
  }

  @Test
  void usersResolveFromPasswdAndGroupLikeRunc() throws Exception {
    Files.createDirectories(dir.resolve("etc"));
    Files.writeString(dir.resolve("etc/passwd"), "root:x:0:0::/root:/bin/sh\nweb:x:1000:1001::/home/web:/bin/sh\n");
    Files.writeString(dir.resolve("etc/group"), "root:x:0:\nweb:x:1001:\nwheel:x:10:web,root\naudio:x:29:web\n");
    UserResolver.ResolvedUser u = UserResolver.resolve(dir, "web", null);
    assertThat(u.uid()).isEqualTo(1000);
    assertThat(u.gid()).isEqualTo(1001);
    assertThat(u.additionalGids()).containsExactly(1001, 10, 29);
    assertThat(u.home()).isEqualTo("/home/web");
    assertThat(UserResolver.resolve(dir, "1000:audio", null).gid()).isEqualTo(29);
    assertThat(UserResolver.resolve(dir, "4242", null).uid()).isEqualTo(4242);
    assertThat(UserResolver.resolve(dir, "", List.of("wheel", "77")).additionalGids()).containsExactly(0, 10, 77);
    assertThatThrownBy(() -> UserResolver.resolve(dir, "ghost", null)).isInstanceOf(InvalidArgument.class)
        .hasMessage("unable to find user ghost: no matching entries in passwd file");
    assertThatThrownBy(() -> UserResolver.resolve(dir, "web:ghosts", null))
        .hasMessage("unable to find group ghosts: no matching entries in group file");
  }

  @Test
  void detachKeysParseLikeDocker() {
    assertThat(DetachKeys.parse(null)).containsExactly(16, 17);
    assertThat(DetachKeys.parse("ctrl-a,x,ctrl-@,ctrl-[")).containsExactly(1, 'x', 0, 27);
    assertThatThrownBy(() -> DetachKeys.parse("ctrl-1")).hasMessage("Invalid detach keys (ctrl-1) provided");
  }

  @Test
  void topKeepsOnlyTheContainersRows() {
    String ps = """
        UID          PID    PPID  C STIME TTY          TIME CMD
        root           1       0  0 10:00 ?        00:00:01 /sbin/init
        root        4242       1  0 10:01 ?        00:00:00 sleep 1000 --with args
        """;
    var top = ProcessTable.parse(ps, List.of(4242));
    assertThat(top.titles()).containsExactly("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD");
    assertThat(top.processes()).hasSize(1);
    assertThat(top.processes().get(0).get(7)).isEqualTo("sleep 1000 --with args");
    assertThatThrownBy(() -> ProcessTable.parse("USER COMMAND\nx y\n", List.of(1)))
        .hasMessage("Couldn't find PID field in ps output");
  }

  @ParameterizedTest
  @CsvSource({"0,Less than a second", "1,1 second", "59,59 seconds", "60,About a minute", "300,5 minutes",
      "3600,About an hour", "7200,2 hours", "259200,3 days", "1209600,2 weeks", "5184000,2 months"})
  void humanDurationsMatchGoUnits(long seconds, String text) {
    assertThat(HumanDuration.of(Duration.ofSeconds(seconds))).isEqualTo(text);
  }

  @Test
  void changesParseLikeDockerfileInstructions() {
    ContainerConfig c = ChangeParser.apply(ContainerConfig.builder().build(), List.of(
        "CMD [\"/bin/sh\", \"-c\", \"echo hi\"]", "ENTRYPOINT /run.sh", "ENV A=1 B=\"two words\"", "ENV C three",
        "LABEL x=y", "EXPOSE 80 53/udp", "WORKDIR /app", "USER nobody", "VOLUME /data", "STOPSIGNAL SIGINT"));
    assertThat(c.cmd()).containsExactly("/bin/sh", "-c", "echo hi");
    assertThat(c.entrypoint()).containsExactly("/bin/sh", "-c", "/run.sh");
    assertThat(c.env()).containsExactly("A=1", "B=two words", "C=three");
    assertThat(c.labels()).containsEntry("x", "y");
    assertThat(c.exposedPorts()).containsOnlyKeys("80/tcp", "53/udp");
    assertThat(c.workingDir()).isEqualTo("/app");
    assertThat(c.user()).isEqualTo("nobody");
    assertThat(c.volumes()).containsOnlyKeys("/data");
    assertThat(c.stopSignal()).isEqualTo("SIGINT");
    assertThatThrownBy(() -> ChangeParser.apply(c, List.of("FROM busybox")))
        .hasMessage("FROM is not a valid change command");
  }

  @Test
  void restartDecisionsAndBackoff() {
    assertThat(RestartDecision.shouldRestart(new RestartPolicy("always", 0), 0, false, 5)).isTrue();
    assertThat(RestartDecision.shouldRestart(new RestartPolicy("always", 0), 0, true, 0)).isFalse();
    assertThat(RestartDecision.shouldRestart(new RestartPolicy("on-failure", 2), 0, false, 0)).isFalse();
    assertThat(RestartDecision.shouldRestart(new RestartPolicy("on-failure", 2), 1, false, 1)).isTrue();
    assertThat(RestartDecision.shouldRestart(new RestartPolicy("on-failure", 2), 1, false, 2)).isFalse();
    assertThat(RestartDecision.shouldRestart(new RestartPolicy("", 0), 1, false, 0)).isFalse();
    assertThat(RestartDecision.nextBackoff(0, 0)).isEqualTo(100);
    assertThat(RestartDecision.nextBackoff(100, 1_000_000_000L)).isEqualTo(200);
    assertThat(RestartDecision.nextBackoff(51_200, 0)).isEqualTo(60_000);
    assertThat(RestartDecision.nextBackoff(6400, 11_000_000_000L)).isEqualTo(100);
  }

  @Test
  void validatorRefusesWhatBerthCannotDo() {
    HostConfig.Builder b = HostConfig.builder().networkMode("none");
    ContainerConfig c = ContainerConfig.builder().image("x").build();
    assertThat(HostConfigValidator.validate(c, b.build(), null)).isEmpty();
    assertThatThrownBy(() -> HostConfigValidator.validate(c, b.build().toBuilder()
        .restartPolicy(new RestartPolicy("sometimes", 0)).build(), null)).hasMessageContaining("sometimes");
    assertThatThrownBy(() -> HostConfigValidator.validate(c, b.build().toBuilder().autoRemove(true)
        .restartPolicy(new RestartPolicy("always", 0)).build(), null))
        .hasMessage("can't create 'AutoRemove' container with restart policy");
    assertThatThrownBy(() -> HostConfigValidator.validate(c, b.build().toBuilder().memory(1024L).build(), null))
        .hasMessage("Minimum memory limit allowed is 6MB");
    assertThatThrownBy(() -> HostConfigValidator.validate(c, b.build().toBuilder().capAdd(List.of("BOGUS")).build(),
        null)).hasMessage("unknown capability: \"CAP_BOGUS\"");
    assertThat(HostConfigValidator.validate(c, b.build().toBuilder().binds(List.of("vol:/data", "/anon"))
        .build(), null)).isEmpty();
    assertThatThrownBy(() -> HostConfigValidator.validate(c, b.build().toBuilder().binds(List.of("vol:data"))
        .build(), null)).hasMessageContaining("invalid volume specification");
    assertThatThrownBy(() -> HostConfigValidator.validate(c, b.build().toBuilder()
        .ulimits(List.of(new Ulimit("bogus", 1L, 1L))).build(), null)).hasMessage("invalid ulimit type: bogus");
    HostConfig hostPorts = HostConfig.builder().networkMode("host")
        .portBindings(Map.of("80/tcp", List.of(new berth.api.model.PortBinding("", "8080")))).build();
    assertThat(HostConfigValidator.validate(c, hostPorts, null))
        .containsExactly("Published ports are discarded when using host network mode");
    // a named network passes here; whether it exists is the networking seam's check at create
    assertThat(HostConfigValidator.validate(c, HostConfig.builder().networkMode("mynet").build(), null)).isEmpty();
    assertThatThrownBy(() -> HostConfigValidator.validate(c, HostConfig.builder().networkMode("container:").build(),
        null)).hasMessageContaining("invalid container format");
  }

  @Test
  void specCarriesResourcesMountsAndSecurity() throws Exception {
    Path rootfs = Files.createDirectories(dir.resolve("rootfs"));
    Path bindSrc = Files.createDirectories(dir.resolve("src"));
    HostConfig h = HostConfigDefaults.normalize(HostConfig.builder().networkMode("host").memory(64L << 20)
        .nanoCpus(1_500_000_000L).pidsLimit(50L).capAdd(List.of("NET_ADMIN")).capDrop(List.of("MKNOD"))
        .readonlyRootfs(true).init(true).binds(List.of(bindSrc + ":/data:ro")).tmpfs(Map.of("/run", "size=1m"))
        .securityOpt(List.of("no-new-privileges")).ulimits(List.of(new Ulimit("nofile", 1024L, 2048L)))
        .sysctls(Map.of("kernel.msgmax", "65536")).oomScoreAdj(100).build(), "runc");
    ContainerConfig c = ConfigMerger.withDefaults(ContainerConfig.builder().image("x").tty(true)
        .env(List.of("A=1")).build(), "box");
    ContainerRecord r = new ContainerRecord("abc", "/n", 0, "sh", List.of("-c", "x"), c, h, null, "sha256:x", "",
        ContainerRecord.State.created(), 0, false, false);
    var spec = SpecBuilder.build(new SpecBuilder.Inputs(r, rootfs, new ContainerFiles(dir, "abc"),
        new NetworkMode.Host(), null, Path.of("/usr/bin/catatonit"), true));
    assertThat(spec.process().args()).containsExactly("/sbin/docker-init", "--", "sh", "-c", "x");
    assertThat(spec.process().env()).contains("HOSTNAME=box", "TERM=xterm", "A=1", "HOME=/");
    assertThat(spec.process().capabilities().bounding()).contains("CAP_NET_ADMIN").doesNotContain("CAP_MKNOD");
    assertThat(spec.process().noNewPrivileges()).isTrue();
    assertThat(spec.process().rlimits()).containsExactly(new berth.runtime.oci.Spec.Rlimit("RLIMIT_NOFILE", 2048, 1024));
    assertThat(spec.root().readonly()).isTrue();
    assertThat(spec.linux().resources().memory().limit()).isEqualTo(64L << 20);
    assertThat(spec.linux().resources().memory().swap()).isEqualTo(128L << 20);
    assertThat(spec.linux().resources().cpu().quota()).isEqualTo(150_000L);
    assertThat(spec.linux().resources().cpu().period()).isEqualTo(100_000L);
    assertThat(spec.linux().resources().pids().limit()).isEqualTo(50);
    assertThat(spec.linux().namespaces()).noneMatch(n -> n.type().equals("network"));
    assertThat(spec.linux().cgroupsPath()).isEqualTo("/berth/abc");
    assertThat(spec.linux().sysctl()).containsEntry("kernel.msgmax", "65536");
    assertThat(spec.mounts()).anySatisfy(m -> {
      assertThat(m.destination()).isEqualTo("/data");
      assertThat(m.options()).contains("ro");
    });
    assertThat(spec.mounts()).anySatisfy(m -> assertThat(m.destination()).isEqualTo("/sbin/docker-init"));
    assertThat(spec.mounts()).anySatisfy(m -> {
      assertThat(m.destination()).isEqualTo("/run");
      assertThat(m.options()).contains("size=1m", "noexec");
    });
  }

  @Test
  void devicesMapHostNodesWithCgroupRules() {
    var r = DeviceMappings.of(List.of(new berth.api.model.DeviceMapping("/dev/null", "/dev/mynull", "rw")));
    assertThat(r.devices()).singleElement().satisfies(d -> {
      assertThat(d.path()).isEqualTo("/dev/mynull");
      assertThat(d.type()).isEqualTo("c");
      assertThat(d.major()).isEqualTo(1);
      assertThat(d.minor()).isEqualTo(3);
    });
    assertThat(r.rules()).singleElement().satisfies(x -> assertThat(x.access()).isEqualTo("rw"));
    assertThatThrownBy(() -> DeviceMappings.of(List.of(new berth.api.model.DeviceMapping("/nope", null, null))))
        .hasMessageContaining("/nope");
    assertThatThrownBy(() -> DeviceMappings.of(List.of(new berth.api.model.DeviceMapping("/dev/null", null, "x"))))
        .hasMessage("invalid device mode: x");
  }

  @Test
  void diffHidesTheMountPointsTheRuntimeCreated() {
    var all = List.of(new berth.api.model.FilesystemChange("/etc", 0),
        new berth.api.model.FilesystemChange("/etc/hostname", 1), new berth.api.model.FilesystemChange("/etc/hosts", 1),
        new berth.api.model.FilesystemChange("/tmp", 0), new berth.api.model.FilesystemChange("/tmp/new", 1),
        new berth.api.model.FilesystemChange("/data", 1));
    assertThat(ContainerChanges.withoutMountPoints(all, List.of("/etc/hostname", "/etc/hosts", "/data")))
        .extracting(c -> c.path()).containsExactly("/tmp", "/tmp/new");
  }
}

package berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import berth.testkit.BerthDaemon;
import berth.testkit.BerthTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The /volumes API through the real docker CLI and berth: create, ls, inspect, rm, prune, names Docker refuses. */
@BerthTest
@Tag("integration")
class VolumeIT {

  @Test
  void createListInspectRemove(BerthDaemon d) throws Exception {
    String name = Names.unique("vol");
    assertThat(d.docker("volume", "create", "--label", "team=a", name).ok().outTrim()).isEqualTo(name);
    try {
      assertThat(d.docker("volume", "ls", "-q").ok().out().lines()).contains(name);
      assertThat(d.docker("volume", "ls", "-q", "-f", "label=team=a").ok().out().lines()).containsExactly(name);
      assertThat(d.docker("volume", "ls", "-q", "-f", "label=team=b").ok().outTrim()).isEmpty();
      JsonNode v = BerthDaemon.parse(d.docker("volume", "inspect", name).ok().out()).get(0);
      assertThat(v.get("Name").asText()).isEqualTo(name);
      assertThat(v.get("Driver").asText()).isEqualTo("local");
      assertThat(v.get("Scope").asText()).isEqualTo("local");
      assertThat(v.get("Labels").get("team").asText()).isEqualTo("a");
      assertThat(v.get("CreatedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
      Path mp = Path.of(v.get("Mountpoint").asText());
      assertThat(mp).isEqualTo(d.dataRoot().resolve("volumes").resolve(name).resolve("_data"));
      assertThat(Files.isDirectory(mp)).isTrue();
      Files.writeString(mp.resolve("keep.txt"), "kept");
      // the volume and its data survive a kill -9 of the daemon
      d.kill9();
      d.start();
      assertThat(d.docker("volume", "inspect", "-f", "{{.Labels}}", name).ok().outTrim()).isEqualTo("map[team:a]");
      assertThat(Files.readString(mp.resolve("keep.txt"))).isEqualTo("kept");
    } finally {
      assertThat(d.docker("volume", "rm", name).ok().outTrim()).isEqualTo(name);
    }
    var missing = d.docker("volume", "inspect", name);
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("get " + name + ": no such volume");
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void refusesNamesDockerRefuses(Cli cli, BerthDaemon d) {
    var r = cli.run(d, "volume", "create", "bad/name");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("\"bad/name\" includes invalid characters for a local volume name,"
        + " only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed");
    var shortName = cli.run(d, "volume", "create", "a");
    assertThat(shortName.exitCode()).isEqualTo(1);
    assertThat(shortName.err()).contains("create a: volume name is too short, names should be at least two"
        + " alphanumeric characters");
    // the docker CLI sends "-v a:/a" as Config.Volumes (a Windows drive path); the daemon refuses the name
    var oneLetter = cli.run(d, "run", "--rm", "--network", "none", "-v", "a:/a", "busybox", "true");
    assertThat(oneLetter.exitCode()).isEqualTo(125);
    assertThat(oneLetter.err()).contains("\"a\" includes invalid characters for a local volume name");
    var relative = cli.run(d, "run", "--rm", "--network", "none", "--mount", "type=volume,src=vv,dst=rel",
        "busybox", "true");
    assertThat(relative.exitCode()).isEqualTo(125);
    assertThat(relative.err()).contains("invalid mount config for type \"volume\": invalid mount path: 'rel'"
        + " mount path must be absolute");
    var root = cli.run(d, "run", "--rm", "--network", "none", "--mount", "type=volume,src=vv,dst=/",
        "busybox", "true");
    assertThat(root.exitCode()).isEqualTo(125);
    assertThat(root.err()).contains("invalid mount config for type \"volume\": invalid specification:"
        + " destination can't be '/'");
    var drv = cli.run(d, "volume", "create", "-d", "nosuchdriver", Names.unique("vd"));
    assertThat(drv.exitCode()).isEqualTo(1);
    assertThat(drv.err()).contains("plugin \"nosuchdriver\" not found");
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void pruneKeepsNamedVolumesUnlessAll(Cli cli, BerthDaemon d) {
    String name = Names.unique("pv");
    cli.run(d, "volume", "create", name).ok();
    var p = cli.run(d, "volume", "prune", "-f").ok();
    assertThat(p.out()).doesNotContain(name).contains("Total reclaimed space:");
    assertThat(cli.run(d, "volume", "ls", "-q").ok().out().lines()).contains(name);
    var all = cli.run(d, "volume", "prune", "-a", "-f").ok();
    assertThat(all.out()).contains(name);
    assertThat(cli.run(d, "volume", "ls", "-q").ok().out().lines()).doesNotContain(name);
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void tmpfsVolumeOptionsShowInInspect(Cli cli, BerthDaemon d) {
    String name = Names.unique("tv");
    cli.run(d, "volume", "create", "-o", "type=tmpfs", "-o", "device=tmpfs", "-o", "o=size=1m", name).ok();
    try {
      assertThat(cli.run(d, "volume", "inspect", "-f", "{{.Options.type}} {{.Options.o}}", name).ok().outTrim())
          .isEqualTo("tmpfs size=1m");
    } finally {
      cli.run(d, "volume", "rm", "-f", name).ok();
    }
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void lsTableAndRemoveErrors(Cli cli, BerthDaemon d) {
    String name = Names.unique("lt");
    cli.run(d, "volume", "create", "--label", "k=v", name).ok();
    try {
      var table = cli.run(d, "volume", "ls", "-f", "name=" + name).ok().out().lines().toList();
      assertThat(table.get(0)).matches("DRIVER +VOLUME NAME");
      assertThat(table.get(1)).matches("local +" + name);
      assertThat(cli.run(d, "volume", "ls", "--format", "{{.Name}} {{.Labels}} {{.Scope}}", "-f", "name=" + name)
          .ok().outTrim()).isEqualTo(name + " k=v local");
      assertThat(cli.run(d, "volume", "inspect", "-f", "{{.Driver}} {{.Name}}", name).ok().outTrim())
          .isEqualTo("local " + name);
    } finally {
      assertThat(cli.run(d, "volume", "rm", name).ok().outTrim()).isEqualTo(name);
    }
    var gone = cli.run(d, "volume", "rm", name);
    assertThat(gone.exitCode()).isEqualTo(1);
    assertThat(gone.err()).isEqualTo("Error response from daemon: get " + name + ": no such volume\n");
    assertThat(cli.run(d, "volume", "rm", "-f", name).ok().outTrim()).isEqualTo(name);
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void namedVolumeDataOutlivesContainersAndIsRefusedWhileUsed(Cli cli, BerthDaemon d) {
    String vol = Names.unique("nv");
    String c1 = Names.unique("w");
    cli.run(d, "run", "--network", "none", "--name", c1, "-v", vol + ":/data", "busybox",
        "sh", "-c", "seq 1 1000 > /data/n; md5sum /data/n > /data/sum").ok();
    try {
      JsonNode m = BerthDaemon.parse(d.docker("inspect", "-f", "{{json .Mounts}}", c1).ok().out()).get(0);
      assertThat(m.get("Type").asText()).isEqualTo("volume");
      assertThat(m.get("Name").asText()).isEqualTo(vol);
      assertThat(m.get("Destination").asText()).isEqualTo("/data");
      assertThat(m.get("Driver").asText()).isEqualTo("local");
      assertThat(m.get("RW").asBoolean()).isTrue();
      assertThat(m.get("Source").asText()).endsWith("/volumes/" + vol + "/_data");
      var inUse = cli.run(d, "volume", "rm", vol);
      assertThat(inUse.exitCode()).isEqualTo(1);
      assertThat(inUse.err()).contains("remove " + vol + ": volume is in use - [");
      String id = d.docker("inspect", "-f", "{{.Id}}", c1).ok().outTrim();
      assertThat(inUse.err()).contains(id);
      assertThat(cli.run(d, "ps", "-a", "-q", "--no-trunc", "-f", "volume=" + vol).ok().outTrim()).isEqualTo(id);
      assertThat(cli.run(d, "ps", "-a", "-q", "--no-trunc", "-f", "volume=/data").ok().out().lines()).contains(id);
      assertThat(cli.run(d, "ps", "-a", "-q", "-f", "volume=nosuchvolume").ok().outTrim()).isEmpty();
      cli.run(d, "rm", c1).ok();
      String check = cli.run(d, "run", "--rm", "--network", "none", "-v", vol + ":/data:ro", "busybox",
          "sh", "-c", "md5sum -c /data/sum && touch /data/x").out();
      assertThat(check).contains("/data/n: OK");
      assertThat(cli.run(d, "volume", "ls", "-q").ok().out().lines()).contains(vol);
    } finally {
      cli.run(d, "rm", "-f", c1);
      cli.run(d, "volume", "rm", "-f", vol);
    }
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void anonymousVolumesGoWithRmV(Cli cli, BerthDaemon d) {
    String c = Names.unique("an");
    cli.run(d, "run", "--network", "none", "--name", c, "-v", "/scratch", "busybox",
        "sh", "-c", "echo hi > /scratch/f").ok();
    String name = d.docker("inspect", "-f", "{{range .Mounts}}{{.Name}}{{end}}", c).ok().outTrim();
    assertThat(name).matches("[0-9a-f]{64}");
    assertThat(d.docker("volume", "inspect", "-f", "{{.Labels}}", name).ok().outTrim())
        .isEqualTo("map[com.docker.volume.anonymous:]");
    cli.run(d, "rm", "-v", c).ok();
    assertThat(d.docker("volume", "ls", "-q").ok().out().lines()).doesNotContain(name);
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void mountTypeVolumeCopyUpAndVolumesFrom(Cli cli, BerthDaemon d) {
    String vol = Names.unique("mv");
    String src = Names.unique("src");
    try {
      // copy-up: the empty new volume over /etc gets the image's files, owner and mode kept
      cli.run(d, "create", "--network", "none", "--name", src, "--mount", "type=volume,source=" + vol + ",target=/etc",
          "busybox", "true").ok();
      String etc = cli.run(d, "run", "--rm", "--network", "none", "--volumes-from", src + ":ro", "busybox",
          "sh", "-c", "stat -c '%u %a' /etc/passwd; touch /etc/x 2>/dev/null || echo read-only").ok().out();
      assertThat(etc).isEqualTo("0 644\nread-only\n");
      String nocopy = Names.unique("nc");
      String empty = cli.run(d, "run", "--rm", "--network", "none", "--mount",
          "type=volume,source=" + nocopy + ",target=/etc,volume-nocopy", "busybox", "ls", "/etc").ok().out();
      // nothing copied up; the engine's own /etc files are mounted over the volume (deeper mounts last)
      assertThat(empty).isEqualTo("hostname\nhosts\nresolv.conf\n");
      cli.run(d, "volume", "rm", nocopy).ok();
    } finally {
      cli.run(d, "rm", "-f", src);
      cli.run(d, "volume", "rm", "-f", vol);
    }
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void bindsReadOnlyAndWritableAndTmpfsLimits(Cli cli, BerthDaemon d) throws Exception {
    Path host = Files.createTempDirectory("berth-V-bind");
    try {
      Files.writeString(host.resolve("in"), "from-host");
      String out = cli.run(d, "run", "--rm", "--network", "none", "-v", host + ":/rw", "-v", host + ":/ro:ro",
          "--tmpfs", "/t:size=1m", "busybox", "sh", "-c",
          "cat /rw/in; echo; echo w > /rw/out; touch /ro/x 2>/dev/null || echo ro-refused;"
              + " dd if=/dev/zero of=/t/f bs=1k count=2048 2>/dev/null || echo tmpfs-full").ok().out();
      assertThat(out).isEqualTo("from-host\nro-refused\ntmpfs-full\n");
      assertThat(Files.readString(host.resolve("out"))).isEqualTo("w\n");
      Path missing = host.resolve("made-by-v");
      cli.run(d, "run", "--rm", "--network", "none", "-v", missing + ":/m", "busybox", "true").ok();
      assertThat(Files.isDirectory(missing)).isTrue();
      var refused = cli.run(d, "run", "--rm", "--network", "none", "--mount",
          "type=bind,source=" + host.resolve("nope") + ",target=/m", "busybox", "true");
      assertThat(refused.exitCode()).isEqualTo(125);
      assertThat(refused.err()).contains("bind source path does not exist: " + host.resolve("nope"));
    } finally {
      try (var w = Files.walk(host)) {
        w.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void cpIntoAndOutOfAStoppedContainersVolume(Cli cli, BerthDaemon d) throws Exception {
    String vol = Names.unique("cv");
    String c = Names.unique("cpc");
    Path tmp = Files.createTempDirectory("berth-V-cp");
    try {
      cli.run(d, "create", "--network", "none", "--name", c, "-v", vol + ":/data", "busybox", "true").ok();
      Files.writeString(tmp.resolve("f.txt"), "into-volume");
      cli.run(d, "cp", tmp.resolve("f.txt").toString(), c + ":/data/f.txt").ok();
      Path mp = Path.of(d.docker("volume", "inspect", "-f", "{{.Mountpoint}}", vol).ok().outTrim());
      assertThat(Files.readString(mp.resolve("f.txt"))).isEqualTo("into-volume");
      Files.writeString(mp.resolve("g.txt"), "out-of-volume");
      cli.run(d, "cp", c + ":/data/g.txt", tmp.resolve("g.txt").toString()).ok();
      assertThat(Files.readString(tmp.resolve("g.txt"))).isEqualTo("out-of-volume");
    } finally {
      cli.run(d, "rm", "-f", c);
      cli.run(d, "volume", "rm", "-f", vol);
      try (var w = Files.walk(tmp)) {
        w.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void referencesSurviveADaemonKill(BerthDaemon d) {
    String vol = Names.unique("kv");
    String c = Names.unique("kc");
    d.docker("run", "--network", "none", "--name", c, "-v", vol + ":/data", "busybox",
        "sh", "-c", "seq 1 500 > /data/n; md5sum /data/n > /data/sum").ok();
    try {
      d.kill9();
      d.start();
      var inUse = d.docker("volume", "rm", vol);
      assertThat(inUse.exitCode()).isEqualTo(1);
      assertThat(inUse.err()).contains("volume is in use");
      assertThat(d.docker("volume", "prune", "-a", "-f").ok().out()).doesNotContain(vol);
      assertThat(d.docker("start", "-a", c).ok().exitCode()).isZero();
      assertThat(d.docker("run", "--rm", "--network", "none", "-v", vol + ":/data", "busybox",
          "md5sum", "-c", "/data/sum").ok().out()).contains("/data/n: OK");
    } finally {
      d.docker("rm", "-f", c);
      d.docker("volume", "rm", "-f", vol);
    }
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void mountSubpathLabelsAndDriverOptions(Cli cli, BerthDaemon d) throws Exception {
    String vol = Names.unique("sp");
    Path device = Files.createTempDirectory("berth-V-dev");
    try {
      // --mount creates the volume with its labels and driver options (here: the local driver's bind)
      cli.run(d, "run", "--rm", "--network", "none", "--mount", "type=volume,src=" + vol
          + ",dst=/v,volume-label=tier=db,volume-opt=type=none,volume-opt=o=bind,volume-opt=device=" + device,
          "busybox", "mkdir", "-p", "/v/sub/inner").ok();
      JsonNode v = BerthDaemon.parse(d.docker("volume", "inspect", vol).ok().out()).get(0);
      assertThat(v.get("Labels").get("tier").asText()).isEqualTo("db");
      assertThat(v.get("Options").get("o").asText()).isEqualTo("bind");
      assertThat(Files.isDirectory(device.resolve("sub/inner"))).isTrue();
      // volume-subpath mounts a directory of the volume, not its root
      cli.run(d, "run", "--rm", "--network", "none", "--mount", "type=volume,src=" + vol
          + ",dst=/part,volume-subpath=sub", "busybox", "sh", "-c", "echo in-sub > /part/f; ls /part").ok();
      String root = cli.run(d, "run", "--rm", "--network", "none", "-v", vol + ":/v", "busybox",
          "sh", "-c", "cat /v/sub/f; ls /v").ok().out();
      assertThat(root).isEqualTo("in-sub\nsub\n");
      var missing = cli.run(d, "run", "--rm", "--network", "none", "--mount", "type=volume,src=" + vol
          + ",dst=/part,volume-subpath=nothere", "busybox", "true");
      // the CLIs turn a start error naming "no such file or directory" into 127, as docker does
      assertThat(missing.exitCode()).isEqualTo(127);
      assertThat(missing.err()).contains("cannot access path").contains("nothere");
      var bad = cli.run(d, "run", "--rm", "--network", "none", "--mount", "type=volume,src=" + vol
          + ",dst=/part,volume-subpath=../x", "busybox", "true");
      assertThat(bad.exitCode()).isEqualTo(125);
      assertThat(bad.err()).contains("invalid mount config for type \"volume\": subpath must be a relative path"
          + " within the volume");
      var mixed = cli.run(d, "run", "--rm", "--network", "none", "--mount",
          "type=bind,src=/tmp,dst=/x,volume-nocopy", "busybox", "true");
      assertThat(mixed.exitCode()).isEqualTo(125);
      assertThat(mixed.err()).contains("cannot mix 'volume-*' options with mount type 'bind'");
    } finally {
      cli.run(d, "volume", "rm", "-f", vol);
      try (var w = Files.walk(device)) {
        w.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void systemDfCountsVolumesAndTheirSizes(BerthDaemon d) {
    String used = Names.unique("du");
    String idle = Names.unique("di");
    String c = Names.unique("dc");
    try {
      d.docker("create", "--network", "none", "--name", c, "-v", used + ":/d", "busybox", "true").ok();
      d.docker("run", "--rm", "--network", "none", "-v", idle + ":/d", "busybox",
          "dd", "if=/dev/zero", "of=/d/f", "bs=1k", "count=300").ok();
      JsonNode df = d.getJson("/system/df");
      JsonNode vols = df.get("Volumes");
      JsonNode idleJson = null;
      JsonNode usedJson = null;
      for (JsonNode v : vols) {
        if (v.get("Name").asText().equals(idle)) {
          idleJson = v;
        } else if (v.get("Name").asText().equals(used)) {
          usedJson = v;
        }
      }
      assertThat(idleJson).isNotNull();
      assertThat(usedJson).isNotNull();
      assertThat(idleJson.get("UsageData").get("Size").asLong()).isGreaterThanOrEqualTo(300 * 1024);
      assertThat(idleJson.get("UsageData").get("RefCount").asLong()).isZero();
      assertThat(usedJson.get("UsageData").get("RefCount").asLong()).isEqualTo(1);
      String verbose = d.docker("system", "df", "-v").ok().out();
      assertThat(verbose).contains("Local Volumes space usage:").contains(idle).contains(used);
      assertThat(d.berth("system", "df").ok().out()).containsPattern("Local Volumes\\s+\\d+\\s+\\d+");
    } finally {
      d.docker("rm", "-f", c);
      d.docker("volume", "rm", "-f", used, idle);
    }
  }

  /**
   * inspect's Mounts for every kind of mount, field by field as Docker 20.10 printed them for the
   * same command (this test passes against it with -Dberth.it.engine); volume names and paths are
   * normalised, entries sorted by destination.
   */
  @ParameterizedTest
  @EnumSource(Cli.class)
  void inspectMountsFieldByFieldLikeDocker(Cli cli, BerthDaemon d) throws Exception {
    Path host = Files.createTempDirectory("berth-V-insp");
    String c = Names.unique("mi");
    String v1 = Names.unique("mv1");
    String v2 = Names.unique("mv2");
    try {
      cli.run(d, "create", "--name", c, "--network", "none", "-v", v1 + ":/data:ro", "-v", host + ":/hb:rslave",
          "-v", "/anon", "--mount", "type=volume,src=" + v2 + ",dst=/m2,volume-nocopy",
          "--mount", "type=bind,src=" + host + ",dst=/hb2,readonly", "--mount", "type=tmpfs,dst=/t,tmpfs-size=1m",
          "--tmpfs", "/t2:size=2m", "busybox", "true").ok();
      JsonNode mounts = BerthDaemon.parse(d.docker("inspect", "-f", "{{json .Mounts}}", c).ok().out());
      java.util.List<String> lines = new java.util.ArrayList<>();
      for (JsonNode m : mounts) {
        var o = (com.fasterxml.jackson.databind.node.ObjectNode) m.deepCopy();
        if (o.path("Type").asText().equals("volume")) {
          String n = o.path("Name").asText();
          o.put("Name", n.equals(v1) ? "V1" : n.equals(v2) ? "V2" : n.matches("[0-9a-f]{64}") ? "ANON" : n);
          o.put("Source", "VOLPATH");
        } else if (o.path("Source").asText().equals(host.toString())) {
          o.put("Source", "HOST");
        }
        lines.add(o.toString());
      }
      lines.sort(java.util.Comparator.comparing(l -> BerthDaemon.parse(l).path("Destination").asText()));
      assertThat(lines).containsExactly(
          "{\"Type\":\"volume\",\"Name\":\"ANON\",\"Source\":\"VOLPATH\",\"Destination\":\"/anon\",\"Driver\":\"local\",\"Mode\":\"\",\"RW\":true,\"Propagation\":\"\"}",
          "{\"Type\":\"volume\",\"Name\":\"V1\",\"Source\":\"VOLPATH\",\"Destination\":\"/data\",\"Driver\":\"local\",\"Mode\":\"ro\",\"RW\":false,\"Propagation\":\"\"}",
          "{\"Type\":\"bind\",\"Source\":\"HOST\",\"Destination\":\"/hb\",\"Mode\":\"rslave\",\"RW\":true,\"Propagation\":\"rslave\"}",
          "{\"Type\":\"bind\",\"Source\":\"HOST\",\"Destination\":\"/hb2\",\"Mode\":\"\",\"RW\":false,\"Propagation\":\"rprivate\"}",
          "{\"Type\":\"volume\",\"Name\":\"V2\",\"Source\":\"VOLPATH\",\"Destination\":\"/m2\",\"Driver\":\"local\",\"Mode\":\"z\",\"RW\":true,\"Propagation\":\"\"}",
          "{\"Type\":\"tmpfs\",\"Source\":\"\",\"Destination\":\"/t\",\"Mode\":\"\",\"RW\":true,\"Propagation\":\"\"}");
      JsonNode vol = BerthDaemon.parse(d.docker("volume", "inspect", v1).ok().out()).get(0);
      assertThat(iterable(vol.fieldNames())).containsExactly("CreatedAt", "Driver", "Labels", "Mountpoint", "Name",
          "Options", "Scope");
    } finally {
      cli.run(d, "rm", "-f", "-v", c);
      cli.run(d, "volume", "rm", "-f", v1, v2);
      Files.deleteIfExists(host);
    }
  }

  private static java.util.List<String> iterable(java.util.Iterator<String> it) {
    java.util.List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}

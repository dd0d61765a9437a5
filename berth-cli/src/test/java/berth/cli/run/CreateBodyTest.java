package berth.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.cli.CliError;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Flags → create body, table-driven: each row is a run command line and one JSON pointer's value. */
class CreateBodyTest {
  @Command(name = "run")
  static final class Run {
    @Mixin
    ContainerOptions o;

    @Option(names = {"-d", "--detach"})
    boolean detach;

    @Parameters(index = "0")
    String image;

    @Parameters(index = "1..*")
    List<String> args = new ArrayList<>();
  }

  static JsonNode body(String line) {
    Run r = new Run();
    CommandLine cl = new CommandLine(r);
    cl.setStopAtPositional(true);
    cl.parseArgs(line.split(" "));
    return CreateBody.build(r.o, r.image, r.args, r.detach, Map.of("HOME", "/root"), new int[] {24, 80});
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiterString = " => ", value = {
      "busybox                                 => /Image                         => \"busybox\"",
      "busybox echo hi                         => /Cmd                           => [\"echo\",\"hi\"]",
      "busybox                                 => /Cmd                           => null",
      "busybox                                 => /HostConfig/NetworkMode        => \"default\"",
      "--network none busybox                  => /HostConfig/NetworkMode        => \"none\"",
      "--network none busybox                  => /NetworkingConfig/EndpointsConfig => {\"none\":{}}",
      "--net host busybox                      => /HostConfig/NetworkMode        => \"host\"",
      "--network container:web busybox         => /NetworkingConfig/EndpointsConfig => {}",
      "--network a --network-alias x --ip 10.1.0.9 busybox => /NetworkingConfig/EndpointsConfig => {\"a\":{\"IPAMConfig\":{\"IPv4Address\":\"10.1.0.9\"},\"Aliases\":[\"x\"]}}",
      "--network a --network b busybox         => /NetworkingConfig/EndpointsConfig => {\"a\":{},\"b\":{}}",
      "--network a --network b busybox         => /HostConfig/NetworkMode        => \"a\"",
      "--link web:w busybox                    => /HostConfig/Links              => [\"web:w\"]",
      "--dns-search example.org busybox        => /HostConfig/DnsSearch          => [\"example.org\"]",
      "--dns-option ndots:2 busybox            => /HostConfig/DnsOptions         => [\"ndots:2\"]",
      "busybox                                 => /AttachStdout                  => true",
      "busybox                                 => /AttachStdin                   => false",
      "-i busybox                              => /AttachStdin                   => true",
      "-i busybox                              => /StdinOnce                     => true",
      "-d -i busybox                           => /StdinOnce                     => false",
      "-d busybox                              => /AttachStdout                  => false",
      "-it busybox sh                          => /Tty                           => true",
      "-it busybox sh                          => /OpenStdin                     => true",
      "-t busybox                              => /HostConfig/ConsoleSize        => [24,80]",
      "-a stderr busybox                       => /AttachStdout                  => false",
      "--rm busybox                            => /HostConfig/AutoRemove         => true",
      "--name web busybox                      => /Image                         => \"busybox\"",
      "-e A=1 -e HOME busybox                  => /Env                           => [\"A=1\",\"HOME=/root\"]",
      "-e UNSET_VAR busybox                    => /Env                           => [\"UNSET_VAR\"]",
      "-l a=b -l flag busybox                  => /Labels                        => {\"a\":\"b\",\"flag\":\"\"}",
      "-u 1000:1000 busybox                    => /User                          => \"1000:1000\"",
      "-w /tmp busybox                         => /WorkingDir                    => \"/tmp\"",
      "--entrypoint /bin/sh busybox            => /Entrypoint                    => [\"/bin/sh\"]",
      "busybox                                 => /Entrypoint                    => null",
      "--hostname box busybox                  => /Hostname                      => \"box\"",
      "--restart always busybox                => /HostConfig/RestartPolicy      => {\"Name\":\"always\",\"MaximumRetryCount\":0}",
      "--restart on-failure:3 busybox          => /HostConfig/RestartPolicy      => {\"Name\":\"on-failure\",\"MaximumRetryCount\":3}",
      "busybox                                 => /HostConfig/RestartPolicy/Name => \"no\"",
      "--init busybox                          => /HostConfig/Init               => true",
      "--read-only busybox                     => /HostConfig/ReadonlyRootfs     => true",
      "--privileged busybox                    => /HostConfig/Privileged         => true",
      "--cap-add NET_ADMIN --cap-drop ALL busybox => /HostConfig/CapAdd          => [\"NET_ADMIN\"]",
      "--cap-add NET_ADMIN --cap-drop ALL busybox => /HostConfig/CapDrop         => [\"ALL\"]",
      "-m 512m busybox                         => /HostConfig/Memory             => 536870912",
      "--memory 1g busybox                     => /HostConfig/Memory             => 1073741824",
      "--memory-swap -1 busybox                => /HostConfig/MemorySwap         => -1",
      "--memory-swap 2g busybox                => /HostConfig/MemorySwap         => 2147483648",
      "--cpus 1.5 busybox                      => /HostConfig/NanoCpus           => 1500000000",
      "--cpus 0.000000001 busybox              => /HostConfig/NanoCpus           => 1",
      "--cpu-shares 512 busybox                => /HostConfig/CpuShares          => 512",
      "--cpuset-cpus 0-1 busybox               => /HostConfig/CpusetCpus         => \"0-1\"",
      "--pids-limit 100 busybox                => /HostConfig/PidsLimit          => 100",
      "busybox                                 => /HostConfig/PidsLimit          => null",
      "--ulimit nofile=1024:2048 busybox       => /HostConfig/Ulimits            => [{\"Name\":\"nofile\",\"Hard\":2048,\"Soft\":1024}]",
      "--ulimit nproc=64 busybox               => /HostConfig/Ulimits            => [{\"Name\":\"nproc\",\"Hard\":64,\"Soft\":64}]",
      "--shm-size 64m busybox                  => /HostConfig/ShmSize            => 67108864",
      "--tmpfs /run:rw,size=64m busybox        => /HostConfig/Tmpfs              => {\"/run\":\"rw,size=64m\"}",
      "--tmpfs /tmp busybox                    => /HostConfig/Tmpfs              => {\"/tmp\":\"\"}",
      "--oom-kill-disable busybox              => /HostConfig/OomKillDisable     => true",
      "--stop-signal SIGUSR1 busybox           => /StopSignal                    => \"SIGUSR1\"",
      "--stop-timeout 5 busybox                => /StopTimeout                   => 5",
      "--security-opt no-new-privileges busybox => /HostConfig/SecurityOpt       => [\"no-new-privileges\"]",
      "--health-cmd true --health-interval 10s busybox => /Healthcheck           => {\"Test\":[\"CMD-SHELL\",\"true\"],\"Interval\":10000000000,\"Timeout\":0,\"StartPeriod\":0,\"StartInterval\":0,\"Retries\":0}",
      "--health-cmd true --health-timeout 1m30s --health-retries 3 --health-start-period 2s busybox => /Healthcheck/Timeout => 90000000000",
      "--no-healthcheck busybox                => /Healthcheck                   => {\"Test\":[\"NONE\"]}",
      "busybox                                 => /Healthcheck                   => MISSING",
      "-v /src:/dst:ro busybox                 => /HostConfig/Binds              => [\"/src:/dst:ro\"]",
      "-v /data busybox                        => /Volumes                       => {\"/data\":{}}",
      "--mount type=bind,src=/a,dst=/b,readonly busybox => /HostConfig/Mounts    => [{\"Type\":\"bind\",\"Source\":\"/a\",\"Target\":\"/b\",\"ReadOnly\":true}]",
      "-p 8080:80 busybox                      => /HostConfig/PortBindings       => {\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"8080\"}]}",
      "-p 127.0.0.1:53:53/udp busybox          => /ExposedPorts                  => {\"53/udp\":{}}",
      "-P --expose 9000 busybox                => /HostConfig/PublishAllPorts    => true",
      "--expose 9000 busybox                   => /ExposedPorts                  => {\"9000/tcp\":{}}",
      "busybox -it                             => /Cmd                           => [\"-it\"]",
      "busybox -it                             => /Tty                           => false",
  })
  void mapsFlags(String line, String pointer, String expected) {
    JsonNode v = body(line.strip()).at(pointer.strip());
    if (expected.strip().equals("MISSING")) {
      assertThat(v.isMissingNode()).isTrue();
    } else {
      assertThat(v.toString()).isEqualTo(expected.strip());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", value = {
      "--cpus abc busybox            => invalid argument \"abc\" for \"--cpus\" flag: failed to parse abc as a rational number",
      "--cpus 0.0000000001 busybox   => invalid argument \"0.0000000001\" for \"--cpus\" flag: value is too precise",
      "-m 12x busybox                => invalid argument \"12x\" for \"-m, --memory\" flag: invalid suffix: 'x'",
      "--shm-size big busybox        => invalid argument \"big\" for \"--shm-size\" flag: invalid size: 'big'",
      "--health-interval 5 busybox   => invalid argument \"5\" for \"--health-interval\" flag: time: missing unit in duration \"5\"",
      "--health-interval xyz busybox => invalid argument \"xyz\" for \"--health-interval\" flag: time: invalid duration \"xyz\"",
      "--health-interval -5s busybox => --health-interval cannot be negative",
      "--no-healthcheck --health-cmd x busybox => --no-healthcheck conflicts with --health-* options",
      "--restart :3 busybox          => invalid restart policy format: no policy provided before colon",
      "--restart on-failure:x busybox => invalid restart policy format: maximum retry count must be an integer",
      "--rm --restart always busybox => conflicting options: cannot specify both --restart and --rm",
      "--ulimit nofile busybox       => invalid argument \"nofile\" for \"--ulimit\" flag: invalid ulimit argument: nofile",
      "--ulimit nofile=10:5 busybox  => invalid argument \"nofile=10:5\" for \"--ulimit\" flag: ulimit soft limit must be less than or equal to hard limit: 10 > 5",
      "-p 80:http busybox            => invalid argument \"80:http\" for \"-p, --publish\" flag: invalid containerPort: http",
      "--env-file /nonexistent/env busybox => open /nonexistent/env: no such file or directory",
  })
  void rejectsBadValuesWithDockersWordingAnd125(String line, String message) {
    assertThatThrownBy(() -> body(line.strip()))
        .isInstanceOf(CliError.class)
        .hasMessage(message.strip())
        .satisfies(e -> assertThat(((CliError) e).exitCode()).isEqualTo(125));
  }

  @Test
  void attachWithDetachIsAUsageError() {
    assertThatThrownBy(() -> body("-d -a stdout busybox"))
        .isInstanceOf(CliError.class)
        .hasMessage("conflicting options: cannot specify both --attach and --detach")
        .satisfies(e -> assertThat(((CliError) e).exitCode()).isEqualTo(1));
  }

  @Test
  void envFileComesBeforeEnvFlags() throws Exception {
    java.nio.file.Path f = java.nio.file.Files.createTempFile("berth-e-env", ".list");
    try {
      java.nio.file.Files.writeString(f, "# comment\n\n  FROM_FILE=1\nHOME\n");
      assertThat(body("--env-file " + f + " -e X=2 busybox").at("/Env").toString())
          .isEqualTo("[\"FROM_FILE=1\",\"HOME=/root\",\"X=2\"]");
    } finally {
      java.nio.file.Files.deleteIfExists(f);
    }
  }
}

package berth.runtime.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The OCI runtime spec's config.json (runtime-spec v1.0.2, what runc 1.1 reads). Field names are
 * the spec's; nulls are omitted on the wire.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Spec(
    String ociVersion,
    Process process,
    Root root,
    String hostname,
    String domainname,
    List<Mount> mounts,
    Hooks hooks,
    Map<String, String> annotations,
    Linux linux) {

  /** The container's process (also the body of an exec). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Process(
      Boolean terminal,
      ConsoleSize consoleSize,
      User user,
      List<String> args,
      List<String> env,
      String cwd,
      Capabilities capabilities,
      List<Rlimit> rlimits,
      Boolean noNewPrivileges,
      String apparmorProfile,
      Integer oomScoreAdj,
      String selinuxLabel) {}

  public record ConsoleSize(int height, int width) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record User(int uid, int gid, Integer umask, List<Integer> additionalGids) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Capabilities(
      List<String> bounding,
      List<String> effective,
      List<String> inheritable,
      List<String> permitted,
      List<String> ambient) {}

  public record Rlimit(String type, long hard, long soft) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Root(String path, Boolean readonly) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Mount(String destination, String type, String source, List<String> options) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Hooks(List<Hook> prestart, List<Hook> createRuntime, List<Hook> poststop) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Hook(String path, List<String> args, List<String> env, Integer timeout) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Linux(
      List<IdMapping> uidMappings,
      List<IdMapping> gidMappings,
      Map<String, String> sysctl,
      Resources resources,
      String cgroupsPath,
      List<Namespace> namespaces,
      List<Device> devices,
      Seccomp seccomp,
      String rootfsPropagation,
      List<String> maskedPaths,
      List<String> readonlyPaths,
      String mountLabel) {}

  public record IdMapping(long containerID, long hostID, long size) {}

  /** type: pid, network, mount, ipc, uts, user, cgroup; path joins an existing namespace. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Namespace(String type, String path) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Device(
      String type, String path, long major, long minor, Integer fileMode, Integer uid, Integer gid) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Resources(
      List<DeviceCgroup> devices,
      Memory memory,
      Cpu cpu,
      Pids pids,
      BlockIO blockIO) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DeviceCgroup(boolean allow, String type, Long major, Long minor, String access) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Memory(
      Long limit, Long reservation, Long swap, Long kernel, Long swappiness, Boolean disableOOMKiller) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Cpu(
      Long shares, Long quota, Long period, Long realtimeRuntime, Long realtimePeriod, String cpus, String mems) {}

  public record Pids(long limit) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BlockIO(Integer weight) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Seccomp(String defaultAction, List<String> architectures, List<Syscall> syscalls) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Syscall(List<String> names, String action, List<Object> args) {}
}

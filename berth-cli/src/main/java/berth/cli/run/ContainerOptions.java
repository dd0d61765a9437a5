package berth.cli.run;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Docker's container flags shared by {@code run} and {@code create} (a picocli mixin). */
public final class ContainerOptions {
  @Option(names = "--name", paramLabel = "string", description = "Assign a name to the container")
  public String name;

  @Option(names = {"-i", "--interactive"}, description = "Keep STDIN open even if not attached")
  public boolean interactive;

  @Option(names = {"-t", "--tty"}, description = "Allocate a pseudo-TTY")
  public boolean tty;

  @Option(names = "--rm", arity = "0..1", fallbackValue = "true", description = "Automatically remove the container and its associated anonymous volumes when it exits")
  public boolean rm;

  @Option(names = {"-e", "--env"}, paramLabel = "list", description = "Set environment variables")
  public List<String> env = new ArrayList<>();

  @Option(names = "--env-file", paramLabel = "list", description = "Read in a file of environment variables")
  public List<String> envFile = new ArrayList<>();

  @Option(names = {"-l", "--label"}, paramLabel = "list", description = "Set meta data on a container")
  public List<String> label = new ArrayList<>();

  @Option(names = {"-u", "--user"}, paramLabel = "string", description = "Username or UID (format: <name|uid>[:<group|gid>])")
  public String user;

  @Option(names = {"-w", "--workdir"}, paramLabel = "string", description = "Working directory inside the container")
  public String workdir;

  @Option(names = "--entrypoint", paramLabel = "string", description = "Overwrite the default ENTRYPOINT of the image")
  public String entrypoint;

  @Option(names = {"-h", "--hostname"}, paramLabel = "string", description = "Container host name")
  public String hostname;

  @Option(names = "--domainname", paramLabel = "string", description = "Container NIS domain name")
  public String domainname;

  @Option(names = {"--network", "--net"}, paramLabel = "network", description = "Connect a container to a network")
  public List<String> network = new ArrayList<>();

  @Option(names = {"--network-alias", "--net-alias"}, paramLabel = "list", description = "Add network-scoped alias for the container")
  public List<String> networkAlias = new ArrayList<>();

  @Option(names = "--ip", paramLabel = "string", description = "IPv4 address (e.g., 172.30.100.104)")
  public String ip;

  @Option(names = "--ip6", paramLabel = "string", description = "IPv6 address (e.g., 2001:db8::33)")
  public String ip6;

  @Option(names = "--mac-address", paramLabel = "string", description = "Container MAC address (e.g., 92:d0:c6:0a:29:33)")
  public String macAddress;

  @Option(names = "--link", paramLabel = "list", description = "Add link to another container")
  public List<String> link = new ArrayList<>();

  @Option(names = "--dns-search", paramLabel = "list", description = "Set custom DNS search domains")
  public List<String> dnsSearch = new ArrayList<>();

  @Option(names = {"--dns-option", "--dns-opt"}, paramLabel = "list", description = "Set DNS options")
  public List<String> dnsOption = new ArrayList<>();

  @Option(names = "--restart", paramLabel = "string", description = "Restart policy to apply when a container exits (default \"no\")")
  public String restart;

  @Option(names = "--init", arity = "0..1", fallbackValue = "true", description = "Run an init inside the container that forwards signals and reaps processes")
  public Boolean init;

  @Option(names = "--read-only", arity = "0..1", fallbackValue = "true", description = "Mount the container's root filesystem as read only")
  public boolean readOnly;

  @Option(names = "--privileged", arity = "0..1", fallbackValue = "true", description = "Give extended privileges to this container")
  public boolean privileged;

  @Option(names = "--cap-add", paramLabel = "list", description = "Add Linux capabilities")
  public List<String> capAdd = new ArrayList<>();

  @Option(names = "--cap-drop", paramLabel = "list", description = "Drop Linux capabilities")
  public List<String> capDrop = new ArrayList<>();

  @Option(names = {"-m", "--memory"}, paramLabel = "bytes", description = "Memory limit")
  public String memory;

  @Option(names = "--memory-swap", paramLabel = "bytes", description = "Swap limit equal to memory plus swap: '-1' to enable unlimited swap")
  public String memorySwap;

  @Option(names = "--memory-reservation", paramLabel = "bytes", description = "Memory soft limit")
  public String memoryReservation;

  @Option(names = "--cpus", paramLabel = "decimal", description = "Number of CPUs")
  public String cpus;

  @Option(names = {"-c", "--cpu-shares"}, paramLabel = "int", description = "CPU shares (relative weight)")
  public Long cpuShares;

  @Option(names = "--cpu-period", paramLabel = "int", description = "Limit CPU CFS (Completely Fair Scheduler) period")
  public Long cpuPeriod;

  @Option(names = "--cpu-quota", paramLabel = "int", description = "Limit CPU CFS (Completely Fair Scheduler) quota")
  public Long cpuQuota;

  @Option(names = "--cpuset-cpus", paramLabel = "string", description = "CPUs in which to allow execution (0-3, 0,1)")
  public String cpusetCpus;

  @Option(names = "--cpuset-mems", paramLabel = "string", description = "MEMs in which to allow execution (0-3, 0,1)")
  public String cpusetMems;

  @Option(names = "--pids-limit", paramLabel = "int", description = "Tune container pids limit (set -1 for unlimited)")
  public Long pidsLimit;

  @Option(names = "--ulimit", paramLabel = "ulimit", description = "Ulimit options")
  public List<String> ulimit = new ArrayList<>();

  @Option(names = "--shm-size", paramLabel = "bytes", description = "Size of /dev/shm")
  public String shmSize;

  @Option(names = "--tmpfs", paramLabel = "list", description = "Mount a tmpfs directory")
  public List<String> tmpfs = new ArrayList<>();

  @Option(names = "--oom-kill-disable", arity = "0..1", fallbackValue = "true", description = "Disable OOM Killer")
  public boolean oomKillDisable;

  @Option(names = "--oom-score-adj", paramLabel = "int", description = "Tune host's OOM preferences (-1000 to 1000)")
  public Integer oomScoreAdj;

  @Option(names = "--stop-signal", paramLabel = "string", description = "Signal to stop the container")
  public String stopSignal;

  @Option(names = "--stop-timeout", paramLabel = "int", description = "Timeout (in seconds) to stop a container")
  public Integer stopTimeout;

  @Option(names = "--security-opt", paramLabel = "list", description = "Security Options")
  public List<String> securityOpt = new ArrayList<>();

  @Option(names = "--health-cmd", paramLabel = "string", description = "Command to run to check health")
  public String healthCmd;

  @Option(names = "--health-interval", paramLabel = "duration", description = "Time between running the check (ms|s|m|h) (default 0s)")
  public String healthInterval;

  @Option(names = "--health-timeout", paramLabel = "duration", description = "Maximum time to allow one check to run (ms|s|m|h) (default 0s)")
  public String healthTimeout;

  @Option(names = "--health-retries", paramLabel = "int", description = "Consecutive failures needed to report unhealthy")
  public Integer healthRetries;

  @Option(names = "--health-start-period", paramLabel = "duration", description = "Start period for the container to initialize before starting health-retries countdown (ms|s|m|h) (default 0s)")
  public String healthStartPeriod;

  @Option(names = "--health-start-interval", paramLabel = "duration", description = "Time between running the check during the start period (ms|s|m|h) (default 0s)")
  public String healthStartInterval;

  @Option(names = "--no-healthcheck", arity = "0..1", fallbackValue = "true", description = "Disable any container-specified HEALTHCHECK")
  public boolean noHealthcheck;

  @Option(names = "--detach-keys", paramLabel = "string", description = "Override the key sequence for detaching a container")
  public String detachKeys;

  @Option(names = {"-a", "--attach"}, paramLabel = "list", description = "Attach to STDIN, STDOUT or STDERR")
  public List<String> attach = new ArrayList<>();

  @Option(names = {"-v", "--volume"}, paramLabel = "list", description = "Bind mount a volume")
  public List<String> volume = new ArrayList<>();

  @Option(names = "--mount", paramLabel = "mount", description = "Attach a filesystem mount to the container")
  public List<String> mount = new ArrayList<>();

  @Option(names = "--volumes-from", paramLabel = "list", description = "Mount volumes from the specified container(s)")
  public List<String> volumesFrom = new ArrayList<>();

  @Option(names = {"-p", "--publish"}, paramLabel = "list", description = "Publish a container's port(s) to the host")
  public List<String> publish = new ArrayList<>();

  @Option(names = {"-P", "--publish-all"}, description = "Publish all exposed ports to random ports")
  public boolean publishAll;

  @Option(names = "--expose", paramLabel = "list", description = "Expose a port or a range of ports")
  public List<String> expose = new ArrayList<>();

  @Option(names = "--add-host", paramLabel = "list", description = "Add a custom host-to-IP mapping (host:ip)")
  public List<String> addHost = new ArrayList<>();

  @Option(names = "--dns", paramLabel = "list", description = "Set custom DNS servers")
  public List<String> dns = new ArrayList<>();

  @Option(names = "--group-add", paramLabel = "list", description = "Add additional groups to join")
  public List<String> groupAdd = new ArrayList<>();

  @Option(names = "--log-driver", paramLabel = "string", description = "Logging driver for the container")
  public String logDriver;

  @Option(names = "--log-opt", paramLabel = "list", description = "Log driver options")
  public List<String> logOpt = new ArrayList<>();

  @Option(names = "--ipc", paramLabel = "string", description = "IPC mode to use")
  public String ipc;

  @Option(names = "--pid", paramLabel = "string", description = "PID namespace to use")
  public String pid;

  @Option(names = "--uts", paramLabel = "string", description = "UTS namespace to use")
  public String uts;

  @Option(names = "--cgroupns", paramLabel = "string", description = "Cgroup namespace to use (host|private)")
  public String cgroupns;

  @Option(names = "--cgroup-parent", paramLabel = "string", description = "Optional parent cgroup for the container")
  public String cgroupParent;

  @Option(names = "--runtime", paramLabel = "string", description = "Runtime to use for this container")
  public String runtime;

  @Option(names = "--platform", paramLabel = "string", description = "Set platform if server is multi-platform capable")
  public String platform;

  @Option(names = "--pull", paramLabel = "string", defaultValue = "missing", description = "Pull image before running (\"always\", \"missing\", \"never\")")
  public String pull;

  @Option(names = {"-q", "--quiet"}, description = "Suppress the pull output")
  public boolean quiet;
}

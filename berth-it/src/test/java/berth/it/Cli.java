package berth.it;

import berth.testkit.BerthDaemon;
import berth.testkit.ExecResult;

/** The two command-line clients every behaviour is checked with. */
enum Cli {
  DOCKER, BERTH;

  ExecResult run(BerthDaemon d, String... args) {
    return this == DOCKER ? d.docker(args) : d.berth(args);
  }

  ExecResult runIn(BerthDaemon d, String stdin, String... args) {
    return this == DOCKER ? d.dockerIn(stdin, args) : d.berthIn(stdin, args);
  }

  /** The program name as a shell command (both are on the kit's PATH). */
  String command() {
    return this == DOCKER ? "docker" : "berth";
  }
}

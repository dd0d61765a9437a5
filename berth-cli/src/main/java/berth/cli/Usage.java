package berth.cli;

import java.util.Map;

/** Docker's one-line usage per command ({@code Usage:  docker rm [OPTIONS] CONTAINER [CONTAINER...]}). */
final class Usage {
  private static final Map<String, String> ARGS = Map.ofEntries(
      Map.entry("attach", "[OPTIONS] CONTAINER"),
      Map.entry("commit", "[OPTIONS] CONTAINER [REPOSITORY[:TAG]]"),
      Map.entry("cp", "[OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tberth cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH"),
      Map.entry("create", "[OPTIONS] IMAGE [COMMAND] [ARG...]"),
      Map.entry("diff", "CONTAINER"),
      Map.entry("events", "[OPTIONS]"),
      Map.entry("exec", "[OPTIONS] CONTAINER COMMAND [ARG...]"),
      Map.entry("export", "[OPTIONS] CONTAINER"),
      Map.entry("history", "[OPTIONS] IMAGE"),
      Map.entry("images", "[OPTIONS] [REPOSITORY[:TAG]]"),
      Map.entry("ls", "[OPTIONS]"),
      Map.entry("import", "[OPTIONS] file|URL|- [REPOSITORY[:TAG]]"),
      Map.entry("info", "[OPTIONS]"),
      Map.entry("inspect", "[OPTIONS] NAME|ID [NAME|ID...]"),
      Map.entry("kill", "[OPTIONS] CONTAINER [CONTAINER...]"),
      Map.entry("load", "[OPTIONS]"),
      Map.entry("logs", "[OPTIONS] CONTAINER"),
      Map.entry("pause", "CONTAINER [CONTAINER...]"),
      Map.entry("port", "CONTAINER [PRIVATE_PORT[/PROTO]]"),
      Map.entry("prune", "[OPTIONS]"),
      Map.entry("ps", "[OPTIONS]"),
      Map.entry("pull", "[OPTIONS] NAME[:TAG|@DIGEST]"),
      Map.entry("rename", "CONTAINER NEW_NAME"),
      Map.entry("restart", "[OPTIONS] CONTAINER [CONTAINER...]"),
      Map.entry("rm", "[OPTIONS] CONTAINER [CONTAINER...]"),
      Map.entry("rmi", "[OPTIONS] IMAGE [IMAGE...]"),
      Map.entry("run", "[OPTIONS] IMAGE [COMMAND] [ARG...]"),
      Map.entry("save", "[OPTIONS] IMAGE [IMAGE...]"),
      Map.entry("start", "[OPTIONS] CONTAINER [CONTAINER...]"),
      Map.entry("stats", "[OPTIONS] [CONTAINER...]"),
      Map.entry("stop", "[OPTIONS] CONTAINER [CONTAINER...]"),
      Map.entry("tag", "SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]"),
      Map.entry("top", "CONTAINER [ps OPTIONS]"),
      Map.entry("unpause", "CONTAINER [CONTAINER...]"),
      Map.entry("update", "[OPTIONS] CONTAINER [CONTAINER...]"),
      Map.entry("version", "[OPTIONS]"),
      Map.entry("wait", "CONTAINER [CONTAINER...]"),
      Map.entry("df", "[OPTIONS]"));

  private Usage() {}

  /** "berth container rm [OPTIONS] CONTAINER [CONTAINER...]"; groups have no arguments. */
  static String line(String qualifiedName, String leaf) {
    String args = ARGS.get(leaf);
    return args == null ? qualifiedName : qualifiedName + " " + args;
  }
}

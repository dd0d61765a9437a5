package berth.cli.commands;

import berth.cli.CliError;
import berth.client.Query;
import berth.client.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code berth build [OPTIONS] PATH|-}: tars the context (with .dockerignore applied) straight
 * into {@code POST /build} and shows the classic builder's output: as it comes with
 * {@code --progress=plain}, or one line per step with its time and the last lines of its output
 * ({@code tty}, the default on a terminal).
 */
@Command(name = "build", description = "Build an image from a Dockerfile")
public final class BuildCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "PATH|-")
  String context;

  @Option(names = {"-t", "--tag"}, paramLabel = "list", description = "Name and optionally a tag in the \"name:tag\" format")
  List<String> tags = new ArrayList<>();

  @Option(names = {"-f", "--file"}, paramLabel = "string", description = "Name of the Dockerfile (Default is \"PATH/Dockerfile\")")
  String file;

  @Option(names = "--build-arg", paramLabel = "list", description = "Set build-time variables")
  List<String> buildArgs = new ArrayList<>();

  @Option(names = "--label", paramLabel = "list", description = "Set metadata for an image")
  List<String> labels = new ArrayList<>();

  @Option(names = "--target", paramLabel = "string", description = "Set the target build stage to build")
  String target;

  @Option(names = "--no-cache", description = "Do not use cache when building the image")
  boolean noCache;

  @Option(names = {"-q", "--quiet"}, description = "Suppress the build output and print image ID on success")
  boolean quiet;

  @Option(names = "--network", paramLabel = "string", description = "Set the networking mode for the RUN instructions during build")
  String network;

  @Option(names = "--add-host", paramLabel = "list", description = "Add a custom host-to-IP mapping (\"host:ip\")")
  List<String> addHosts = new ArrayList<>();

  @Option(names = "--platform", paramLabel = "string", description = "Set platform if server is multi-platform capable")
  String platform;

  @Option(names = "--rm", arity = "0..1", fallbackValue = "true",
      description = "Remove intermediate containers after a successful build")
  boolean rm = true;

  @Option(names = "--force-rm", description = "Always remove intermediate containers")
  boolean forceRm;

  @Option(names = "--progress", paramLabel = "string", description = "Set type of progress output (auto, plain, tty)")
  String progress = "auto";

  @Override
  public Integer call() {
    Query q = Query.of();
    tags.forEach(t -> q.add("t", t));
    q.add("buildargs", json(pairs(buildArgs, true))).add("labels", json(pairs(labels, false)))
        .add("target", blank(target)).flag("nocache", noCache).flag("q", quiet).add("networkmode", blank(network))
        .add("platform", blank(platform)).add("rm", rm ? "1" : "0").flag("forcerm", forceRm);
    addHosts.forEach(h -> q.add("extrahosts", h));
    InputStream body;
    if (context.equals("-")) {
      body = root().in();
    } else {
      body = tarStream(q);
    }
    try (Response r = client().upload("POST", "/build", q, body, "application/x-tar")) {
      render(r);
    }
    return 0;
  }

  private InputStream tarStream(Query q) {
    Path dir = Path.of(context);
    if (!Files.isDirectory(dir)) {
      throw new CliError("unable to prepare context: path \"" + context + "\" not found", 1);
    }
    String inContext = "Dockerfile";
    Path external = null;
    String externalName = null;
    if (file != null && !file.isEmpty()) {
      Path f = Path.of(file).toAbsolutePath().normalize();
      Path abs = dir.toAbsolutePath().normalize();
      if (!Files.isRegularFile(f)) {
        throw new CliError("unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat "
            + f + ": no such file or directory", 1);
      }
      if (f.startsWith(abs)) {
        inContext = abs.relativize(f).toString();
      } else {
        external = f;
        externalName = ".dockerfile." + Long.toHexString(System.nanoTime());
        inContext = externalName;
      }
    } else if (!Files.isRegularFile(dir.resolve("Dockerfile"))) {
      throw new CliError("unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat "
          + dir.toAbsolutePath().resolve("Dockerfile") + ": no such file or directory", 1);
    }
    q.add("dockerfile", inContext);
    try {
      ContextTar tar = new ContextTar(dir, inContext, external, externalName);
      PipedInputStream in = new PipedInputStream(1 << 20);
      PipedOutputStream out = new PipedOutputStream(in);
      Thread.ofVirtual().start(() -> {
        try (out) {
          tar.write(out);
        } catch (IOException e) {
          // the upload ends short; the daemon reports the broken context
        }
      });
      return in;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void render(Response r) {
    boolean tty = progress.equals("tty") || progress.equals("auto") && System.console() != null
        && System.console().isTerminal();
    PrintStream out = out();
    StepView view = tty && !quiet ? new StepView(out) : null;
    Iterator<JsonNode> it = r.jsonStream();
    while (it.hasNext()) {
      JsonNode m = it.next();
      if (m.hasNonNull("errorDetail") || m.hasNonNull("error")) {
        if (view != null) {
          view.end();
        }
        int code = m.path("errorDetail").path("code").asInt(1);
        throw new CliError(m.path("error").asText(m.path("errorDetail").path("message").asText()), code == 0 ? 1 : code);
      }
      if (m.hasNonNull("stream")) {
        String text = m.path("stream").asText();
        if (quiet) {
          out.print(text);
        } else if (view != null) {
          view.accept(text);
        } else {
          out.print(text);
        }
        out.flush();
      }
    }
    if (view != null) {
      view.end();
    }
  }

  /** The compact view: one line per step with its time, "CACHED", and the last lines of RUN output. */
  static final class StepView {
    private final PrintStream out;
    private String step;
    private long started;
    private boolean cached;
    private final Deque<String> tail = new ArrayDeque<>();
    private final StringBuilder partial = new StringBuilder();

    StepView(PrintStream out) {
      this.out = out;
    }

    void accept(String text) {
      for (String line : text.split("(?<=\n)")) {
        if (line.startsWith("Step ")) {
          end();
          step = line.strip();
          started = System.nanoTime();
          cached = false;
        } else if (line.startsWith(" ---> Using cache")) {
          cached = true;
        } else if (line.startsWith(" ---> ") || line.startsWith("Removing intermediate container")) {
          continue;
        } else if (step == null || line.startsWith("Successfully") || line.startsWith("[Warning]")) {
          end();
          out.print(line);
        } else {
          partial.append(line);
          if (line.endsWith("\n")) {
            tail.addLast(partial.toString().stripTrailing());
            partial.setLength(0);
            while (tail.size() > 5) {
              tail.removeFirst();
            }
          }
        }
      }
    }

    void end() {
      if (step == null) {
        return;
      }
      long ms = (System.nanoTime() - started) / 1_000_000;
      out.println("=> " + step + (cached ? "  CACHED" : String.format("  %.1fs", ms / 1000.0)));
      for (String l : tail) {
        out.println("   | " + l);
      }
      tail.clear();
      step = null;
    }
  }

  private static Map<String, String> pairs(List<String> list, boolean fromEnv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String kv : list) {
      int eq = kv.indexOf('=');
      if (eq >= 0) {
        m.put(kv.substring(0, eq), kv.substring(eq + 1));
      } else if (fromEnv) {
        String v = System.getenv(kv);
        if (v != null) {
          m.put(kv, v);
        }
      } else {
        m.put(kv, "");
      }
    }
    return m;
  }

  private static String json(Map<String, String> m) {
    if (m.isEmpty()) {
      return null;
    }
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(m);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String blank(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}

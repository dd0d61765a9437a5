package berth.api.http;

import berth.core.errors.NotFound;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Method + path template → handler. Templates use {@code {name}} for one path segment and
 * {@code {name*}} for one or more (image names contain slashes: {@code /images/{name*}/json}).
 * Paths may carry a {@code /v1.NN} prefix; see {@link #resolve}.
 */
public final class Router {
  private static final Pattern VERSION_PREFIX = Pattern.compile("^/v([0-9]+(?:\\.[0-9]+)?)(/.*)$");
  private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z]+)(\\*?)}");

  private final List<Route> routes = new ArrayList<>();

  /** What a request resolved to. */
  public record Match(Handler handler, Map<String, String> params, ApiVersion version, String path) {}

  private record Route(String method, Pattern pattern, List<String> names, Handler handler) {}

  public Router add(String method, String template, Handler handler) {
    List<String> names = new ArrayList<>();
    StringBuilder regex = new StringBuilder("^");
    Matcher m = PARAM.matcher(template);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start())));
      regex.append(m.group(2).isEmpty() ? "([^/]+)" : "(.+)");
      names.add(m.group(1));
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last))).append("/?$");
    routes.add(new Route(method, Pattern.compile(regex.toString()), names, handler));
    return this;
  }

  public Router get(String template, Handler h) {
    return add("GET", template, h);
  }

  public Router post(String template, Handler h) {
    return add("POST", template, h);
  }

  public Router put(String template, Handler h) {
    return add("PUT", template, h);
  }

  public Router head(String template, Handler h) {
    return add("HEAD", template, h);
  }

  public Router delete(String template, Handler h) {
    return add("DELETE", template, h);
  }

  /**
   * Resolves a raw path (without query). A version prefix above the newest or below the oldest
   * supported version is a 400 with Docker's words; an unknown path or method is 404
   * "page not found", as Docker's router answers.
   */
  public Match resolve(String method, String rawPath) {
    ApiVersion version = ApiVersion.MAX;
    String path = rawPath;
    Matcher vm = VERSION_PREFIX.matcher(rawPath);
    if (vm.matches()) {
      version = ApiVersion.check(vm.group(1));
      path = vm.group(2);
    }
    for (Route r : routes) {
      if (!r.method.equals(method) && !(method.equals("HEAD") && r.method.equals("GET") && !hasHead(path))) {
        continue;
      }
      Matcher m = r.pattern.matcher(path);
      if (m.matches()) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < r.names.size(); i++) {
          params.put(r.names.get(i), QueryStringDecoder.decodeComponent(m.group(i + 1)));
        }
        return new Match(r.handler, params, version, path);
      }
    }
    throw new NotFound("page not found");
  }

  private boolean hasHead(String path) {
    for (Route r : routes) {
      if (r.method.equals("HEAD") && r.pattern.matcher(path).matches()) {
        return true;
      }
    }
    return false;
  }
}

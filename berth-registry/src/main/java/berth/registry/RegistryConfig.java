package berth.registry;

import berth.core.errors.InvalidArgument;
import berth.registry.auth.AccessRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The registry's configuration file (YAML). Every key is optional:
 * <pre>
 * listen: 127.0.0.1:5000          # host:port (":5000" for every address)
 * storage: /var/lib/berth-registry
 * tls: {certificate: cert.pem, key: key.pem}     # PEM; key in PKCS#8
 * delete: false                   # allow DELETE of manifests, tags and blobs
 * readonly: false                 # refuse every write (needed while `registry gc` runs)
 * max_manifest_bytes: 4194304
 * auth:                           # absent: anyone may do anything
 *   htpasswd: {path: /etc/berth-registry/htpasswd, realm: berth-registry}
 *   # or
 *   token: {htpasswd: FILE, service: berth-registry, issuer: berth-registry, realm: URL,
 *           anonymous_pull: false, expiration: 300, secret: "32+ bytes"}
 *   access:                        # optional, both modes; absent: an authenticated account may do all
 *     - {account: reader, name: "*", actions: [pull]}
 * </pre>
 */
public record RegistryConfig(
    String listen, Path storage, Path tlsCertificate, Path tlsKey, boolean deleteEnabled, boolean readOnly,
    long maxManifestBytes, Auth auth) {

  /** How clients authenticate. */
  public sealed interface Auth {}

  public record NoAuth() implements Auth {}

  public record HtpasswdAuth(Path path, String realm, List<AccessRule> access) implements Auth {}

  public record TokenAuth(Path htpasswd, String service, String issuer, String realm, boolean anonymousPull,
      long expirationSeconds, String secret, List<AccessRule> access) implements Auth {}

  public static RegistryConfig defaults() {
    return new RegistryConfig("127.0.0.1:5000", Path.of("/var/lib/berth-registry"), null, null, false, false,
        4 * 1024 * 1024, new NoAuth());
  }

  public RegistryConfig withListen(String l) {
    return new RegistryConfig(l, storage, tlsCertificate, tlsKey, deleteEnabled, readOnly, maxManifestBytes, auth);
  }

  public RegistryConfig withStorage(Path s) {
    return new RegistryConfig(listen, s, tlsCertificate, tlsKey, deleteEnabled, readOnly, maxManifestBytes, auth);
  }

  public RegistryConfig withReadOnly(boolean r) {
    return new RegistryConfig(listen, storage, tlsCertificate, tlsKey, deleteEnabled, r, maxManifestBytes, auth);
  }

  public static RegistryConfig load(Path file) throws IOException {
    return parse(Files.readString(file), file.toAbsolutePath().getParent());
  }

  /** Parses YAML text; relative paths are taken from {@code base}. */
  public static RegistryConfig parse(String yaml, Path base) {
    Object doc = new Load(LoadSettings.builder().setLabel("registry config").build()).loadFromString(yaml);
    if (doc == null) {
      return defaults();
    }
    if (!(doc instanceof Map<?, ?> top)) {
      throw new InvalidArgument("registry config: the document must be a mapping");
    }
    RegistryConfig d = defaults();
    known(top, "registry config", "listen", "storage", "tls", "delete", "readonly", "max_manifest_bytes", "auth");
    Path cert = null;
    Path key = null;
    if (top.get("tls") instanceof Map<?, ?> tls) {
      known(tls, "tls", "certificate", "key");
      cert = path(base, str(tls, "certificate", null));
      key = path(base, str(tls, "key", null));
      if (cert == null || key == null) {
        throw new InvalidArgument("registry config: tls needs both certificate and key");
      }
    }
    return new RegistryConfig(
        str(top, "listen", d.listen()),
        path(base, str(top, "storage", d.storage().toString())),
        cert, key,
        bool(top, "delete", false),
        bool(top, "readonly", false),
        top.get("max_manifest_bytes") instanceof Number n ? n.longValue() : d.maxManifestBytes(),
        auth(top.get("auth"), base));
  }

  private static Auth auth(Object o, Path base) {
    if (o == null || "none".equals(o)) {
      return new NoAuth();
    }
    if (!(o instanceof Map<?, ?> a)) {
      throw new InvalidArgument("registry config: auth must be none, or a mapping with htpasswd or token");
    }
    known(a, "auth", "htpasswd", "token", "access");
    List<AccessRule> rules = rules(a.get("access"));
    if (a.get("htpasswd") instanceof Map<?, ?> h) {
      known(h, "auth.htpasswd", "path", "realm");
      Path p = path(base, str(h, "path", null));
      if (p == null) {
        throw new InvalidArgument("registry config: auth.htpasswd.path is required");
      }
      return new HtpasswdAuth(p, str(h, "realm", "berth-registry"), rules);
    }
    if (a.get("token") instanceof Map<?, ?> t) {
      known(t, "auth.token", "htpasswd", "service", "issuer", "realm", "anonymous_pull", "expiration", "secret");
      return new TokenAuth(path(base, str(t, "htpasswd", null)), str(t, "service", "berth-registry"),
          str(t, "issuer", "berth-registry"), str(t, "realm", null), bool(t, "anonymous_pull", false),
          t.get("expiration") instanceof Number n ? n.longValue() : 300, str(t, "secret", null), rules);
    }
    throw new InvalidArgument("registry config: auth needs htpasswd or token");
  }

  private static List<AccessRule> rules(Object o) {
    List<AccessRule> out = new ArrayList<>();
    if (o == null) {
      return out;
    }
    if (!(o instanceof List<?> list)) {
      throw new InvalidArgument("registry config: auth.access must be a list");
    }
    for (Object e : list) {
      if (!(e instanceof Map<?, ?> m) || !(m.get("actions") instanceof List<?> acts)) {
        throw new InvalidArgument("registry config: each auth.access entry needs account, name and actions");
      }
      Set<String> actions = new LinkedHashSet<>();
      acts.forEach(x -> actions.add(String.valueOf(x)));
      out.add(new AccessRule(str(m, "account", "*"), str(m, "name", "*"), actions));
    }
    return out;
  }

  private static void known(Map<?, ?> m, String where, String... keys) {
    Set<String> ok = Set.of(keys);
    for (Object k : m.keySet()) {
      if (!ok.contains(String.valueOf(k))) {
        throw new InvalidArgument("registry config: unknown key " + k + " in " + where);
      }
    }
  }

  private static String str(Map<?, ?> m, String k, String dflt) {
    Object v = m.get(k);
    return v == null ? dflt : String.valueOf(v);
  }

  private static boolean bool(Map<?, ?> m, String k, boolean dflt) {
    Object v = m.get(k);
    if (v == null) {
      return dflt;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw new InvalidArgument("registry config: " + k + " must be true or false, not " + v);
  }

  private static Path path(Path base, String s) {
    if (s == null) {
      return null;
    }
    Path p = Path.of(s);
    return p.isAbsolute() || base == null ? p : base.resolve(p);
  }
}

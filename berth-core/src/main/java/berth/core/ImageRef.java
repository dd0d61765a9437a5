package berth.core;

import berth.core.errors.InvalidArgument;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image reference, parsed and normalised exactly as Docker's {@code distribution/reference}
 * ({@code ParseNormalizedNamed}) does, with Docker's error messages. Grammar:
 *
 * <pre>
 * reference        := name [ ":" tag ] [ "@" digest ]
 * name             := [domain '/'] path-component ['/' path-component]*
 * domain           := host [':' port-number]
 * host             := domain-name | '[' IPv6 ']'
 * domain-name      := domain-component ['.' domain-component]*
 * domain-component := /([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])/
 * path-component   := /[a-z0-9]+/ [ separator /[a-z0-9]+/ ]*
 * separator        := /[_.]|__|[-]+/
 * tag              := /[\w][\w.-]{0,127}/
 * digest           := algorithm ":" hex
 * </pre>
 *
 * <p>The first component is a domain only if it contains '.' or ':' or is {@code localhost}, or
 * has an uppercase letter; otherwise the domain is {@code docker.io}, and a one-component path
 * on docker.io gets {@code library/}. So {@code busybox} is {@code docker.io/library/busybox}, and
 * its familiar name (what Docker prints) is {@code busybox}.
 *
 * @param domain registry host[:port], e.g. docker.io
 * @param path repository path on that registry, e.g. library/busybox
 * @param tag tag or null
 * @param digest {@code algorithm:hex} or null
 */
public record ImageRef(String domain, String path, String tag, String digest) {
  public static final String DEFAULT_DOMAIN = "docker.io";
  public static final String DEFAULT_TAG = "latest";
  private static final String LEGACY_DOMAIN = "index.docker.io";
  private static final String OFFICIAL_PREFIX = "library/";
  private static final int NAME_MAX = 255;
  private static final int INPUT_MAX = 1024;

  private static final String ALNUM = "[a-z0-9]+";
  private static final String SEPARATOR = "(?:[._]|__|[-]+)";
  private static final String PATH_COMPONENT = ALNUM + "(?:" + SEPARATOR + ALNUM + ")*";
  private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String HOST =
      "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[(?:[a-fA-F0-9:]+)\\])";
  private static final String DOMAIN = HOST + "(?::[0-9]+)?";
  private static final String NAME = "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
  private static final String TAG = "[\\w][\\w.-]{0,127}";
  private static final String DIGEST =
      "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
  private static final Pattern REFERENCE =
      Pattern.compile("^(" + NAME + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?$");
  private static final Pattern ANCHORED_ID = Pattern.compile("^[a-f0-9]{64}$");

  public ImageRef {
    if (domain == null || path == null) {
      throw new InvalidArgument("invalid reference format");
    }
  }

  /**
   * Parses what a user typed, normalising it like Docker: {@code busybox} becomes
   * {@code docker.io/library/busybox}. No default tag is added (see {@link #withDefaultTag()}).
   *
   * @throws InvalidArgument with Docker's message, e.g. {@code invalid reference format}
   */
  public static ImageRef parse(String s) {
    if (s == null) {
      throw new InvalidArgument("invalid reference format");
    }
    if (ANCHORED_ID.matcher(s).matches()) {
      throw new InvalidArgument(
          "invalid repository name (" + s + "), cannot specify 64-byte hexadecimal strings");
    }
    String[] split = splitDomain(s);
    String remainder = split[1];
    int tagSep = remainder.indexOf(':');
    String remoteName = tagSep >= 0 ? remainder.substring(0, tagSep) : remainder;
    if (!remoteName.toLowerCase(Locale.ROOT).equals(remoteName)) {
      throw new InvalidArgument(
          "invalid reference format: repository name (" + remoteName + ") must be lowercase");
    }
    return parseCanonical(split[0] + "/" + remainder);
  }

  /** Parses and, when neither tag nor digest is given, adds {@code :latest}. */
  public static ImageRef parseWithDefaultTag(String s) {
    return parse(s).withDefaultTag();
  }

  /** Whether {@code s} parses; never throws. */
  public static boolean isValid(String s) {
    try {
      parse(s);
      return true;
    } catch (InvalidArgument e) {
      return false;
    }
  }

  private static String[] splitDomain(String name) {
    int i = name.indexOf('/');
    String domain;
    String remainder;
    if (i == -1) {
      domain = DEFAULT_DOMAIN;
      remainder = name;
    } else {
      String first = name.substring(0, i);
      boolean looksLikeDomain = first.contains(".") || first.contains(":") || first.equals("localhost")
          || !first.toLowerCase(Locale.ROOT).equals(first);
      domain = looksLikeDomain ? first : DEFAULT_DOMAIN;
      remainder = looksLikeDomain ? name.substring(i + 1) : name;
    }
    if (domain.equals(LEGACY_DOMAIN)) {
      domain = DEFAULT_DOMAIN;
    }
    if (domain.equals(DEFAULT_DOMAIN) && remainder.indexOf('/') < 0) {
      remainder = OFFICIAL_PREFIX + remainder;
    }
    return new String[] {domain, remainder};
  }

  /** Parses an already fully-qualified reference (distribution/reference's {@code Parse}). */
  private static ImageRef parseCanonical(String s) {
    if (s.length() > INPUT_MAX) {
      // Java's regex engine recurses per repetition and would overflow the stack on huge input;
      // nothing this long can be valid, so Berth answers without matching (Docker would say the
      // same, or that the name is too long).
      throw new InvalidArgument("invalid reference format");
    }
    Matcher m = REFERENCE.matcher(s);
    if (!m.matches()) {
      if (s.isEmpty()) {
        throw new InvalidArgument("repository name must have at least one component");
      }
      if (REFERENCE.matcher(s.toLowerCase(Locale.ROOT)).matches()) {
        throw new InvalidArgument("repository name must be lowercase");
      }
      throw new InvalidArgument("invalid reference format");
    }
    String name = m.group(1);
    if (name.length() > NAME_MAX) {
      throw new InvalidArgument("repository name must not be more than " + NAME_MAX + " characters");
    }
    int slash = name.indexOf('/');
    String digest = m.group(3);
    if (digest != null) {
      validateDigest(digest);
    }
    return new ImageRef(name.substring(0, slash), name.substring(slash + 1), m.group(2), digest);
  }

  private static void validateDigest(String digest) {
    int colon = digest.indexOf(':');
    String alg = digest.substring(0, colon);
    String hex = digest.substring(colon + 1);
    int want = switch (alg) {
      case "sha256" -> 64;
      case "sha384" -> 96;
      case "sha512" -> 128;
      default -> throw new InvalidArgument("unsupported digest algorithm");
    };
    if (hex.length() != want) {
      throw new InvalidArgument("invalid checksum digest length");
    }
    if (!hex.equals(hex.toLowerCase(Locale.ROOT))) {
      throw new InvalidArgument("invalid checksum digest format");
    }
  }

  /** {@code domain/path}, e.g. docker.io/library/busybox. */
  public String name() {
    return domain + "/" + path;
  }

  /** The short name Docker prints: busybox, not docker.io/library/busybox; other registries kept. */
  public String familiarName() {
    if (!domain.equals(DEFAULT_DOMAIN)) {
      return name();
    }
    if (path.startsWith(OFFICIAL_PREFIX) && path.indexOf('/', OFFICIAL_PREFIX.length()) < 0) {
      return path.substring(OFFICIAL_PREFIX.length());
    }
    return path;
  }

  /** Familiar name with tag and digest, e.g. {@code busybox:latest}. */
  public String familiarString() {
    return familiarName() + suffix();
  }

  public boolean isTagged() {
    return tag != null;
  }

  public boolean isDigested() {
    return digest != null;
  }

  /** This reference with {@code :latest} when it has neither tag nor digest. */
  public ImageRef withDefaultTag() {
    return tag == null && digest == null ? new ImageRef(domain, path, DEFAULT_TAG, null) : this;
  }

  /** The same name with another tag and no digest. */
  public ImageRef withTag(String newTag) {
    if (newTag == null || !newTag.matches(TAG)) {
      throw new InvalidArgument("invalid tag format");
    }
    return new ImageRef(domain, path, newTag, null);
  }

  /** Just the name, no tag or digest. */
  public ImageRef nameOnly() {
    return new ImageRef(domain, path, null, null);
  }

  private String suffix() {
    return (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
  }

  /** Fully qualified, e.g. {@code docker.io/library/busybox:latest}. */
  @Override
  public String toString() {
    return name() + suffix();
  }
}

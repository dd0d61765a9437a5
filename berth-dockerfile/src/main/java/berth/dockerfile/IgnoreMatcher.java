package berth.dockerfile;

import berth.core.errors.InvalidArgument;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@code .dockerignore} file, matched with Docker's rules (moby's patternmatcher): one pattern
 * per line, lines starting with {@code #} are comments, patterns trimmed and cleaned like Go's
 * filepath.Clean with a leading {@code /} dropped (so {@code ./a}, {@code /a} and {@code a} are
 * the same), {@code *} and {@code ?} within one path segment, {@code [...]} classes, {@code **}
 * across directories, {@code !} exceptions, the last matching pattern wins, and a pattern that
 * matches a directory matches everything below it.
 */
public final class IgnoreMatcher {
  private final List<Rule> rules;
  private final boolean exceptions;

  private IgnoreMatcher(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    this.exceptions = rules.stream().anyMatch(r -> r.exclusion);
  }

  /**
   * Parses a .dockerignore's text.
   *
   * @throws InvalidArgument for a malformed pattern (an unclosed {@code [}, a lone {@code !})
   */
  public static IgnoreMatcher parse(String text) {
    List<String> patterns = new ArrayList<>();
    if (text != null) {
      String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
      for (String raw : t.split("\n", -1)) {
        String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        if (line.startsWith("#")) {
          continue;
        }
        String p = Parser.goTrim(line);
        if (p.isEmpty()) {
          continue;
        }
        boolean invert = p.charAt(0) == '!';
        if (invert) {
          p = Parser.goTrim(p.substring(1));
        }
        if (!p.isEmpty()) {
          p = Paths.clean(p);
          if (p.length() > 1 && p.charAt(0) == '/') {
            p = p.substring(1);
          }
        }
        patterns.add(invert ? "!" + p : p);
      }
    }
    return of(patterns);
  }

  /** A matcher over patterns already read (e.g. the {@code excludes} a client sent). */
  public static IgnoreMatcher of(List<String> patterns) {
    List<Rule> rules = new ArrayList<>();
    for (String raw : patterns) {
      String p = Parser.goTrim(raw);
      if (p.isEmpty()) {
        continue;
      }
      p = Paths.clean(p);
      boolean exclusion = false;
      if (p.charAt(0) == '!') {
        if (p.length() == 1) {
          throw new InvalidArgument("illegal exclusion pattern: \"!\"");
        }
        exclusion = true;
        p = p.substring(1);
      }
      validate(p);
      rules.add(new Rule(p, exclusion));
    }
    return new IgnoreMatcher(rules);
  }

  /** The cleaned patterns, {@code !} kept on exceptions, in file order. */
  public List<String> patterns() {
    return rules.stream().map(r -> r.exclusion ? "!" + r.pattern : r.pattern).toList();
  }

  /** Whether any pattern is an {@code !} exception. */
  public boolean hasExceptions() {
    return exceptions;
  }

  /** Whether there is no pattern at all. */
  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /**
   * Whether the path (relative to the context root, {@code /}-separated) is excluded from the
   * context: the last pattern matching it or one of its parent directories decides.
   */
  public boolean excluded(String relativePath) {
    String file = Paths.clean(relativePath);
    while (file.startsWith("/")) {
      file = file.substring(1);
    }
    if (file.equals(".") || file.isEmpty()) {
      return false;
    }
    List<String> parents = new ArrayList<>();
    for (int i = file.indexOf('/'); i >= 0; i = file.indexOf('/', i + 1)) {
      parents.add(file.substring(0, i));
    }
    boolean matched = false;
    for (Rule r : rules) {
      if (r.exclusion != matched) {
        continue; // an exception cannot change an unmatched path, nor a pattern a matched one
      }
      boolean match = r.matches(file);
      for (int i = 0; !match && i < parents.size(); i++) {
        match = r.matches(parents.get(i));
      }
      if (match) {
        matched = !r.exclusion;
      }
    }
    return matched;
  }

  /**
   * For an excluded directory: whether it must still be walked because an exception pattern
   * starts with it (Docker's test, a plain prefix comparison: {@code !a/b/keep} keeps {@code a}
   * and {@code a/b} walked, {@code !**}{@code /keep} does not). False when it can be skipped whole.
   */
  public boolean mustDescend(String relativeDir) {
    if (!exceptions) {
      return false;
    }
    String dir = Paths.clean(relativeDir);
    while (dir.startsWith("/")) {
      dir = dir.substring(1);
    }
    String dirSlash = dir + "/";
    for (Rule r : rules) {
      if (r.exclusion && (r.pattern + "/").startsWith(dirSlash)) {
        return true;
      }
    }
    return false;
  }

  /** Go's filepath.Match syntax check: classes closed and non-empty, no dangling escape. */
  private static void validate(String p) {
    int i = 0;
    int n = p.length();
    while (i < n) {
      char c = p.charAt(i);
      if (c == '\\') {
        if (i + 1 >= n) {
          throw bad();
        }
        i += 2;
      } else if (c == '[') {
        i++;
        if (i < n && p.charAt(i) == '^') {
          i++;
        }
        int count = 0;
        while (true) {
          if (i >= n) {
            throw bad();
          }
          if (p.charAt(i) == ']' && count > 0) {
            i++;
            break;
          }
          i = classChar(p, i);
          if (i < n && p.charAt(i) == '-') {
            i = classChar(p, i + 1);
          }
          count++;
        }
      } else {
        i++;
      }
    }
  }

  private static int classChar(String p, int i) {
    if (i >= p.length() || p.charAt(i) == '-' || p.charAt(i) == ']') {
      throw bad();
    }
    if (p.charAt(i) == '\\') {
      i++;
      if (i >= p.length()) {
        throw bad();
      }
    }
    return i + 1;
  }

  private static InvalidArgument bad() {
    return new InvalidArgument("syntax error in pattern");
  }

  /** One cleaned pattern, compiled the way moby's patternmatcher does. */
  private static final class Rule {
    enum Kind { EXACT, PREFIX, SUFFIX, REGEX }

    final String pattern;
    final boolean exclusion;
    final Kind kind;
    final Pattern regex;

    Rule(String pattern, boolean exclusion) {
      this.pattern = pattern;
      this.exclusion = exclusion;
      StringBuilder re = new StringBuilder("^");
      Kind kind = Kind.EXACT;
      int n = pattern.length();
      boolean inClass = false;
      for (int i = 0, step = 0; i < n; step++) {
        char c = pattern.charAt(i++);
        if (inClass) {
          // inside [...]: keep Go's meaning; escape what Java would read as nesting or intersection
          if (c == ']') {
            inClass = false;
            re.append(']');
          } else if (c == '[' || c == '&') {
            re.append('\\').append(c);
          } else if (c == '\\' && i < n) {
            re.append('\\').append(pattern.charAt(i++));
          } else {
            re.append(c);
          }
          continue;
        }
        if (c == '*') {
          if (i < n && pattern.charAt(i) == '*') {
            i++;
            if (i < n && pattern.charAt(i) == '/') {
              i++;
            }
            if (i >= n) {
              if (kind == Kind.EXACT) {
                kind = Kind.PREFIX;
              } else {
                re.append(".*");
                kind = Kind.REGEX;
              }
            } else {
              re.append("(.*/)?");
              kind = Kind.REGEX;
            }
            if (step == 0) {
              kind = Kind.SUFFIX;
            }
          } else {
            re.append("[^/]*");
            kind = Kind.REGEX;
          }
        } else if (c == '?') {
          re.append("[^/]");
          kind = Kind.REGEX;
        } else if (".+()|{}$".indexOf(c) >= 0) {
          re.append('\\').append(c);
        } else if (c == '\\') {
          if (i < n) {
            char e = pattern.charAt(i++);
            re.append(Character.isLetterOrDigit(e) ? "\\" + e : Pattern.quote(String.valueOf(e)));
            kind = Kind.REGEX;
          } else {
            re.append("\\\\");
          }
        } else if (c == '[') {
          inClass = true;
          re.append('[');
          if (i < n && pattern.charAt(i) == '^') {
            re.append('^');
            i++;
          }
          kind = Kind.REGEX;
        } else if (c == ']') {
          re.append("\\]");
          kind = Kind.REGEX;
        } else {
          re.append(c);
        }
      }
      this.kind = kind;
      if (kind == Kind.REGEX) {
        try {
          this.regex = Pattern.compile(re.append("\\z").toString());
        } catch (PatternSyntaxException e) {
          throw bad();
        }
      } else {
        this.regex = null;
      }
    }

    boolean matches(String path) {
      return switch (kind) {
        case EXACT -> path.equals(pattern);
        case PREFIX -> path.startsWith(pattern.substring(0, pattern.length() - 2));
        case SUFFIX -> {
          String suffix = pattern.substring(2);
          yield path.endsWith(suffix)
              || (!suffix.isEmpty() && suffix.charAt(0) == '/' && path.equals(suffix.substring(1)));
        }
        case REGEX -> regex.matcher(path).matches();
      };
    }
  }
}

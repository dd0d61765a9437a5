package berth.dockerfile;

import berth.core.errors.InvalidArgument;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word lexer with Docker's rules for variables and quotes, written for Berth after BuildKit's
 * shell lexer so that expansion results match Docker's byte for byte. Options mirror the modes the
 * parser needs: raw quotes/escapes (kept in the output) for heredoc detection, skipping unset
 * variables, and leaving quotes alone for heredoc bodies.
 */
final class ShellLex {
  private static final int EOF = -1;

  private final char escape;
  boolean rawQuotes;
  boolean rawEscapes;
  boolean skipUnsetEnv;
  boolean skipProcessQuotes;

  private String src;
  private int pos;
  private boolean rawEsc;
  private Function<String, String> env;

  ShellLex(char escape) {
    this.escape = escape;
  }

  /** One word: variables replaced, quotes removed, no splitting. */
  String processWord(String word, Function<String, String> lookup) {
    return run(word, lookup).word;
  }

  /** Words split on unquoted whitespace, after expansion. */
  List<String> processWords(String word, Function<String, String> lookup) {
    return run(word, lookup).words;
  }

  private Out run(String word, Function<String, String> lookup) {
    src = word;
    pos = 0;
    env = lookup;
    rawEsc = rawEscapes;
    try {
      return processStopOn(EOF, rawEscapes);
    } catch (LexError e) {
      throw new InvalidArgument("failed to process \"" + word + "\": " + e.getMessage());
    }
  }

  private record Out(String word, List<String> words) {}

  /** Signals a syntax error inside one word; wrapped with the word by {@link #run}. */
  static final class LexError extends RuntimeException {
    LexError(String message) {
      super(message, null, false, false);
    }
  }

  private int peek() {
    return pos < src.length() ? src.charAt(pos) : EOF;
  }

  private int next() {
    return pos < src.length() ? src.charAt(pos++) : EOF;
  }

  /** Word accumulator: splits on whitespace that came from plain text or variable values. */
  private static final class Words {
    final StringBuilder buf = new StringBuilder();
    final List<String> words = new ArrayList<>();
    boolean inWord;

    void addChar(char ch) {
      if (isSpace(ch) && inWord) {
        if (!buf.isEmpty()) {
          words.add(buf.toString());
          buf.setLength(0);
          inWord = false;
        }
      } else if (!isSpace(ch)) {
        addRawChar(ch);
      }
    }

    void addRawChar(char ch) {
      buf.append(ch);
      inWord = true;
    }

    void addString(String s) {
      for (int i = 0; i < s.length(); i++) {
        addChar(s.charAt(i));
      }
    }

    void addRawString(String s) {
      buf.append(s);
      inWord = true;
    }

    List<String> get() {
      if (!buf.isEmpty()) {
        words.add(buf.toString());
        buf.setLength(0);
        inWord = false;
      }
      return words;
    }
  }

  private Out processStopOn(int stop, boolean rawEscapesHere) {
    boolean saved = rawEsc;
    rawEsc = rawEscapesHere;
    try {
      StringBuilder result = new StringBuilder();
      Words words = new Words();
      while (peek() != EOF) {
        int ch = peek();
        if (stop != EOF && ch == stop) {
          next();
          return new Out(result.toString(), words.get());
        }
        if (ch == '$') {
          String tmp = processDollar();
          result.append(tmp);
          words.addString(tmp);
        } else if (ch == '<') {
          String tmp = processPossibleHeredoc();
          result.append(tmp);
          words.addRawString(tmp);
        } else if (!skipProcessQuotes && ch == '\'') {
          String tmp = processSingleQuote();
          result.append(tmp);
          words.addRawString(tmp);
        } else if (!skipProcessQuotes && ch == '"') {
          String tmp = processDoubleQuote();
          result.append(tmp);
          words.addRawString(tmp);
        } else {
          char c = (char) next();
          if (c == escape) {
            if (rawEsc) {
              words.addRawChar(c);
              result.append(c);
            }
            int n = next();
            if (n == EOF) {
              break;
            }
            c = (char) n;
            words.addRawChar(c);
          } else {
            words.addChar(c);
          }
          result.append(c);
        }
      }
      if (stop != EOF) {
        throw new LexError("unexpected end of statement while looking for matching "
            + (char) stop);
      }
      return new Out(result.toString(), words.get());
    } finally {
      rawEsc = saved;
    }
  }

  private String processSingleQuote() {
    StringBuilder out = new StringBuilder();
    int ch = next();
    if (rawQuotes) {
      out.append((char) ch);
    }
    while (true) {
      ch = next();
      if (ch == EOF) {
        throw new LexError("unexpected end of statement while looking for matching single-quote");
      }
      if (ch == '\'') {
        if (rawQuotes) {
          out.append('\'');
        }
        return out.toString();
      }
      out.append((char) ch);
    }
  }

  private String processDoubleQuote() {
    StringBuilder out = new StringBuilder();
    int ch = next();
    if (rawQuotes) {
      out.append((char) ch);
    }
    while (true) {
      int p = peek();
      if (p == EOF) {
        throw new LexError("unexpected end of statement while looking for matching double-quote");
      }
      if (p == '"') {
        next();
        if (rawQuotes) {
          out.append('"');
        }
        return out.toString();
      }
      if (p == '$') {
        out.append(processDollar());
        continue;
      }
      ch = next();
      if (ch == escape) {
        if (rawEsc) {
          out.append((char) ch);
        }
        int n = peek();
        if (n == EOF) {
          continue; // a lone escape at the end: the missing quote is reported next
        }
        if (n == '"' || n == '$' || n == escape) {
          ch = next();
        }
      }
      out.append((char) ch);
    }
  }

  private String processDollar() {
    next();
    if (peek() != '{') {
      String name = processName();
      if (name.isEmpty()) {
        return "$";
      }
      String value = env.apply(name);
      if (value == null && skipUnsetEnv) {
        return "$" + name;
      }
      return value == null ? "" : value;
    }
    next();
    int p = peek();
    if (p == EOF) {
      throw new LexError("syntax error: missing '}'");
    }
    if (p == '{' || p == '}' || p == ':') {
      throw new LexError("syntax error: bad substitution");
    }
    String name = processName();
    int ch = next();
    if (ch == EOF) {
      throw new LexError("syntax error: missing '}'");
    }
    String chs = String.valueOf((char) ch);
    boolean nullIsUnset = false;
    switch (ch) {
      case '}' -> {
        String value = env.apply(name);
        if (value == null && skipUnsetEnv) {
          return "${" + name + "}";
        }
        return value == null ? "" : value;
      }
      case '/' -> {
        return processReplace(name);
      }
      case ':' -> {
        nullIsUnset = true;
        ch = next();
        if (ch == EOF) {
          throw new LexError("syntax error: missing '}'");
        }
        chs += (char) ch;
      }
      default -> { }
    }
    if (ch != '+' && ch != '-' && ch != '?' && ch != '#' && ch != '%') {
      throw new LexError("unsupported modifier (" + chs + ") in substitution");
    }
    boolean patternOp = ch == '#' || ch == '%';
    if (nullIsUnset && patternOp) {
      throw new LexError("unsupported modifier (" + chs + ") in substitution");
    }
    // Look the name up before the word so names are reported in the order they are written.
    String value = env.apply(name);
    String word;
    try {
      word = processStopOn('}', patternOp).word;
    } catch (LexError e) {
      if (peek() == EOF) {
        throw new LexError("syntax error: missing '}'");
      }
      throw e;
    }
    boolean set = value != null;
    if (!set && skipUnsetEnv) {
      return "${" + name + chs + word + "}";
    }
    String v = set ? value : "";
    boolean empty = !set || (nullIsUnset && v.isEmpty());
    return switch (ch) {
      case '-' -> empty ? word : v;
      case '+' -> empty ? "" : word;
      case '?' -> {
        if (!set) {
          throw new LexError(name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word));
        }
        if (nullIsUnset && v.isEmpty()) {
          throw new LexError(name + ": " + (word.isEmpty() ? "is not allowed to be empty" : word));
        }
        yield v;
      }
      default -> {
        boolean greedy = false;
        if (!word.isEmpty() && word.charAt(0) == ch) {
          greedy = true;
          word = word.substring(1);
        }
        yield ch == '%' ? trimSuffix(word, v, greedy) : trimPrefix(word, v, greedy);
      }
    };
  }

  private String processReplace(String name) {
    boolean all = peek() == '/';
    if (all) {
      next();
    }
    String pattern;
    String replacement;
    try {
      pattern = processStopOn('/', true).word;
    } catch (LexError e) {
      if (peek() == EOF) {
        throw new LexError("syntax error: missing '/' in ${}");
      }
      throw e;
    }
    try {
      replacement = processStopOn('}', true).word;
    } catch (LexError e) {
      if (peek() == EOF) {
        throw new LexError("syntax error: missing '}'");
      }
      throw e;
    }
    String value = env.apply(name);
    if (value == null && skipUnsetEnv) {
      return "${" + name + "/" + pattern + "/" + replacement + "}";
    }
    String v = value == null ? "" : value;
    Pattern re = shellPattern(pattern, true, false);
    Matcher m = re.matcher(v);
    if (all) {
      return m.replaceAll(Matcher.quoteReplacement(replacement));
    }
    return m.find() ? v.substring(0, m.start()) + replacement + v.substring(m.end()) : v;
  }

  private String processName() {
    StringBuilder name = new StringBuilder();
    while (peek() != EOF) {
      char ch = (char) peek();
      if (name.isEmpty() && Character.isDigit(ch)) {
        while (peek() != EOF && Character.isDigit((char) peek())) {
          name.append((char) next());
        }
        return name.toString();
      }
      if (name.isEmpty() && isSpecialParam(ch)) {
        next();
        return String.valueOf(ch);
      }
      if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') {
        break;
      }
      name.append((char) next());
    }
    return name.toString();
  }

  private String processPossibleHeredoc() {
    next();
    if (peek() != '<') {
      return "<";
    }
    next();
    StringBuilder space = new StringBuilder();
    while (peek() == '\t' || peek() == '\r' || peek() == ' ') {
      space.append((char) next());
    }
    return "<<" + space;
  }

  private static boolean isSpecialParam(char c) {
    return switch (c) {
      case '@', '*', '#', '?', '-', '$', '!', '0' -> true;
      default -> false;
    };
  }

  /** Go's unicode.IsSpace. */
  static boolean isSpace(char c) {
    return switch (c) {
      case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u0085', '\u00A0' -> true;
      default -> c > 0xff && Character.isSpaceChar(c);
    };
  }

  /** A shell wildcard pattern ({@code *}, {@code ?}, {@code \} escapes) as a regex. */
  static Pattern shellPattern(String pattern, boolean greedy, boolean anchored) {
    StringBuilder out = new StringBuilder();
    if (anchored) {
      out.append('^');
    }
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      switch (c) {
        case '*' -> out.append(greedy ? ".*" : ".*?");
        case '?' -> out.append("(?s:.)");
        case '\\' -> {
          char n = i + 1 < pattern.length() ? pattern.charAt(i + 1) : 0;
          if (n == '}' || n == '/') {
            continue;
          }
          if (n != '*' && n != '?' && n != '\\') {
            throw new LexError("invalid pattern (" + pattern + ") in substitution: invalid escape '\\"
                + (n == 0 ? "" : String.valueOf(n)) + "'");
          }
          out.append('\\').append(n);
          i++;
        }
        default -> out.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(out.toString(), Pattern.DOTALL);
  }

  private static String trimPrefix(String word, String value, boolean greedy) {
    Matcher m = shellPattern(word, greedy, true).matcher(value);
    return m.find() ? value.substring(m.end()) : value;
  }

  private static String trimSuffix(String pattern, String word, boolean greedy) {
    String rev = reversePattern(pattern);
    String str = trimPrefix(rev, new StringBuilder(word).reverse().toString(), greedy);
    return new StringBuilder(str).reverse().toString();
  }

  /** Reverses a pattern but keeps each escape before the character it escapes. */
  private static String reversePattern(String p) {
    char[] out = new char[p.length()];
    int last = p.length() - 1;
    for (int i = 0; i <= last; ) {
      char c = p.charAt(i);
      int o = last - i;
      if (c == '\\' && i != last) {
        out[o - 1] = c;
        out[o] = p.charAt(i + 1);
        i += 2;
      } else {
        out[o] = c;
        i++;
      }
    }
    return new String(out);
  }
}

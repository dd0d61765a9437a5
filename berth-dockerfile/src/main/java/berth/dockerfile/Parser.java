package berth.dockerfile;

import berth.core.errors.InvalidArgument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Dockerfile text into logical lines the way Docker's parser does: parser directives at the
 * top, comments dropped, escape-character continuations joined (comment lines and empty lines
 * inside a continuation skipped, the latter with a warning), heredoc bodies collected, builder
 * flags split off. {@link InstructionParser} then types each line.
 */
final class Parser {
  private static final Pattern DIRECTIVE =
      Pattern.compile("^([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");
  private static final Pattern HEREDOC_WORD = Pattern.compile("^(\\d*)<<(-?)[\\t\\n\\f\\r ]*([^<]*)$");
  private static final Pattern WHITESPACE = Pattern.compile("[\\t\\u000B\\f\\r ]+");

  private final String text;
  private final String fileName;
  private final List<Warning> warnings = new ArrayList<>();

  private String syntax;
  private String check;
  private char escape = '\\';
  private Pattern continuation = continuationFor('\\');
  private boolean directivesDone;
  private final List<String> seenDirectives = new ArrayList<>();

  Parser(String text, String fileName) {
    this.text = text;
    this.fileName = fileName == null ? Dockerfile.DEFAULT_NAME : fileName;
  }

  Dockerfile parse() {
    if (text.isEmpty()) {
      throw new InvalidArgument("the Dockerfile (" + fileName + ") cannot be empty");
    }
    List<LogicalLine> lines = split();
    return new InstructionParser(fileName, escape, warnings).build(directives(), lines);
  }

  Directives directives() {
    return new Directives(syntax, escape, check);
  }

  List<Warning> warnings() {
    return warnings;
  }

  /** Fails with Docker's wording and the location attached. */
  InvalidArgument error(int line, String detail) {
    return fail(fileName, line, detail);
  }

  static InvalidArgument fail(String fileName, int line, String detail) {
    return new InvalidArgument("dockerfile parse error on line " + line + ": " + detail,
        new DockerfileError(fileName, line, detail));
  }

  /** The physical lines, each with its line ending kept (like Docker's scanner). */
  private static List<String> physicalLines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl + 1;
      out.add(text.substring(start, end));
      start = end;
    }
    return out;
  }

  List<LogicalLine> split() {
    List<String> physical = physicalLines(text.startsWith("\uFEFF") ? text.substring(1) : text);
    List<LogicalLine> out = new ArrayList<>();
    int current = 0;
    int i = 0;
    while (i < physical.size()) {
      String raw = physical.get(i++);
      String token = processLine(raw, true, current + 1);
      current++;
      int startLine = current;
      String[] trimmed = trimContinuation(token);
      boolean endOfLine = trimmed[1] == null;
      if (endOfLine && trimmed[0].isEmpty()) {
        continue;
      }
      StringBuilder buf = new StringBuilder(trimmed[0]);
      boolean emptyContinuation = false;
      while (!endOfLine && i < physical.size()) {
        String next = physical.get(i++);
        String t = processLine(next, false, current + 1);
        current++;
        if (isComment(next)) {
          continue;
        }
        if (stripLeft(trimNewline(t)).isEmpty()) {
          emptyContinuation = true;
          continue;
        }
        String[] tt = trimContinuation(t);
        endOfLine = tt[1] == null;
        buf.append(tt[0]);
      }
      String line = buf.toString();
      if (emptyContinuation) {
        warnings.add(new Warning("NoEmptyContinuation",
            "Empty continuation line found in: " + line, current));
      }
      LogicalLine ll = newLine(line, startLine, current);
      if (canContainHeredoc(ll) && line.contains("<<")) {
        List<Heredoc> docs = new ArrayList<>();
        for (Heredoc h : heredocsFromLine(line)) {
          StringBuilder body = new StringBuilder();
          boolean terminated = false;
          while (i < physical.size()) {
            String b = physical.get(i++);
            current++;
            String candidate = trimNewline(b);
            if (h.chomp()) {
              candidate = stripLeadingTabs(candidate);
            }
            if (candidate.equals(h.name())) {
              terminated = true;
              break;
            }
            body.append(b);
          }
          if (!terminated) {
            throw error(startLine, "unterminated heredoc");
          }
          docs.add(new Heredoc(h.name(), body.toString(), h.expand(), h.chomp()));
        }
        ll = new LogicalLine(ll.keyword(), ll.flags(), ll.rest(), ll.original(), startLine, current,
            List.copyOf(docs));
      }
      out.add(ll);
    }
    if (out.isEmpty()) {
      throw error(Math.max(current, 1), "file with no instructions");
    }
    return out;
  }

  /** Splits one joined line into keyword, flags and arguments (Docker's splitCommand). */
  LogicalLine newLine(String line, int start, int end) {
    return splitCommand(line, escape, fileName, start, end, List.of());
  }

  static LogicalLine splitCommand(String line, char escape, String fileName, int start, int end,
      List<Heredoc> heredocs) {
    String trimmed = goTrim(line);
    String[] parts = WHITESPACE.split(trimmed, 2);
    String keyword = parts[0];
    List<String> flags = new ArrayList<>();
    String rest = "";
    if (parts.length == 2) {
      rest = goTrim(BuilderFlags.extract(parts[1], escape, flags));
    }
    return new LogicalLine(keyword, List.copyOf(flags), rest, trimmed, start, end, heredocs);
  }

  private boolean canContainHeredoc(LogicalLine l) {
    String k = l.keyword().toLowerCase(Locale.ROOT);
    String rest = l.rest();
    if (k.equals("onbuild")) {
      String[] sub = WHITESPACE.split(goTrim(rest), 2);
      k = sub[0].toLowerCase(Locale.ROOT);
      rest = sub.length == 2 ? sub[1] : "";
      // the trigger's own flags come before its arguments
      rest = BuilderFlags.extract(rest, escape, new ArrayList<>());
    }
    if (!k.equals("run") && !k.equals("copy") && !k.equals("add")) {
      return false;
    }
    return !JsonArgs.isJsonArray(rest);
  }

  /** The heredocs named on a line, bodies still empty. */
  static List<Heredoc> heredocsFromLine(String line) {
    ShellLex lex = new ShellLex('\\');
    lex.rawQuotes = true;
    lex.rawEscapes = true;
    lex.skipUnsetEnv = true;
    List<String> words;
    try {
      words = lex.processWords(line, n -> null);
    } catch (InvalidArgument e) {
      return List.of();
    }
    List<Heredoc> docs = new ArrayList<>();
    for (String w : words) {
      Heredoc h = heredocWord(w);
      if (h != null) {
        docs.add(h);
      }
    }
    return docs;
  }

  /**
   * The heredoc a word such as {@code <<EOF}, {@code <<-"EOF"} introduces, or null. A quoted
   * delimiter (any part of it) turns expansion of the body off.
   */
  static Heredoc heredocWord(String word) {
    Matcher m = HEREDOC_WORD.matcher(word);
    if (!m.matches()) {
      return null;
    }
    boolean chomp = m.group(2).equals("-");
    String rest = m.group(3);
    if (rest.isEmpty()) {
      return null;
    }
    ShellLex lex = new ShellLex('\\');
    lex.skipUnsetEnv = true;
    List<String> words = lex.processWords(rest, n -> null);
    if (words.size() != 1) {
      return null;
    }
    lex.rawQuotes = true;
    List<String> raw = lex.processWords(rest, n -> null);
    if (raw.size() != 1) {
      return null;
    }
    String name = words.getFirst();
    boolean expand = quotes(name) == quotes(raw.getFirst());
    return new Heredoc(name, "", expand, chomp);
  }

  private static int quotes(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\'' || s.charAt(i) == '"') {
        n++;
      }
    }
    return n;
  }

  /** Newline trimmed, optionally left-trimmed, directive noted, comment removed. */
  private String processLine(String raw, boolean stripLeft, int lineNo) {
    String token = trimNewline(raw);
    if (stripLeft) {
      token = stripLeft(token);
    }
    possibleDirective(token, lineNo);
    return isComment(token) ? "" : token;
  }

  private void possibleDirective(String line, int lineNo) {
    if (directivesDone) {
      return;
    }
    if (!line.startsWith("#")) {
      directivesDone = true;
      return;
    }
    Matcher m = DIRECTIVE.matcher(stripLeft(line.substring(1)));
    if (!m.matches()) {
      directivesDone = true;
      return;
    }
    String key = m.group(1).toLowerCase(Locale.ROOT);
    if (!key.equals("syntax") && !key.equals("escape") && !key.equals("check")) {
      directivesDone = true;
      return;
    }
    if (seenDirectives.contains(key)) {
      throw error(lineNo, "only one " + key + " parser directive can be used");
    }
    seenDirectives.add(key);
    String value = m.group(2);
    switch (key) {
      case "syntax" -> syntax = value;
      case "check" -> check = value;
      default -> {
        if (!value.equals("`") && !value.equals("\\")) {
          throw error(lineNo, "invalid escape token '" + value + "' does not match ` or \\");
        }
        escape = value.charAt(0);
        continuation = continuationFor(escape);
      }
    }
  }

  /**
   * Docker's continuation test: the escape character as the last non-blank character, not itself
   * escaped, or alone on the line.
   */
  private static Pattern continuationFor(char esc) {
    String e = Pattern.quote(String.valueOf(esc));
    String notEsc = "[^" + (esc == '\\' ? "\\\\" : String.valueOf(esc)) + "]";
    return Pattern.compile("(" + notEsc + ")" + e + "[ \\t]*$|^" + e + "[ \\t]*$");
  }

  /** [line without the continuation, "" when it continued or null at end of line]. */
  private String[] trimContinuation(String line) {
    Matcher m = continuation.matcher(line);
    if (m.find()) {
      String kept = m.group(1) == null ? "" : m.group(1);
      return new String[] {line.substring(0, m.start()) + kept, ""};
    }
    return new String[] {line, null};
  }

  static boolean isComment(String line) {
    String s = stripLeft(line);
    return !s.isEmpty() && s.charAt(0) == '#';
  }

  static String trimNewline(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
      end--;
    }
    return s.substring(0, end);
  }

  static String stripLeft(String s) {
    int i = 0;
    while (i < s.length() && ShellLex.isSpace(s.charAt(i))) {
      i++;
    }
    return s.substring(i);
  }

  private static String stripLeadingTabs(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == '\t') {
      i++;
    }
    return s.substring(i);
  }

  /** Go's strings.TrimSpace. */
  static String goTrim(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && ShellLex.isSpace(s.charAt(a))) {
      a++;
    }
    while (b > a && ShellLex.isSpace(s.charAt(b - 1))) {
      b--;
    }
    return s.substring(a, b);
  }
}

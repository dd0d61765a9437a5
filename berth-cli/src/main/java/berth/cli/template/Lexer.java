package berth.cli.template;

import java.util.ArrayList;
import java.util.List;

/** Splits a template into text and action items, then an action into {@link Token}s. */
final class Lexer {
  /** Raw text between actions (trim markers already applied) or the inside of one action. */
  sealed interface Item {
    record Text(String text) implements Item {}

    record Action(List<Token> tokens, int line) implements Item {}
  }

  private Lexer() {}

  static List<Item> items(String src) {
    List<Item> out = new ArrayList<>();
    int pos = 0;
    boolean trimNextLeading = false;
    while (pos < src.length()) {
      int open = src.indexOf("{{", pos);
      String text = open < 0 ? src.substring(pos) : src.substring(pos, open);
      if (trimNextLeading) {
        text = text.stripLeading();
      }
      if (open < 0) {
        out.add(new Item.Text(text));
        break;
      }
      int bodyStart = open + 2;
      boolean trimLeft = src.startsWith("-", bodyStart) && bodyStart + 1 < src.length()
          && Character.isWhitespace(src.charAt(bodyStart + 1));
      if (trimLeft) {
        text = text.stripTrailing();
        bodyStart += 1;
      }
      out.add(new Item.Text(text));
      int line = 1 + (int) src.substring(0, open).chars().filter(c -> c == '\n').count();
      int close = findClose(src, bodyStart, line);
      int bodyEnd = close;
      trimNextLeading = close - 1 >= bodyStart && src.charAt(close - 1) == '-'
          && close - 2 >= bodyStart && Character.isWhitespace(src.charAt(close - 2));
      if (trimNextLeading) {
        bodyEnd = close - 1;
      }
      String body = src.substring(bodyStart, bodyEnd).strip();
      if (!(body.startsWith("/*") && body.endsWith("*/"))) {
        out.add(new Item.Action(tokens(body, line), line));
      }
      pos = close + 2;
    }
    return out;
  }

  /** The matching "}}", skipping over string literals that may contain braces. */
  private static int findClose(String src, int from, int line) {
    int i = from;
    while (i < src.length() - 1) {
      char c = src.charAt(i);
      if (c == '"' || c == '`') {
        int end = src.indexOf(c, i + 1);
        while (c == '"' && end > 0 && src.charAt(end - 1) == '\\') {
          end = src.indexOf(c, end + 1);
        }
        if (end < 0) {
          throw new TemplateException("template: :" + line + ": unterminated quoted string");
        }
        i = end + 1;
        continue;
      }
      if (c == '}' && src.charAt(i + 1) == '}') {
        return i;
      }
      i++;
    }
    throw new TemplateException("template: :" + line + ": unclosed action");
  }

  static List<Token> tokens(String s, int line) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '.' || c == '$') {
        int j = c == '$' ? scanIdent(s, i + 1) : i;
        String var = c == '$' ? s.substring(i, j) : null;
        List<String> path = new ArrayList<>();
        while (j < s.length() && s.charAt(j) == '.') {
          int k = scanIdent(s, j + 1);
          if (k == j + 1) {
            j = k; // a lone "." is the cursor itself
            break;
          }
          path.add(s.substring(j + 1, k));
          j = k;
        }
        boolean afterParen = !out.isEmpty() && out.getLast() instanceof Token.Punct p && p.p().equals(")")
            && c == '.' && i > 0 && s.charAt(i - 1) == ')';
        out.add(afterParen ? new Token.Chain(path) : new Token.Field(var, path));
        i = j;
      } else if (c == '"') {
        StringBuilder sb = new StringBuilder();
        i++;
        while (i < s.length() && s.charAt(i) != '"') {
          char d = s.charAt(i++);
          if (d == '\\' && i < s.length()) {
            char e = s.charAt(i++);
            sb.append(switch (e) {
              case 'n' -> '\n';
              case 't' -> '\t';
              case 'r' -> '\r';
              default -> e;
            });
          } else {
            sb.append(d);
          }
        }
        i++;
        out.add(new Token.Str(sb.toString()));
      } else if (c == '`') {
        int end = s.indexOf('`', i + 1);
        out.add(new Token.Str(s.substring(i + 1, end)));
        i = end + 1;
      } else if (Character.isDigit(c) || (c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '.')) {
          j++;
        }
        out.add(new Token.Num(s.substring(i, j)));
        i = j;
      } else if (s.startsWith(":=", i)) {
        out.add(new Token.Punct(":="));
        i += 2;
      } else if ("|()=,".indexOf(c) >= 0) {
        out.add(new Token.Punct(String.valueOf(c)));
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        int j = scanIdent(s, i);
        out.add(new Token.Ident(s.substring(i, j)));
        i = j;
      } else {
        throw new TemplateException("template: :" + line + ": unexpected \"" + c + "\" in command");
      }
    }
    return out;
  }

  private static int scanIdent(String s, int i) {
    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
      i++;
    }
    return i;
  }
}

package berth.dockerfile;

import berth.core.errors.InvalidArgument;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * The argument shapes of Dockerfile instructions: the JSON (exec) array, whitespace-separated
 * words, and quote-aware words. Invalid JSON is not an error: the instruction falls back to its
 * shell form, as Docker's parser does; a valid array holding a non-string is an error.
 */
final class JsonArgs {
  static final String NOT_STRING_ARRAY =
      "when using JSON array syntax, arrays must be comprised of strings only";

  private static final ObjectMapper STRICT = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonArgs() {}

  /** The strings of a JSON array, or null when {@code rest} is not a valid JSON array. */
  static List<String> parse(String rest) {
    String s = Parser.stripLeft(rest);
    if (!s.startsWith("[")) {
      return null;
    }
    JsonNode node;
    try {
      node = STRICT.readTree(s);
    } catch (JsonProcessingException e) {
      return null;
    }
    if (node == null || !node.isArray()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : node) {
      if (!e.isTextual()) {
        throw new InvalidArgument(NOT_STRING_ARRAY);
      }
      out.add(e.textValue());
    }
    return out;
  }

  /** Whether {@code rest} parses as a JSON array of strings. */
  static boolean isJsonArray(String rest) {
    try {
      return parse(rest) != null;
    } catch (InvalidArgument e) {
      return false;
    }
  }

  /** Splits on runs of ASCII blanks (Docker's parseStringsWhitespaceDelimited). */
  static List<String> whitespaceWords(String rest) {
    if (rest.isEmpty()) {
      return List.of();
    }
    return List.of(rest.split("[\\t\\u000B\\f\\r ]+", -1));
  }

  /**
   * Words separated by unquoted whitespace, quotes and escapes kept for the expander to process
   * later (Docker's parseWords).
   */
  static List<String> quotedWords(String rest, char escape) {
    List<String> words = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    final int spaces = 0;
    final int word = 1;
    final int quoted = 2;
    int phase = spaces;
    char quote = 0;
    boolean blankOk = false;
    int n = rest.length();
    for (int pos = 0; pos <= n; pos++) {
      char ch = pos < n ? rest.charAt(pos) : 0;
      if (phase == spaces) {
        if (pos == n) {
          break;
        }
        if (ShellLex.isSpace(ch)) {
          continue;
        }
        phase = word;
      }
      if (pos == n) {
        if (blankOk || !sb.isEmpty()) {
          words.add(sb.toString());
        }
        break;
      }
      if (phase == word) {
        if (ShellLex.isSpace(ch)) {
          phase = spaces;
          if (blankOk || !sb.isEmpty()) {
            words.add(sb.toString());
          }
          sb.setLength(0);
          blankOk = false;
          continue;
        }
        if (ch == '\'' || ch == '"') {
          quote = ch;
          blankOk = true;
          phase = quoted;
        }
        if (ch == escape) {
          if (pos + 1 == n) {
            continue;
          }
          sb.append(ch);
          pos++;
          ch = rest.charAt(pos);
        }
        sb.append(ch);
        continue;
      }
      // quoted
      if (ch == quote) {
        phase = word;
      }
      if (ch == escape && quote != '\'') {
        if (pos + 1 == n) {
          phase = word;
          continue;
        }
        pos++;
        sb.append(ch);
        ch = rest.charAt(pos);
      }
      sb.append(ch);
    }
    return words;
  }
}

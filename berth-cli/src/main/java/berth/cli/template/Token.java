package berth.cli.template;

import java.util.List;

/** One lexical item inside {@code {{ }}}. */
sealed interface Token {
  /** {@code .}, {@code .A.B}, {@code $}, {@code $x.A}: a root plus a field path. */
  record Field(String var, List<String> path) implements Token {}

  record Str(String value) implements Token {}

  record Num(String text) implements Token {}

  /** Function names and keywords (if, range, else, end, with, true, false, nil). */
  record Ident(String name) implements Token {}

  /** Punctuation: {@code | ( ) := = ,}. */
  record Punct(String p) implements Token {}

  /** Field access applied to a parenthesized pipeline: {@code (...).A.B}. */
  record Chain(List<String> path) implements Token {}
}

package berth.cli.template;

import berth.cli.template.Lexer.Item;
import berth.cli.template.Node.Command;
import berth.cli.template.Node.Operand;
import berth.cli.template.Node.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builds the {@link Node} tree from lexer items; block keywords nest with {@code end}. */
final class Parser {
  private final List<Item> items;
  private int pos;
  private Item.Action stopper;

  private Parser(List<Item> items) {
    this.items = items;
  }

  static List<Node> parse(String src) {
    Parser p = new Parser(Lexer.items(src));
    List<Node> nodes = p.list(Set.of());
    if (p.stopper != null) {
      throw new TemplateException("template: :" + p.stopper.line() + ": unexpected {{"
          + keyword(p.stopper) + "}}");
    }
    return nodes;
  }

  /** Parses nodes until one of the stop keywords ({@code end}, {@code else}); leaves it in {@link #stopper}. */
  private List<Node> list(Set<String> stops) {
    List<Node> out = new ArrayList<>();
    stopper = null;
    while (pos < items.size()) {
      Item it = items.get(pos++);
      if (it instanceof Item.Text t) {
        if (!t.text().isEmpty()) {
          out.add(new Node.Text(t.text()));
        }
        continue;
      }
      Item.Action a = (Item.Action) it;
      String kw = keyword(a);
      if (kw != null && (kw.equals("end") || kw.equals("else"))) {
        if (!stops.contains(kw)) {
          throw new TemplateException("template: :" + a.line() + ": unexpected {{" + kw + "}}");
        }
        stopper = a;
        return out;
      }
      out.add(action(a, kw));
    }
    if (!stops.isEmpty()) {
      throw new TemplateException("template: :" + lastLine() + ": unexpected EOF");
    }
    return out;
  }

  private Node action(Item.Action a, String kw) {
    List<Token> toks = a.tokens();
    if (kw == null) {
      return new Node.Action(pipeline(toks, a.line()));
    }
    List<Token> rest = toks.subList(1, toks.size());
    return switch (kw) {
      case "if" -> block(a, (cond, then, other) -> new Node.If(cond, then, other), rest, true);
      case "with" -> block(a, (v, then, other) -> new Node.With(v, then, other), rest, false);
      case "range" -> block(a, (p, body, other) -> new Node.Range(p.declare(), new Pipeline(List.of(), p.commands()), body, other), rest, false);
      default -> new Node.Action(pipeline(toks, a.line()));
    };
  }

  private interface BlockMaker {
    Node make(Pipeline p, List<Node> then, List<Node> otherwise);
  }

  private Node block(Item.Action a, BlockMaker maker, List<Token> rest, boolean elseIf) {
    Pipeline p = pipeline(rest, a.line());
    List<Node> then = list(Set.of("end", "else"));
    List<Node> otherwise = List.of();
    if (keyword(stopper).equals("else")) {
      List<Token> elseToks = stopper.tokens();
      if (elseIf && elseToks.size() > 1 && elseToks.get(1) instanceof Token.Ident id && id.name().equals("if")) {
        // "else if" is sugar for else { if ... end } sharing the outer end
        Item.Action nested = new Item.Action(elseToks.subList(1, elseToks.size()), stopper.line());
        otherwise = List.of(block(nested, maker, elseToks.subList(2, elseToks.size()), true));
        return maker.make(p, then, otherwise);
      }
      otherwise = list(Set.of("end"));
    }
    stopper = null; // the {{end}} is consumed
    return maker.make(p, then, otherwise);
  }

  private static String keyword(Item.Action a) {
    if (!a.tokens().isEmpty() && a.tokens().getFirst() instanceof Token.Ident id
        && Set.of("if", "else", "end", "range", "with").contains(id.name())) {
      return id.name();
    }
    return null;
  }

  private int lastLine() {
    for (int i = items.size() - 1; i >= 0; i--) {
      if (items.get(i) instanceof Item.Action a) {
        return a.line();
      }
    }
    return 1;
  }

  // ---- pipelines ----------------------------------------------------------------------------

  private static Pipeline pipeline(List<Token> toks, int line) {
    List<String> declare = new ArrayList<>();
    int start = 0;
    int assign = indexOfPunct(toks, ":=");
    if (assign < 0) {
      assign = indexOfPunct(toks, "=");
    }
    if (assign > 0) {
      for (Token t : toks.subList(0, assign)) {
        if (t instanceof Token.Field f && f.var() != null && f.path().isEmpty()) {
          declare.add(f.var());
        } else if (!(t instanceof Token.Punct p && p.p().equals(","))) {
          throw new TemplateException("template: :" + line + ": bad variable declaration");
        }
      }
      start = assign + 1;
    }
    int[] cursor = {start};
    Pipeline p = new Pipeline(declare, commands(toks, cursor, line, false));
    if (p.commands().isEmpty()) {
      throw new TemplateException("template: :" + line + ": missing value for command");
    }
    return p;
  }

  private static List<Command> commands(List<Token> toks, int[] cur, int line, boolean inParen) {
    List<Command> cmds = new ArrayList<>();
    List<Operand> ops = new ArrayList<>();
    while (cur[0] < toks.size()) {
      Token t = toks.get(cur[0]++);
      if (t instanceof Token.Punct p) {
        switch (p.p()) {
          case "|" -> {
            if (ops.isEmpty()) {
              throw new TemplateException("template: :" + line + ": missing command before |");
            }
            cmds.add(new Command(ops));
            ops = new ArrayList<>();
          }
          case "(" -> {
            List<Command> inner = commands(toks, cur, line, true);
            List<String> path = List.of();
            if (cur[0] < toks.size() && toks.get(cur[0]) instanceof Token.Chain c) {
              path = c.path();
              cur[0]++;
            }
            ops.add(new Operand.Sub(new Pipeline(List.of(), inner), path));
          }
          case ")" -> {
            if (!inParen) {
              throw new TemplateException("template: :" + line + ": unexpected right paren");
            }
            if (!ops.isEmpty()) {
              cmds.add(new Command(ops));
            }
            return cmds;
          }
          default -> throw new TemplateException("template: :" + line + ": unexpected \"" + p.p() + "\"");
        }
        continue;
      }
      ops.add(operand(t, line));
    }
    if (inParen) {
      throw new TemplateException("template: :" + line + ": unclosed left paren");
    }
    if (!ops.isEmpty()) {
      cmds.add(new Command(ops));
    }
    return cmds;
  }

  private static Operand operand(Token t, int line) {
    return switch (t) {
      case Token.Field f -> new Operand.FieldRef(f.var(), f.path());
      case Token.Str s -> new Operand.Literal(s.value());
      case Token.Num n -> new Operand.Literal(number(n.text(), line));
      case Token.Ident id -> switch (id.name()) {
        case "true" -> new Operand.Literal(Boolean.TRUE);
        case "false" -> new Operand.Literal(Boolean.FALSE);
        case "nil" -> new Operand.Literal(null);
        default -> {
          if (!Functions.exists(id.name())) {
            throw new TemplateException("template: :" + line + ": function \"" + id.name() + "\" not defined");
          }
          yield new Operand.Func(id.name());
        }
      };
      case Token.Chain c -> throw new TemplateException("template: :" + line + ": unexpected field chain");
      case Token.Punct p -> throw new TemplateException("template: :" + line + ": unexpected " + p.p());
    };
  }

  private static Object number(String text, int line) {
    try {
      if (text.contains(".") || text.contains("e")) {
        return Double.parseDouble(text);
      }
      return Long.decode(text);
    } catch (NumberFormatException e) {
      throw new TemplateException("template: :" + line + ": bad number syntax: \"" + text + "\"");
    }
  }

  private static int indexOfPunct(List<Token> toks, String p) {
    for (int i = 0; i < toks.size(); i++) {
      if (toks.get(i) instanceof Token.Punct q && q.p().equals(p)) {
        return i;
      }
    }
    return -1;
  }
}

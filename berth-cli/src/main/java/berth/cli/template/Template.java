package berth.cli.template;

import berth.cli.template.Node.Command;
import berth.cli.template.Node.Operand;
import berth.cli.template.Node.Pipeline;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed Go text/template, the subset docker's {@code --format} needs, executed over Jackson
 * trees (so field names are the API's JSON names).
 *
 * <p>Grammar:
 *
 * <pre>
 * template  := ( text | '{{' ['- '] action [' -'] '}}' )*
 * action    := '/*' comment '*&#47;'
 *            | 'if' pipeline  template ( 'else if' pipeline template )* [ 'else' template ] 'end'
 *            | 'range' [ $k [ ',' $v ] ':=' ] pipeline template [ 'else' template ] 'end'
 *            | 'with' pipeline template [ 'else' template ] 'end'
 *            | [ $var ':=' ] pipeline
 * pipeline  := command ( '|' command )*          -- each result is passed as the last argument
 * command   := operand operand*                  -- a function call, or a field called with args
 * operand   := '.' | '.Field' ( '.Field' )* | '$' [ '.Field'... ] | '$name' [ '.Field'... ]
 *            | '"string"' | '`raw`' | number | 'true' | 'false' | 'nil'
 *            | function | '(' pipeline ')' [ '.Field'... ]
 * function  := json join split title lower upper pad truncate index len printf print println
 *              eq ne lt le gt ge not and or
 * </pre>
 *
 * <p>A field called with an argument indexes a map: {@code {{.Label "com.example"}}}, which is how
 * docker's {@code ps} context exposes labels. Missing map keys print {@code <no value>}, JSON null
 * prints {@code <nil>}, maps print as {@code map[k:v]} in key order, arrays as {@code [a b]}.
 */
public final class Template {
  private final List<Node> root;

  private Template(List<Node> root) {
    this.root = root;
  }

  /** Parses or throws {@link TemplateException} with Go's wording. */
  public static Template parse(String source) {
    return new Template(Parser.parse(source));
  }

  public String execute(Object data) {
    StringBuilder out = new StringBuilder();
    Deque<Map<String, Object>> scopes = new ArrayDeque<>();
    Map<String, Object> top = new HashMap<>();
    top.put("$", data);
    scopes.push(top);
    try {
      new Exec(scopes).nodes(root, data, out);
    } catch (TemplateException e) {
      if (e.getMessage().startsWith("template: ")) {
        throw e;
      }
      throw new TemplateException("template: :1: executing \"\" at <" + "...>: " + e.getMessage());
    }
    return out.toString();
  }

  private record Exec(Deque<Map<String, Object>> scopes) {
    private static final Object NO_PIPE = new Object();

    void nodes(List<Node> nodes, Object dot, StringBuilder out) {
      for (Node n : nodes) {
        node(n, dot, out);
      }
    }

    void node(Node n, Object dot, StringBuilder out) {
      switch (n) {
        case Node.Text t -> out.append(t.text());
        case Node.Action a -> {
          Object v = pipeline(a.pipeline(), dot);
          if (a.pipeline().declare().isEmpty()) {
            out.append(Values.print(v));
          }
        }
        case Node.If i -> scoped(() -> nodes(Values.truth(pipeline(i.cond(), dot)) ? i.then() : i.otherwise(), dot, out));
        case Node.With w -> scoped(() -> {
          Object v = pipeline(w.value(), dot);
          if (Values.truth(v)) {
            nodes(w.then(), v, out);
          } else {
            nodes(w.otherwise(), dot, out);
          }
        });
        case Node.Range r -> range(r, dot, out);
      }
    }

    void range(Node.Range r, Object dot, StringBuilder out) {
      List<Object[]> entries = Values.entries(pipeline(r.over(), dot));
      if (entries.isEmpty()) {
        scoped(() -> nodes(r.otherwise(), dot, out));
        return;
      }
      for (Object[] e : entries) {
        scoped(() -> {
          if (r.vars().size() == 1) {
            scopes.peek().put(r.vars().get(0), e[1]);
          } else if (r.vars().size() == 2) {
            scopes.peek().put(r.vars().get(0), e[0]);
            scopes.peek().put(r.vars().get(1), e[1]);
          }
          nodes(r.body(), e[1], out);
        });
      }
    }

    void scoped(Runnable r) {
      scopes.push(new HashMap<>());
      try {
        r.run();
      } finally {
        scopes.pop();
      }
    }

    Object pipeline(Pipeline p, Object dot) {
      Object v = NO_PIPE;
      for (Command c : p.commands()) {
        v = command(c, dot, v);
      }
      for (String var : p.declare()) {
        Map<String, Object> scope = findScope(var);
        (scope == null ? scopes.peek() : scope).put(var, v);
      }
      return v;
    }

    Object command(Command c, Object dot, Object piped) {
      List<Operand> ops = c.operands();
      Operand first = ops.getFirst();
      List<Object> args = new ArrayList<>();
      for (Operand o : ops.subList(1, ops.size())) {
        args.add(operand(o, dot));
      }
      if (piped != NO_PIPE) {
        args.add(piped);
      }
      if (first instanceof Operand.Func f) {
        return Functions.call(f.name(), args);
      }
      Object v = operand(first, dot);
      if (v instanceof Method m) {
        return m.call(args);
      }
      if (args.isEmpty()) {
        return v;
      }
      if (first instanceof Operand.FieldRef && Values.norm(v) instanceof com.fasterxml.jackson.databind.JsonNode node
          && node.isObject()) {
        List<Object> idx = new ArrayList<>();
        idx.add(v);
        idx.addAll(args);
        return Functions.call("index", idx);
      }
      throw new TemplateException("can't give argument to non-function " + Values.print(v));
    }

    Object operand(Operand o, Object dot) {
      return switch (o) {
        case Operand.Literal l -> l.value();
        case Operand.Func f -> Functions.call(f.name(), List.of());
        case Operand.FieldRef f -> walk(f.var() == null ? dot : variable(f.var()), f.path());
        case Operand.Sub s -> walk(pipeline(s.pipeline(), dot), s.path());
      };
    }

    Object walk(Object v, List<String> path) {
      for (String name : path) {
        v = Values.field(v, name);
      }
      return v;
    }

    Object variable(String name) {
      Map<String, Object> scope = findScope(name);
      if (scope == null) {
        throw new TemplateException("undefined variable: " + name);
      }
      return scope.get(name);
    }

    Map<String, Object> findScope(String name) {
      for (Map<String, Object> s : scopes) {
        if (s.containsKey(name)) {
          return s;
        }
      }
      return null;
    }
  }
}

package berth.cli.template;

import java.util.List;

/** The parsed template tree. */
sealed interface Node {
  record Text(String text) implements Node {}

  /** {@code {{pipeline}}} or {@code {{$x := pipeline}}}: prints unless it declares a variable. */
  record Action(Pipeline pipeline) implements Node {}

  record If(Pipeline cond, List<Node> then, List<Node> otherwise) implements Node {}

  record With(Pipeline value, List<Node> then, List<Node> otherwise) implements Node {}

  /** {@code range [$k[, $v] :=] pipeline}. */
  record Range(List<String> vars, Pipeline over, List<Node> body, List<Node> otherwise) implements Node {}

  record Pipeline(List<String> declare, List<Command> commands) {}

  /** One command: the first operand is a function name, a field (maybe called with args), or a value. */
  record Command(List<Operand> operands) {}

  sealed interface Operand {
    record FieldRef(String var, List<String> path) implements Operand {}

    record Literal(Object value) implements Operand {}

    record Func(String name) implements Operand {}

    record Sub(Pipeline pipeline, List<String> path) implements Operand {}
  }
}

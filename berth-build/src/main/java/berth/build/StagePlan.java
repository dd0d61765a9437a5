package berth.build;

import berth.dockerfile.Dockerfile;
import berth.dockerfile.Expander;
import berth.dockerfile.Instruction;
import berth.dockerfile.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which stages a target needs: the target, the stages its FROM and {@code COPY --from} name,
 * and theirs, in file order. Stages nothing needs are not built (BuildKit's behaviour; the
 * classic builder built every stage up to the target).
 */
final class StagePlan {
  private StagePlan() {}

  static List<Stage> needed(Dockerfile df, int target, Function<String, String> metaArgs) {
    TreeSet<Integer> want = new TreeSet<>();
    visit(df, target, metaArgs, want);
    List<Stage> out = new ArrayList<>();
    for (int i : want) {
      out.add(df.stages().get(i));
    }
    return out;
  }

  private static void visit(Dockerfile df, int idx, Function<String, String> metaArgs, TreeSet<Integer> want) {
    if (!want.add(idx)) {
      return;
    }
    Stage s = df.stages().get(idx);
    String base;
    try {
      base = Expander.expand(s.from().image(), df.escape(), metaArgs);
    } catch (RuntimeException e) {
      base = s.from().image();
    }
    ref(df, base, idx, false, metaArgs, want);
    for (Instruction i : s.instructions()) {
      if (i instanceof Instruction.Copy c && c.from() != null && !c.from().isEmpty()) {
        ref(df, c.from(), idx, true, metaArgs, want);
      }
    }
  }

  private static void ref(Dockerfile df, String name, int from, boolean byIndex, Function<String, String> metaArgs,
      TreeSet<Integer> want) {
    String n = name.toLowerCase(Locale.ROOT);
    for (Stage s : df.stages()) {
      if (s.index() >= from) {
        break;
      }
      boolean named = s.name() != null && s.name().equals(n);
      boolean indexed = byIndex && n.equals(Integer.toString(s.index()));
      if (named || indexed) {
        visit(df, s.index(), metaArgs, want);
        return;
      }
    }
  }
}

package berth.dockerfile;

import java.util.List;

/**
 * One build stage: its FROM and the instructions after it, up to the next FROM.
 *
 * @param index 0-based position among the stages
 * @param name the {@code AS} name, lower-cased; null when the stage has none
 * @param from the stage's FROM instruction (not repeated in {@code instructions})
 * @param instructions the stage's other instructions, in order
 */
public record Stage(int index, String name, Instruction.From from, List<Instruction> instructions) {
  public Stage {
    instructions = List.copyOf(instructions);
  }

  /** Whether {@code ref} names this stage: its name (case-insensitive) or its index as a number. */
  public boolean matches(String ref) {
    if (ref == null) {
      return false;
    }
    if (name != null && name.equalsIgnoreCase(ref)) {
      return true;
    }
    return ref.equals(Integer.toString(index));
  }
}

package berth.build;

/**
 * Where a build's progress goes, in the classic builder's terms: text for the {@code stream}
 * field (each call a whole line or more, newline included) and the final image id for
 * {@code aux}. Called from the build's thread only.
 */
public interface BuildOutput {
  void stream(String text);

  void aux(String imageId);

  /** An output that drops everything (tests, quiet internal builds). */
  static BuildOutput discard() {
    return new BuildOutput() {
      @Override
      public void stream(String text) {}

      @Override
      public void aux(String imageId) {}
    };
  }
}

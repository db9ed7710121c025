package calm.eval.explore;

/** Opens the cross-check's program generator to the fuzzer ({@code calm.fuzz}). */
public final class GeneratedPrograms {
  private GeneratedPrograms() {}

  /** A random well-formed program over inputs, channels, negation, aggregation and seals. */
  public static String program(long seed) {
    return new ProgramGenerator(seed, false).generate();
  }
}

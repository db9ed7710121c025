package calm.fuzz;

import calm.eval.explore.GeneratedPrograms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A seeded stream of program texts: the examples, well-formed generated programs and programs
 * derived from the grammar, each mutated a few times (or not at all) by cutting, copying, splicing
 * and inserting tokens that have broken the tool before. The same seed gives the same inputs.
 */
final class FuzzInputs {
  /** Fragments worth dropping anywhere: syntax, edges of 64 bits, control and non-ASCII characters. */
  private static final List<String> TOKENS = List.of(
      "(", ")", ".", ",", ":-", "@next", "@async", "@coordinated(\"why\")", "delete ", "not ", "seal ", " by ",
      "table ", "scratch ", "input ", "channel ", "output ", "int", "string", "sum(", "count(", "min(", "max(",
      "_", "X", "\"", "\"\\", "/*", "*/", "//", "$", "\u0000", "\r", "\t", "\u001b[2J", "\u001b]0;pwned\u0007",
      "\u009b", "\u00e9", "\ud83d\ude00", "\ud800", "\ufeff", "9223372036854775807", "-9223372036854775808",
      "99999999999999999999", "0", "/ 0", "% 0", "* 9223372036854775807", "+ 1", "-", "-".repeat(300),
      "(".repeat(300), "+1".repeat(300), "\"../../escaped\"", "\"/tmp/x\"", "=", "!=", "<", ">=", "\n");

  private final Random random;
  private final List<String> corpus;

  FuzzInputs(long seed, List<String> corpus) {
    this(new Random(seed), corpus);
  }

  /** Inputs drawn from {@code random}, which the caller may go on using (for the options, say). */
  FuzzInputs(Random random, List<String> corpus) {
    this.random = random;
    this.corpus = corpus;
  }

  /**
   * The random source of input {@code index} of campaign {@code seed}: each input depends only on
   * the two, so a campaign finds the same inputs on any number of threads, and input 1234 of seed 20
   * can be made again alone.
   */
  static Random forInput(long seed, int index) {
    long mixed = seed * 0x9E3779B97F4A7C15L + index;
    mixed = (mixed ^ (mixed >>> 30)) * 0xBF58476D1CE4E5B9L;
    mixed = (mixed ^ (mixed >>> 27)) * 0x94D049BB133111EBL;
    return new Random(mixed ^ (mixed >>> 31));
  }

  /** The example programs of the project, as the first corpus. */
  static List<String> examples(Path root) {
    try (Stream<Path> files = Files.walk(root.resolve("examples"))) {
      return files
          .filter(f -> f.toString().endsWith(".calm"))
          .sorted()
          .map(f -> {
            try {
              return Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String next() {
    String base =
        switch (random.nextInt(3)) {
          case 0 -> corpus.get(random.nextInt(corpus.size()));
          case 1 -> GeneratedPrograms.program(random.nextLong());
          default -> new GrammarPrograms(random).generate();
        };
    int mutations = random.nextInt(4);
    StringBuilder text = new StringBuilder(base);
    for (int i = 0; i < mutations; i++) {
      mutate(text);
    }
    return text.toString();
  }

  private void mutate(StringBuilder text) {
    int length = text.length();
    int at = length == 0 ? 0 : random.nextInt(length + 1);
    int span = length == 0 ? 0 : random.nextInt(Math.min(40, length - at) + 1);
    switch (random.nextInt(8)) {
      case 0 -> text.delete(at, at + span);
      case 1 -> text.insert(at, text.substring(at, at + span));
      case 2 -> text.insert(at, TOKENS.get(random.nextInt(TOKENS.size())));
      case 3 -> {
        if (length > 0) {
          text.setCharAt(Math.min(at, length - 1), (char) random.nextInt(128));
        }
      }
      case 4 -> text.setLength(at);
      case 5 -> {
        String other = corpus.get(random.nextInt(corpus.size()));
        int from = random.nextInt(other.length() + 1);
        text.insert(at, other, from, Math.min(other.length(), from + random.nextInt(200)));
      }
      case 6 -> text.insert(at, TOKENS.get(random.nextInt(TOKENS.size())).repeat(1 + random.nextInt(50)));
      default -> {
        // a line copied elsewhere: a duplicate declaration, a rule out of its place
        int start = text.lastIndexOf("\n", at) + 1;
        int end = text.indexOf("\n", at);
        String line = text.substring(start, end < 0 ? length : end + 1);
        text.insert(random.nextInt(length + 1), line);
      }
    }
  }
}

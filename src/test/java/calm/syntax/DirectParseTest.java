package calm.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import calm.diagnostics.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hand-written reader must build exactly the AST the ANTLR parser and {@link AstBuilder} build
 * (spans included), and must never accept what they reject or report: on every program of the
 * project, on programs made at random, and on thousands of mutations of both.
 */
class DirectParseTest {
  private static final List<String> PIECES = List.of(
      "(", ")", ",", ".", ":", ":-", "=>", "@", "_", "=", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/",
      "%", "not ", "delete ", "table ", "seal ", " by ", "int", "string", "max<int>", "count(", "X", "r",
      "1", "-1", "9223372036854775808", "\"s\"", "\"a\\qb\"", "\"", "/*", "*/", "//", "\n", " ", "\t",
      "\u00e9", "\ud83d\ude00", "@next", "@async", "@later", "@coordinated(\"x\")", "@invariant(\"\")",
      "!", "1.5", "\r\n");

  /** How the two readers compare on one text: 1 when both read it (identically), 0 when ANTLR must. */
  private static int compare(String text) {
    Optional<List<Item>> direct = DirectParse.items(text, 1, new HashMap<>());
    List<Diagnostic> diagnostics = new ArrayList<>();
    Optional<List<Item>> antlr =
        StreamingParse.antlrItems(new SourceFile("t.calm", text), text, 1, diagnostics, new HashMap<>());
    if (direct.isEmpty()) {
      return 0;
    }
    if (antlr.isEmpty() || !diagnostics.isEmpty()) {
      fail("the direct reader accepted what ANTLR rejects (" + diagnostics + "):\n" + text);
    }
    assertEquals(antlr.get(), direct.get(), text);
    return 1;
  }

  private static List<String> projectPrograms() throws IOException {
    List<String> texts = new ArrayList<>();
    for (String folder : List.of("examples", "docs", "src/test/resources")) {
      try (Stream<Path> files = Files.walk(Path.of(folder))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".calm")).sorted().toList()) {
          texts.add(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)); // some are not UTF-8 on purpose
        }
      }
    }
    return texts;
  }

  @Test
  void readsTheProjectsProgramsAsAntlrDoes() throws IOException {
    List<String> texts = projectPrograms();
    int read = 0;
    for (String text : texts) {
      read += compare(text);
    }
    assertTrue(texts.size() > 200, "programs found: " + texts.size());
    // the marker files are full of deliberate errors; the examples and docs are clean
    assertTrue(read > texts.size() / 2, read + " of " + texts.size() + " read directly");
  }

  @Test
  void readsMutatedProgramsAsAntlrDoesOrLeavesThemToIt() throws IOException {
    List<String> texts = projectPrograms();
    Random random = new Random(19);
    int read = 0;
    for (int round = 0; round < 6000; round++) {
      String text = texts.get(random.nextInt(texts.size()));
      read += compare(mutate(text, random));
    }
    assertTrue(read > 1000, read + " mutants read directly");
  }

  @Test
  void readsExpressionsWithTheirPrecedenceAndSpans() {
    Random random = new Random(7);
    int read = 0;
    for (int round = 0; round < 3000; round++) {
      String left = expression(random, 3);
      String right = expression(random, 3);
      String text = "table r(x: int).\nr(X) :- r(X),\n  " + left + " " + pick(random, "=", "!=", "<", "<=", ">", ">=")
          + " " + right + ", r(" + expression(random, 2) + ").\nr(" + expression(random, 1) + ").\n";
      read += compare(text);
    }
    assertTrue(read > 1000, read + " read directly");
  }

  private static String expression(Random random, int depth) {
    if (depth == 0 || random.nextInt(3) == 0) {
      return pick(random, "X", "Y", "_", "0", "42", "9223372036854775807", "\"s\"", "\"a\\\"b\"");
    }
    return switch (random.nextInt(4)) {
      case 0 -> "-" + (random.nextBoolean() ? " " : "") + expression(random, depth - 1);
      case 1 -> "(" + expression(random, depth - 1) + ")";
      default -> expression(random, depth - 1) + pick(random, " + ", "-", " * ", "/", " % ")
          + expression(random, depth - 1);
    };
  }

  private static String pick(Random random, String... options) {
    return options[random.nextInt(options.length)];
  }

  private static String mutate(String text, Random random) {
    StringBuilder out = new StringBuilder(text);
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits && out.length() > 0; i++) {
      int at = random.nextInt(out.length());
      switch (random.nextInt(3)) {
        case 0 -> out.insert(at, PIECES.get(random.nextInt(PIECES.size())));
        case 1 -> out.delete(at, Math.min(out.length(), at + 1 + random.nextInt(3)));
        default -> out.replace(at, Math.min(out.length(), at + 1), PIECES.get(random.nextInt(PIECES.size())));
      }
    }
    return out.toString();
  }
}

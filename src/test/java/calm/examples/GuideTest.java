package calm.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs every command that docs/calm-guide.md shows and compares its output with what the guide
 * prints ({@link ConsoleBlocks}; {@code -Dcalm.update.golden=true} rewrites the blocks), and checks
 * that the programs it quotes are lines of the examples or of the exercises' solutions.
 */
class GuideTest {
  static final Path GUIDE = Path.of("docs/calm-guide.md");

  private static final Pattern FENCE = ConsoleBlocks.FENCE;

  @Test
  void everyCommandPrintsWhatTheGuideShows() throws IOException {
    ConsoleBlocks.verify(GUIDE, 10);
  }

  /**
   * An excerpt ({@code ```text} block starting {@code $ ./calm ...} and ending in {@code ...}) is the
   * beginning of what the command prints: for outputs, such as explain pages, that hold fences.
   */
  @Test
  void everyExcerptIsTheBeginningOfItsOutput() throws IOException {
    List<String> lines = Files.readAllLines(GUIDE, StandardCharsets.UTF_8);
    int excerpts = 0;
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (lines.get(i).equals("```text") && lines.get(i + 1).startsWith("$ ./calm ")) {
        int close = ConsoleBlocks.closingFence(lines, i + 1, GUIDE, i + 1);
        assertEquals("...", lines.get(close - 1), GUIDE + ":" + (i + 1) + ": an excerpt ends in ...");
        String shown = String.join("\n", lines.subList(i + 2, close - 1)) + "\n";
        String[] args = lines.get(i + 1).substring("$ ./calm ".length()).trim().split("\\s+");
        String actual = calm.cli.Cli.run(args).out();
        assertTrue(actual.startsWith(shown), GUIDE + ":" + (i + 2) + ": " + shown + "\n--- is not how this begins:\n" + actual);
        excerpts++;
      }
    }
    assertTrue(excerpts >= 1, "the guide shows calm explain");
  }

  /**
   * The program fragments the guide quotes (fenced blocks without a language) are lines of the
   * examples, so that the prose cannot drift from the programs the outputs come from.
   */
  @Test
  void everyQuotedProgramLineIsInAnExample() throws IOException {
    java.util.Set<String> exampleLines = new java.util.HashSet<>();
    try (java.util.stream.Stream<Path> files = Files.walk(Path.of("examples"))) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".calm"))::iterator) {
        Files.readAllLines(file, StandardCharsets.UTF_8).forEach(l -> exampleLines.add(normalized(l)));
      }
    }
    List<String> lines = Files.readAllLines(GUIDE, StandardCharsets.UTF_8);
    List<String> strays = new ArrayList<>();
    int quoted = 0;
    boolean inProgram = false;
    boolean inOther = false;
    for (int i = 0; i < lines.size(); i++) {
      Matcher fence = FENCE.matcher(lines.get(i));
      if (fence.matches()) {
        if (inProgram || inOther) {
          inProgram = false;
          inOther = false;
        } else if (fence.group(2).isEmpty()) {
          inProgram = true;
        } else {
          inOther = true;
        }
      } else if (inProgram && !normalized(lines.get(i)).isEmpty()) {
        quoted++;
        if (!exampleLines.contains(normalized(lines.get(i)))) {
          strays.add(GUIDE + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
      }
    }
    assertTrue(quoted >= 30, "the guide quotes the examples (" + quoted + " lines)");
    assertEquals(List.of(), strays, "lines the guide quotes that no example holds");
  }

  /** A line without its comment and with its spacing collapsed. */
  private static String normalized(String line) {
    int comment = line.indexOf("//");
    return (comment >= 0 ? line.substring(0, comment) : line).strip().replaceAll("\\s+", " ");
  }
}

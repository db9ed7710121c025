package calm.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each chapter of the guide ends with an exercise whose solution is docs/exercises/NN-solution.calm.
 * The solutions are held to what the guide says of them exactly as the examples are
 * ({@code verdicts.txt}, and {@code expected/} for what check, run and explore print).
 */
class ExercisesTest {
  static final Path EXERCISES = Path.of("docs/exercises");
  private static final Pattern EXERCISE = Pattern.compile("^\\*\\*Exercise (\\d+)\\.\\*\\*");
  private static final Pattern SOLUTION = Pattern.compile("\\(exercises/(\\d\\d)-solution\\.calm\\)");

  @TestFactory
  DynamicNode solutions() {
    return ExamplesTest.example(EXERCISES);
  }

  /** Chapters 1 to 11 each end with an exercise that links its solution, and every solution is linked. */
  @Test
  void everyChapterEndsWithAnExerciseAndItsSolution() throws IOException {
    List<String> lines = Files.readAllLines(GuideTest.GUIDE, StandardCharsets.UTF_8);
    List<String> missing = new ArrayList<>();
    TreeSet<String> linked = new TreeSet<>();
    for (int chapter = 1; chapter <= 11; chapter++) {
      int start = indexOf(lines, "## " + chapter + ". ");
      int end = indexOf(lines, "## " + (chapter + 1) + ". ");
      boolean found = false;
      for (int i = start; i < end; i++) {
        Matcher exercise = EXERCISE.matcher(lines.get(i));
        if (exercise.find() && Integer.parseInt(exercise.group(1)) == chapter) {
          found = true;
        }
        Matcher solution = SOLUTION.matcher(lines.get(i));
        while (solution.find()) {
          linked.add(solution.group(1) + "-solution.calm");
          assertEquals(chapter, Integer.parseInt(solution.group(1)), GuideTest.GUIDE + ":" + (i + 1) + ": a solution in its chapter");
        }
      }
      if (!found) {
        missing.add("chapter " + chapter);
      }
    }
    assertEquals(List.of(), missing, "chapters without an exercise");
    TreeSet<String> files = new TreeSet<>();
    try (Stream<Path> listing = Files.list(EXERCISES)) {
      listing.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".calm")).forEach(files::add);
    }
    assertTrue(files.size() >= 11, files.toString());
    assertEquals(files, linked, "every solution is linked from its chapter");
  }

  private static int indexOf(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError(GuideTest.GUIDE + " has no heading " + prefix);
  }
}

package calm.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/language.md is the language reference: every program it shows is a file of docs/language/,
 * shown whole, and every command it shows prints what the page says ({@link ConsoleBlocks}).
 */
class LanguageReferenceTest {
  static final Path REFERENCE = Path.of("docs/language.md");
  static final Path PROGRAMS = Path.of("docs/language");

  @Test
  void everyCommandPrintsWhatTheReferenceShows() throws IOException {
    ConsoleBlocks.verify(REFERENCE, 15);
  }

  @Test
  void everyProgramShownIsAFileShownWhole() throws IOException {
    Set<String> files = new TreeSet<>();
    try (Stream<Path> listing = Files.list(PROGRAMS)) {
      listing.filter(f -> f.toString().endsWith(".calm")).forEach(f -> files.add(f.getFileName().toString()));
    }
    List<String> shown = new ArrayList<>();
    for (String block : blocks("calm")) {
      String match = null;
      for (String f : files) {
        if (Files.readString(PROGRAMS.resolve(f), StandardCharsets.UTF_8).equals(block)) {
          match = f;
        }
      }
      assertTrue(match != null, "a program in " + REFERENCE + " that is no file of " + PROGRAMS + ":\n" + block);
      shown.add(match);
    }
    assertEquals(files, new TreeSet<>(shown), "every program of " + PROGRAMS + " is shown");
  }

  /** Sections 1 to 9 each run at least one example; 11 and 12 exist (filled as they are built). */
  @Test
  void everySectionHasARunnableExample() throws IOException {
    String text = Files.readString(REFERENCE, StandardCharsets.UTF_8);
    for (int n = 1; n <= 9; n++) {
      int start = text.indexOf("\n## " + n + ". ");
      assertTrue(start >= 0, "section " + n);
      int end = text.indexOf("\n## ", start + 1);
      assertTrue(text.substring(start, end).contains("```console\n$ ./calm "), "section " + n + " runs an example");
    }
    assertTrue(text.contains("\n## Keyed tables, lattices and extern tables\n"));
    assertTrue(text.contains("\n## Integrity constraints\n"));
  }

  /** The cheat sheet's program is complete and passes {@code calm check}: no error, no warning, no open point. */
  @Test
  void theCheatSheetsProgramChecks(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    List<String> programs = blocks(Path.of("docs/cheatsheet.md"), "calm");
    assertEquals(1, programs.size(), "the cheat sheet shows one program");
    Path file = dir.resolve("cheatsheet.calm");
    Files.writeString(file, programs.get(0), StandardCharsets.UTF_8);
    calm.cli.Cli cli = calm.cli.Cli.run("check", "--max-warnings", "0", file.toString());
    assertEquals(0, cli.status(), cli.toString());
    assertTrue(cli.out().contains("0 errors, 0 warnings"), cli.out());
  }

  private static List<String> blocks(String language) throws IOException {
    return blocks(REFERENCE, language);
  }

  private static List<String> blocks(Path doc, String language) throws IOException {
    List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
    List<String> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher fence = ConsoleBlocks.FENCE.matcher(lines.get(i));
      if (fence.matches()) {
        int close = ConsoleBlocks.closingFence(lines, i + 1, doc, i + 1);
        if (fence.group(2).equals(language)) {
          StringBuilder b = new StringBuilder();
          lines.subList(i + 1, close).forEach(l -> b.append(l).append('\n'));
          blocks.add(b.toString());
        }
        i = close;
      }
    }
    return blocks;
  }
}

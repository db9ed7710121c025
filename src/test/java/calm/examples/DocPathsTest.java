package calm.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A file of an example that the README or a page of docs/ names must exist (illustrative names such as {@code examples/bad.calm}, outside any example, are not checked). */
class DocPathsTest {
  private static final Pattern EXAMPLE_FILE = Pattern.compile("examples/[A-Za-z0-9_-]+/[A-Za-z0-9_./-]+\\.(calm|scenario|facts)");

  @Test
  void everyExampleFileTheDocsNameExists() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    List<String> missing = new ArrayList<>();
    int named = 0;
    for (Path page : pages) {
      Matcher m = EXAMPLE_FILE.matcher(Files.readString(page));
      while (m.find()) {
        named++;
        if (!Files.exists(Path.of(m.group()))) {
          missing.add(page + ": " + m.group());
        }
      }
    }
    assertTrue(named > 10, "the docs name example files: " + named);
    assertEquals(List.of(), missing);
  }
}

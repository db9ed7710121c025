package calm.diagnostics;

import calm.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DiagnosticsDocsTest {
  private static final Path DOCS = Path.of("docs", "diagnostics");

  @Test
  void docsPagesAreUpToDateWithTheCodes() throws IOException {
    Map<String, String> pages = DiagnosticsDocs.pages();
    for (Map.Entry<String, String> page : pages.entrySet()) {
      Golden.assertMatches(DOCS.resolve(page.getKey()), page.getValue());
    }
    if (!Golden.updating()) {
      try (Stream<Path> files = Files.list(DOCS)) {
        assertEquals(
            pages.keySet().stream().sorted().toList(),
            files.map(p -> p.getFileName().toString()).sorted().toList(),
            "docs/diagnostics holds a page for a code that no longer exists");
      }
    }
  }
}

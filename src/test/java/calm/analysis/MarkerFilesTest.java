package calm.analysis;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every marker file under {@code src/test/resources/markers/}, one per rule of the language reference
 * (§5 annotations and seals, §8 the CALM analysis, §11 keys, lattices and extern tables, §12
 * integrity constraints): the analysis must report exactly what the file's markers say (see {@link
 * CheckTester}).
 */
class MarkerFilesTest {
  /**
   * Marker files written as the spec says where the analysis says otherwise (docs/analysis.md, "Known
   * divergences"). They are not in the passing set; {@link #knownDivergencesStillDiverge} fails as soon
   * as one of them passes, so that it moves back.
   */
  static final Set<String> KNOWN_DIVERGENCES = Set.of();

  private static final int AT_LEAST = 30;

  static Stream<String> markerFiles() {
    return all().stream().filter(name -> !KNOWN_DIVERGENCES.contains(name));
  }

  static List<String> all() {
    URL root = MarkerFilesTest.class.getResource("/markers");
    if (root == null) {
      throw new AssertionError("no markers directory on the test class path");
    }
    try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".calm")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("markerFiles")
  void reportsExactlyWhatTheMarkersSay(String file) {
    CheckTester.resource("/markers/" + file).check();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("markerFiles")
  void quotesItsSpecRuleAndHasMarkers(String file) {
    CheckTester tester = CheckTester.resource("/markers/" + file);
    String first = tester.text().lines().findFirst().orElse("");
    assertTrue(first.startsWith("// §"), file + ": the first line quotes the spec rule it tests (`// §8 ...`)");
    assertTrue(tester.expectations().size() > 0, file + ": a marker file without markers tests nothing");
  }

  @Test
  void everyRuleHasAFile() {
    List<String> files = all();
    assertTrue(files.size() >= AT_LEAST, "only " + files.size() + " marker files");
    for (String divergence : KNOWN_DIVERGENCES) {
      assertTrue(files.contains(divergence), "a known divergence without its file: " + divergence);
    }
  }

  @Test
  void knownDivergencesStillDiverge(TestReporter reporter) {
    for (String divergence : KNOWN_DIVERGENCES) {
      reporter.publishEntry("known divergence from the spec", divergence);
      assertThrows(
          AssertionError.class,
          () -> CheckTester.resource("/markers/" + divergence).check(),
          divergence + " now passes: remove it from KNOWN_DIVERGENCES and from docs/analysis.md");
    }
  }
}

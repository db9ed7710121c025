package calm.cli;

import calm.Golden;
import calm.analysis.FileReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Each folder under {@code src/test/resources/golden/check/} is a case: {@code program.calm} and the
 * expected text ({@code expected.txt}, no colour) and JSON ({@code expected.json}) output of
 * {@code calm check}, with the path shown as {@code CASE/program.calm}. Adding a case is adding a
 * folder; regenerate with {@code mvn -B test -Dtest=GoldenCheckTest -Dcalm.update.golden=true}.
 */
class GoldenCheckTest {
  static final Path CASES = Path.of("src", "test", "resources", "golden", "check");

  @TestFactory
  Stream<DynamicTest> everyCaseMatchesItsExpectedOutput() throws IOException {
    List<Path> cases;
    try (Stream<Path> dirs = Files.list(CASES)) {
      cases = dirs.filter(d -> Files.isRegularFile(d.resolve("program.calm"))).sorted().toList();
    }
    assertFalse(cases.isEmpty(), "no golden cases under " + CASES);
    return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> verify(dir)));
  }

  private static void verify(Path dir) throws IOException {
    String shown = dir.getFileName() + "/program.calm";
    byte[] bytes = Files.readAllBytes(dir.resolve("program.calm"));
    // as calm check does: suppression comments apply
    Triage.Result triaged =
        Triage.apply(CheckCommand.checkAll(List.of(SourceLoader.decode(shown, bytes))), java.util.Optional.empty());
    List<FileReport> reports = triaged.reports();
    Golden.assertMatches(
        dir.resolve("expected.txt"), new TextRenderer(Palette.NONE, false, triaged.triage()).render(reports));
    Golden.assertMatches(dir.resolve("expected.json"), new JsonRenderer(false, triaged.triage()).render(reports));
  }
}

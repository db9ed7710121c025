package calm.analysis.calm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import calm.analysis.Checker;
import calm.analysis.FileReport;
import calm.syntax.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Runs the checker on the golden programs and on inline ones, and reads the CALM report back. */
final class CalmCases {
  private CalmCases() {}

  static FileReport golden(String name) {
    String resource = "/golden/check/calm-" + name + "/program.calm";
    try (InputStream in = CalmCases.class.getResourceAsStream(resource)) {
      assertNotNull(in, "missing " + resource);
      return check(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static FileReport check(String name, String text) {
    FileReport report = Checker.standard().check(new SourceFile(name + ".calm", text));
    assertFalse(hasNonCalmError(report), () -> "the program must be well formed: " + report.diagnostics());
    return report;
  }

  private static boolean hasNonCalmError(FileReport report) {
    return report.diagnostics().stream()
        .anyMatch(d -> d.isError() && d.code() != calm.diagnostics.Code.COORDINATION_POINT);
  }

  static List<Integer> pointLines(FileReport report) {
    return report.calm().points().stream().map(p -> p.line()).toList();
  }

  static CoordinationPoint pointAt(FileReport report, int line) {
    return report.calm().points().stream()
        .filter(p -> p.line() == line)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no point at line " + line + ": " + pointLines(report)));
  }

  static Set<String> kinds(CoordinationPoint point) {
    return point.kinds().stream().map(PointKind::label).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  static OutputVerdict verdictOf(FileReport report, String relation) {
    return report.calm().outputs().stream()
        .filter(o -> o.relation().equals(relation))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no verdict for " + relation + ": " + report.calm().outputs()));
  }

  static void assertVerdict(FileReport report, String relation, Verdict verdict, Integer... lines) {
    OutputVerdict v = verdictOf(report, relation);
    assertEquals(verdict, v.verdict(), relation + ": " + report.calm());
    assertEquals(List.of(lines), v.pointLines().asList(), relation + " point lines");
  }

  /** The line in the program whose text starts with the given prefix, so tests need no line numbers. */
  static int lineOf(FileReport report, String prefix) {
    SourceFile source = report.source();
    for (int i = 1; i <= source.lineCount(); i++) {
      if (source.line(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no line starts with " + prefix);
  }
}

package calm.analysis.calm;

import static calm.analysis.calm.CalmCases.check;
import static calm.analysis.calm.CalmCases.kinds;
import static calm.analysis.calm.CalmCases.lineOf;
import static calm.analysis.calm.CalmCases.pointAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.analysis.FileReport;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The help lines of §11's snapshot diagnostics. The rules themselves (which reads are monotone, which
 * are snapshots) are marker files, {@code src/test/resources/markers/s11-*.calm}.
 */
class LatticeCasesTest {
  private static final String BEST = """
      input score(p: string, s: int).
      table best(p: string => s: max<int>).
      best(P, S) :- score(P, S).
      """;

  private static FileReport best(String rest) {
    return check("lattice", BEST + rest);
  }

  @Test
  void aTestAgainstTheDirectionIsASnapshotWhoseHelpSaysThreshold() {
    FileReport report = best("output table low(p: string).\nlow(P) :- best(P, S), S < 10.\n");
    int line = lineOf(report, "low(P) :-");
    assertEquals(Set.of("snapshot"), kinds(pointAt(report, line)));
    Diagnostic d = point(report);
    assertTrue(d.help().get(0).startsWith("test a threshold"), d.help().toString());
  }

  @Test
  void aValueCopiedIntoAPlainColumnIsASnapshotWhoseHelpSaysSameLattice() {
    FileReport report = best("output table board(p: string, s: int).\nboard(P, S) :- best(P, S).\n");
    assertEquals(Set.of("snapshot"), kinds(pointAt(report, lineOf(report, "board(P, S) :-"))));
    assertTrue(point(report).help().get(0).startsWith("type the receiving column as the same lattice"));
  }

  private static Diagnostic point(FileReport report) {
    return report.diagnostics().stream()
        .filter(d -> d.code() == Code.COORDINATION_POINT)
        .findFirst()
        .orElseThrow();
  }
}

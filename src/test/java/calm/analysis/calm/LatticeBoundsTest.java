package calm.analysis.calm;

import static calm.analysis.calm.CalmCases.assertVerdict;
import static calm.analysis.calm.CalmCases.check;
import static calm.analysis.calm.CalmCases.kinds;
import static calm.analysis.calm.CalmCases.lineOf;
import static calm.analysis.calm.CalmCases.pointAt;
import static calm.analysis.calm.CalmCases.pointLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.analysis.FileReport;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * §11's conditions on what a monotone read of a lattice value compares against and aggregates: a
 * threshold's K is a constant or comes from a relation whose facts only ever appear, and a sum or a
 * count keeps the key (an aggregate ranges over distinct assignments, §4).
 */
class LatticeBoundsTest {
  private static final String BEST = """
      input score(p: string, s: int).
      table best(p: string => s: max<int>).
      best(P, S) :- score(P, S).
      """;

  private static FileReport best(String rest) {
    return check("bounds", BEST + rest);
  }

  @Test
  void aThresholdFromATableThatOnlyGrowsIsNotAPoint() {
    FileReport report = best("""
        table goal(p: string, k: int).
        goal("ann", 100).
        output table reached(p: string).
        reached(P) :- best(P, S), goal(P, K), S >= K.
        """);
    assertEquals(List.of(), pointLines(report));
    assertVerdict(report, "reached", Verdict.CONFLUENT);
  }

  @Test
  void aThresholdFromAnEventIsASnapshotWhoseHelpNamesTheBound() {
    FileReport report = best("""
        input ask(p: string, k: int).
        output table reached(p: string).
        reached(P) :- ask(P, K), best(P, S), S >= K.
        """);
    int line = lineOf(report, "reached(P) :-");
    assertTrue(kinds(pointAt(report, line)).contains("snapshot"), kinds(pointAt(report, line)).toString());
    Diagnostic d = point(report, line);
    assertTrue(d.toString().contains("comes from event relation `ask`"), d.toString());
    assertTrue(d.help().stream().anyMatch(h -> h.startsWith("compare against a constant")), d.help().toString());
  }

  @Test
  void aThresholdFromATableThatLosesFactsIsASnapshot() {
    FileReport report = best("""
        input lower(p: string).
        table goal(p: string, k: int).
        goal("ann", 100).
        delete goal(P, K) :- lower(P), goal(P, K).
        output table reached(p: string).
        reached(P) :- goal(P, K), best(P, S), S >= K.
        """);
    int line = lineOf(report, "reached(P) :-");
    assertEquals(Set.of("snapshot"), kinds(pointAt(report, line)));
    assertTrue(point(report, line).toString().contains("can lose facts"), point(report, line).toString());
  }

  @Test
  void aSumWithTheKeyProjectedAwayIsASnapshotWhoseHelpNamesTheKey() {
    FileReport report = best("""
        table total(n: int).
        total(sum(S)) :- best(_, S), S >= 0.
        output table big(n: int).
        big(1) :- total(N), N >= 500.
        """);
    int line = lineOf(report, "total(sum(S))");
    assertEquals(Set.of("aggregation", "snapshot"), kinds(pointAt(report, line)));
    assertTrue(point(report, line).help().stream().anyMatch(h -> h.startsWith("name the key")),
        point(report, line).help().toString());
  }

  @Test
  void aSumOrCountThatKeepsTheKeyAndAMaxWithoutItAreMonotone() {
    FileReport report = best("""
        table total(n: int).
        total(sum(S)) :- best(P, S), S >= 0.
        table players(n: int).
        players(count(S)) :- best(P, S).
        table top(n: int).
        top(max(S)) :- best(_, S).
        output table big(n: int).
        big(1) :- total(N), N >= 500.
        big(2) :- players(N), N >= 3.
        big(3) :- top(N), N >= 90.
        """);
    assertEquals(List.of(), pointLines(report));
  }

  private static Diagnostic point(FileReport report, int line) {
    return report.diagnostics().stream()
        .filter(d -> d.code() == Code.COORDINATION_POINT && d.span().line() == line)
        .findFirst()
        .orElseThrow();
  }
}

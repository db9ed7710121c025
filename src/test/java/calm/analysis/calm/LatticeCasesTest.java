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

/** The rules of §11 for reading lattice values, one marker case each. */
class LatticeCasesTest {
  private static final String BEST = """
      input score(p: string, s: int).
      table best(p: string => s: max<int>).
      best(P, S) :- score(P, S).
      """;
  private static final String DIST = """
      input road(x: int, y: int, w: int).
      table link(x: int, y: int, w: int).
      link(X, Y, W) :- road(X, Y, W).
      table dist(n: int => d: min<int>).
      dist(1, 0).
      dist(Y, D + W) :- dist(X, D), link(X, Y, W).
      """;

  private static FileReport best(String rest) {
    return check("lattice", BEST + rest);
  }

  @Test
  void aThresholdInTheLatticesDirectionIsNotAPoint() {
    FileReport report = best("output table badge(p: string).\nbadge(P) :- best(P, S), S >= 100.\n");
    assertEquals(List.of(), pointLines(report));
    assertVerdict(report, "badge", Verdict.CONFLUENT);
    FileReport min = check("min", DIST + "output table near(n: int).\nnear(N) :- dist(N, D), 5 >= D.\n");
    assertEquals(List.of(), pointLines(min));
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
  void anEqualityIsASnapshot() {
    FileReport report = best("output table top(p: string).\ntop(P) :- best(P, S), S = 100.\n");
    assertEquals(Set.of("snapshot"), kinds(pointAt(report, lineOf(report, "top(P) :-"))));
  }

  @Test
  void aValueCopiedIntoAPlainColumnIsASnapshotWhoseHelpSaysSameLattice() {
    FileReport report = best("output table board(p: string, s: int).\nboard(P, S) :- best(P, S).\n");
    assertEquals(Set.of("snapshot"), kinds(pointAt(report, lineOf(report, "board(P, S) :-"))));
    assertTrue(point(report).help().get(0).startsWith("type the receiving column as the same lattice"));
  }

  @Test
  void aValueFlowingIntoTheSameDirectionUnderMonotoneArithmeticIsNotAPoint() {
    FileReport report = best("""
        output table plus(p: string => s: max<int>).
        plus(P, S + 1) :- best(P, S).
        plus(P, S * 2) :- best(P, S).
        plus(P, S - 3) :- best(P, S).
        """);
    assertEquals(List.of(), pointLines(report));
    assertVerdict(report, "plus", Verdict.CONFLUENT);
  }

  @Test
  void aValueFlowingIntoTheOtherDirectionOrUnderOtherArithmeticIsASnapshot() {
    FileReport report = best("""
        output table low(p: string => s: min<int>).
        low(P, S) :- best(P, S).
        output table neg(p: string => s: max<int>).
        neg(P, 0 - S) :- best(P, S).
        """);
    assertEquals(Set.of("snapshot"), kinds(pointAt(report, lineOf(report, "low(P, S) :-"))));
    assertEquals(Set.of("snapshot"), kinds(pointAt(report, lineOf(report, "neg(P, 0 - S) :-"))));
  }

  @Test
  void anAggregateAgainstTheDirectionIsAggregationAndSnapshot() {
    FileReport report = best("""
        table least(n: int).
        least(min(S)) :- best(_, S).
        output table any(n: int).
        any(1) :- least(N), N <= 5.
        """);
    assertEquals(Set.of("aggregation", "snapshot"), kinds(pointAt(report, lineOf(report, "least(min(S))"))));
  }

  @Test
  void anAggregateInTheDirectionReadsTheLatticeMonotonically() {
    FileReport report = best("""
        table top(n: int).
        top(max(S)) :- best(_, S).
        output table high(n: int).
        high(1) :- top(N), N >= 5.
        """);
    assertEquals(List.of(), pointLines(report));
  }

  @Test
  void readingOnlyTheKeyIsMonotone() {
    FileReport report = best("output table players(p: string).\nplayers(P) :- best(P, _).\n");
    assertEquals(List.of(), pointLines(report));
  }

  @Test
  void negationOfALatticeTableIsNegationAndSnapshot() {
    FileReport report = best("input ask(p: string).\noutput table absent(p: string).\n"
        + "absent(P) :- ask(P), not best(P, _).\n");
    assertTrue(kinds(pointAt(report, lineOf(report, "absent(P) :-"))).containsAll(Set.of("negation", "snapshot")));
  }

  @Test
  void aSealByTheKeySealsASnapshot() {
    FileReport report = best("""
        input final(p: string).
        table closed(p: string).
        closed(P) :- final(P).
        seal best(P, _) by closed(P).
        output table result(p: string, s: int).
        result(P, S) :- closed(P), best(P, S).
        """);
    int line = lineOf(report, "result(P, S) :-");
    assertEquals(PointStatus.SEALED, pointAt(report, line).status());
    assertVerdict(report, "result", Verdict.SEALED, line);
  }

  @Test
  void anUpdateThatReadsAnAsynchronousRelationIsADeletion() {
    FileReport report = check("kv", """
        input put(k: string, v: string).
        output table kv(k: string => v: string).
        kv(K, V)@update :- put(K, V).
        """);
    assertEquals(Set.of("deletion"), kinds(pointAt(report, lineOf(report, "kv(K, V)@update"))));
  }

  @Test
  void anEventJoinedWithAnAsynchronousLatticeTableIsARace() {
    FileReport report = best("input ask(p: string).\noutput table known(p: string).\n"
        + "known(P) :- ask(P), best(P, S), S >= 1.\n");
    assertEquals(Set.of("race"), kinds(pointAt(report, lineOf(report, "known(P) :-"))));
  }

  @Test
  void aSnapshotOfATableThatIsNotAsynchronousIsNoPoint() {
    FileReport report = check("still", """
        table best(p: string => s: max<int>).
        best("a", 1).
        best("a", 3).
        output table board(p: string, s: int).
        board(P, S) :- best(P, S).
        """);
    assertEquals(List.of(), pointLines(report));
  }

  private static Diagnostic point(FileReport report) {
    return report.diagnostics().stream()
        .filter(d -> d.code() == Code.COORDINATION_POINT)
        .findFirst()
        .orElseThrow();
  }
}

package calm.analysis.calm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.analysis.Checker;
import calm.analysis.FileReport;
import calm.analysis.calm.ConstraintVerdict.Kind;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.Constraint;
import calm.syntax.SourceFile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * §12's static part where a marker cannot say it: a constraint's line and name, the lines and threats
 * behind a verdict, and the help of C002. Each verdict rule has a marker file,
 * {@code src/test/resources/markers/s12-*.calm}.
 */
class ConstraintRulesTest {
  private static final String LEDGER = """
      input deposit(id: string, account: string, amount: int).
      input ask(account: string).
      table ledger(id: string, account: string, amount: int).
      table owner(account: string, name: string).
      scratch balance(account: string, amount: int).
      output table shown(account: string, amount: int).
      owner("a", "ann").
      ledger(I, A, X) :- deposit(I, A, X).
      balance(A, sum(X)) :- ledger(I, A, X).
      shown(A, N) :- balance(A, N).
      """;

  private static FileReport check(String text) {
    return Checker.standard().check(new SourceFile("t.calm", text));
  }

  private static ConstraintVerdict only(FileReport report) {
    assertFalse(report.hasErrors(), () -> report.diagnostics().toString());
    assertEquals(1, report.calm().constraints().size(), report.calm().constraints().toString());
    return report.calm().constraints().get(0);
  }

  private static List<Diagnostic> withCode(FileReport report, Code code) {
    return report.diagnostics().stream().filter(d -> d.code() == code).toList();
  }

  @Test
  void aClauseWithoutAHeadIsAConstraintWhoseLineIsThatOfItsTurnstile() {
    FileReport report = check(LEDGER + "@invariant(\"owned\")\n\n:- ledger(_, A, _),\n   not owner(A, _).\n:- ask(A), A = \"x\".\n");
    Constraint named = report.program().orElseThrow().constraints().get(0);
    assertEquals(Optional.of("owned"), named.name());
    assertEquals(13, named.line());
    Constraint anonymous = report.program().orElseThrow().constraints().get(1);
    assertEquals(Optional.empty(), anonymous.name());
    assertEquals(15, anonymous.line());
  }

  @Test
  void theInvariantNameIsMandatoryAndNotBlank() {
    for (String annotation : List.of("@invariant(\"  \")", "@invariant()", "@invariant(3)")) {
      FileReport report = check(LEDGER + annotation + "\n:- ledger(_, _, X), X < 0.\n");
      assertEquals(1, withCode(report, Code.EMPTY_INVARIANT_NAME).size(), annotation);
      assertEquals(11, withCode(report, Code.EMPTY_INVARIANT_NAME).get(0).span().line());
    }
  }

  @Test
  void aConstraintReadingAStratumAboveNegationNeedsNoStratumOfItsOwn() {
    // it reads a negation's result and an aggregate's: both complete before it is checked
    FileReport report = check(LEDGER + """
        scratch orphan(account: string).
        orphan(A) :- ledger(_, A, _), not owner(A, _).
        :- orphan(A), balance(A, N), N > 0.
        """);
    assertFalse(report.hasErrors(), () -> report.diagnostics().toString());
  }

  @Test
  void anOpenPointUpstreamMakesItOrderDependentAndIsNamed() {
    FileReport report = check(LEDGER + "@invariant(\"no overdraft\")\n:- balance(A, N), N < 0.\n");
    ConstraintVerdict v = only(report);
    assertEquals(Kind.ORDER_DEPENDENT, v.verdict());
    assertEquals(List.of(9), v.pointLines());
    List<Diagnostic> warnings = withCode(report, Code.ORDER_DEPENDENT_CONSTRAINT);
    assertEquals(1, warnings.size());
    Diagnostic w = warnings.get(0);
    assertEquals(calm.diagnostics.Severity.WARNING, w.severity());
    assertEquals(12, w.span().line());
    assertTrue(w.message().contains("line 9 (aggregation into `balance`)"), w.message());
    assertTrue(w.help().stream().anyMatch(h -> h.contains("@coordinated")), w.help().toString());
    assertEquals(9, w.related().get(0).span().line());
  }

  @Test
  void aWarningDoesNotByItselfMakeTheFileFail() {
    FileReport report = check(LEDGER.replace("balance(A, sum(X))", "@coordinated(\"serialized\")\nbalance(A, sum(X))")
        + ":- ledger(I, A, X), not ledger(\"open\", A, _).\n");
    assertEquals(Kind.ORDER_DEPENDENT, only(report).verdict());
    assertFalse(report.diagnostics().stream().anyMatch(Diagnostic::isError), report.diagnostics().toString());
  }

  @Test
  void everyPointUpstreamAcknowledgedMakesItCoordinated() {
    FileReport report = check(
        LEDGER.replace("balance(A, sum(X))", "@coordinated(\"serialized\")\nbalance(A, sum(X))")
            + ":- balance(A, N), N < 0.\n");
    ConstraintVerdict v = only(report);
    assertEquals(Kind.COORDINATED, v.verdict());
    assertEquals(List.of(10), v.pointLines());
    assertTrue(withCode(report, Code.ORDER_DEPENDENT_CONSTRAINT).isEmpty());
  }

  @Test
  void negatingAnAsynchronousRelationIsANonMonotoneBodyLiteral() {
    FileReport report = check(LEDGER + ":- owner(A, _), not ledger(_, A, _).\n");
    ConstraintVerdict v = only(report);
    assertEquals(Kind.ORDER_DEPENDENT, v.verdict());
    assertEquals("negation", v.threats().get(0).kind());
    Diagnostic w = withCode(report, Code.ORDER_DEPENDENT_CONSTRAINT).get(0);
    assertEquals(17, w.related().get(0).span().column());
    assertTrue(w.help().get(0).contains("seal"), w.help().toString());
  }

  @Test
  void aMonotoneAggregateIsReadMonotonicallyOnlyByAThresholdInItsDirection() {
    String votes = """
        input vote(voter: string, choice: string).
        table votes(voter: string, choice: string).
        scratch tally(choice: string, n: int).
        output table chosen(choice: string).
        votes(V, C) :- vote(V, C).
        tally(C, count(V)) :- votes(V, C).
        chosen(C) :- tally(C, N), N >= 2.
        """;
    assertEquals(Kind.SCHEDULE_INDEPENDENT, only(check(votes + ":- tally(C, N), N > 3.\n")).verdict());
    for (String snapshot : List.of("N = 2", "N < 3", "N != 1")) {
      ConstraintVerdict v = only(check(votes + ":- tally(C, N), " + snapshot + ".\n"));
      assertEquals(Kind.ORDER_DEPENDENT, v.verdict(), snapshot);
      assertEquals("aggregate read", v.threats().get(0).kind(), snapshot);
    }
  }
}

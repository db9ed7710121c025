package calm.eval.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.analysis.calm.ConstraintVerdict;
import calm.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** §12 when exploring: violated runs per constraint, a replayable witness, error runs apart. */
class ConstraintExploreTest {
  @TempDir Path tmp;

  /** Two withdrawals that each check the balance: both pass only when they arrive in one tick. */
  static final String BANK = """
      input withdraw(id: string, account: string, amount: int).
      table ledger(id: string, account: string, amount: int).
      output scratch balance(account: string, amount: int).
      ledger("open", "alice", 100).
      withdraw("w1", "alice", 60).
      withdraw("w2", "alice", 60).
      ledger(I, A, -X)@next :- withdraw(I, A, X), balance(A, B), B >= X.
      balance(A, sum(X)) :- ledger(I, A, X).
      @invariant("no overdraft")
      :- balance(A, B), B < 0.
      @invariant("entries are unique")
      :- ledger(I, A, X), ledger(I, A, Y), X != Y.
      """;

  @Test
  void anOrderDependentConstraintIsViolatedInSomeRunsWithAWitnessThatReplays() {
    Explore p = Explore.of(BANK);
    Exploration e = p.explore(300, 7, 2);
    ConstraintFinding overdraft = Explore.constraint(e, 10);
    assertEquals(ConstraintVerdict.Kind.ORDER_DEPENDENT, overdraft.verdict().orElseThrow());
    assertTrue(overdraft.dependsOnSchedule(), overdraft.violatedRuns() + " of " + overdraft.runs());
    assertEquals(300, overdraft.runs());
    ConstraintWitness w = overdraft.witness().orElseThrow();
    assertEquals("no overdraft", w.violation().constraint().name().orElseThrow());
    assertEquals(1, w.differences().size(), "shrunk to the one delivery that matters");
    Explorer explorer = p.explorer(1);
    assertFalse(explorer.replay(w.a().replay()).constraintViolations().isEmpty(), "A violates it again");
    assertTrue(explorer.replay(w.b().replay()).constraintViolations().isEmpty(), "B keeps it again");
    // the analysis is conservative here (ledger is downstream of the race), and no run violates it
    ConstraintFinding unique = Explore.constraint(e, 12);
    assertEquals(ConstraintVerdict.Kind.ORDER_DEPENDENT, unique.verdict().orElseThrow());
    assertEquals(0, unique.violatedRuns());
    assertTrue(unique.witness().isEmpty());
  }

  @Test
  void aConstraintViolatedInEveryRunHasNoWitness() {
    Exploration e = Explore.of(BANK.replace("B < 0", "B < 1000")).explore(100, 3, 2);
    ConstraintFinding all = Explore.constraint(e, 10);
    assertEquals(100, all.violatedRuns());
    assertTrue(all.witness().isEmpty());
  }

  @Test
  void runsStoppedByAnErrorAreCountedApartAndExplorationGoesOn() {
    // b overflows when it finds a already there: in the runs where a arrives first or with it
    String overflow = """
        input a().
        input b().
        table ta().
        table big(x: int).
        output table r(x: int).
        a().
        b().
        big(9223372036854775807).
        ta() :- a().
        r(X + 1) :- b(), ta(), big(X).
        r(0) :- b().
        :- r(X), X < 0.
        """;
    Exploration e = Explore.of(overflow).explore(100, 1, 2);
    assertTrue(e.errorRuns() > 0 && e.errorRuns() < 100, "some runs overflow, some do not: " + e.errorRuns());
    assertTrue(e.failure().isPresent());
    assertEquals(100, e.completedRuns());
    assertEquals(100 - e.errorRuns(), Explore.constraint(e, 12).runs());
  }

  @Test
  void theCommandReportsConstraintsAndExpectInvariantsFailsOnAViolation() throws IOException {
    Path p = Files.writeString(tmp.resolve("bank.calm"), BANK);
    Cli text = Cli.run("explore", p.toString(), "--runs", "200");
    assertEquals(0, text.status(), text.toString());
    assertTrue(text.out().contains("constraint \"no overdraft\" (line 10)"), text.out());
    assertTrue(text.out().contains("witness: constraint \"no overdraft\" (line 10) — violated under A, never under B"),
        text.out());
    Cli json = Cli.run("explore", p.toString(), "--runs", "200", "--format", "json");
    assertTrue(json.out().contains("\"errorRuns\" : 0"), json.out());
    assertTrue(json.out().contains("\"violatedRuns\" :"), json.out());
    assertEquals(1, Cli.run("explore", p.toString(), "--runs", "200", "--expect-invariants").status());
    Path kept = Files.writeString(tmp.resolve("kept.calm"), BANK.replace("B < 0", "B < -1000"));
    assertEquals(0, Cli.run("explore", kept.toString(), "--runs", "200", "--expect-invariants").status());
  }
}

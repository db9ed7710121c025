package calm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** §12 when running: every constraint after every fixpoint, at every node; the run goes on; exit 1. */
class ConstraintRunTest {
  @TempDir Path tmp;

  private static final String COUNTER = """
      table n(x: int).
      output table seen(x: int).
      n(0).
      n(X + 1)@next :- n(X), X < 4.
      seen(X) :- n(X).
      @invariant("below three")
      :- n(X), X >= 3.
      :- n(X), X = 1.
      """;

  private static Run run(String text) {
    CompiledProgram compiled = Checked.compile("t.calm", text);
    Run run = new Run(compiled, World.of(compiled, Scenario.standalone(), java.util.Map.of()));
    run.runToQuiescence();
    return run;
  }

  @Test
  void violationsAreFoundAfterEachFixpointAndTheRunGoesOn() {
    Run run = run(COUNTER);
    List<ConstraintViolation> violations = run.constraintViolations();
    // n(1) holds from tick 2; n(3) from tick 4 and n(4) joins it in tick 5: a new first solution
    assertEquals(List.of("8:2:n(1)", "7:4:n(3)"),
        violations.stream().limit(2).map(v -> v.constraint().line() + ":" + v.tick() + ":" + v.facts().get(0))
            .toList());
    ConstraintViolation below = violations.stream().filter(v -> v.constraint().line() == 7).findFirst().orElseThrow();
    assertEquals("local", below.node());
    assertEquals("\"below three\"", below.name());
    assertEquals(5, run.contents("local", "seen").size(), "n counted on to 4 after the violations");
  }

  @Test
  void aViolationIsReportedOnceWhileItsFirstSolutionStaysTheSame() {
    Run run = run(COUNTER);
    long atLine8 = run.constraintViolations().stream().filter(v -> v.constraint().line() == 8).count();
    assertEquals(1, atLine8, run.constraintViolations().toString());
  }

  @Test
  void everyNodeIsChecked() throws IOException {
    Path p = Files.writeString(tmp.resolve("two.calm"), """
        table here(x: int).
        output table mark(x: int).
        here(1).
        mark(X) :- here(X).
        :- here(X), X > 0.
        """);
    Path scenario = Files.writeString(tmp.resolve("two.scenario"), "node a b\n");
    Cli r = Cli.run("run", p.toString(), "--scenario", scenario.toString(), "--format", "json");
    assertEquals(1, r.status(), r.toString());
    assertTrue(r.out().contains("\"node\" : \"a\"") && r.out().contains("\"node\" : \"b\""), r.out());
    assertTrue(r.err().contains("two.calm:5:1: error: constraint at line 5 violated at node 'a', tick 1: here(1)"), r.err());
  }

  @Test
  void theCommandShowsViolationsInEveryFormatAndExitsOne() throws IOException {
    Path p = Files.writeString(tmp.resolve("c.calm"), COUNTER);
    Cli table = Cli.run("run", p.toString());
    assertEquals(1, table.status());
    assertTrue(table.out().contains("violated constraints:\n") && table.out().contains("  \"below three\" at node local, tick 4: n(3)\n"), table.out());
    Cli csv = Cli.run("run", p.toString(), "--format", "csv");
    assertEquals(1, csv.status());
    assertTrue(csv.err().contains("error: constraint \"below three\" violated at node 'local', tick 4: n(3)"), csv.err());
    Cli json = Cli.run("run", p.toString(), "--format", "json");
    assertTrue(json.out().contains("\"name\" : \"below three\""), json.out());
    Cli trace = Cli.run("run", p.toString(), "--trace");
    assertTrue(trace.out().contains("    VIOLATED \"below three\": n(3)"), trace.out());
    Path fine = Files.writeString(tmp.resolve("fine.calm"), COUNTER.replace("X >= 3", "X >= 9").replace("X = 1", "X = 9"));
    assertEquals(0, Cli.run("run", fine.toString()).status());
  }
}

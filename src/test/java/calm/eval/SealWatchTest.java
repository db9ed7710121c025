package calm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The run's seal check (§5), which `calm run` prints and the explorer counts. */
class SealWatchTest {
  private static List<SealViolation> violations(String program, Scenario scenario) {
    CompiledProgram p = EngineApiTest.compile(program);
    Run run = new Run(p, World.of(p, scenario, Map.of()));
    run.runToQuiescence();
    return run.sealViolations();
  }

  private static Scenario local() {
    return Scenario.empty().addNode("local");
  }

  private static GroundFact fact(String relation, Object... values) {
    return new GroundFact(relation, List.of(values));
  }

  /** A scratch fact derived anew each tick was held before the seal: only the new one breaks it. */
  @Test
  void aFactHeldBeforeTheSealIsNothingNew() {
    String program = """
        input add(k: int).
        input close().
        table t(k: int).
        table closed().
        scratch s(k: int).
        seal s(_) by closed().
        t(K) :- add(K).
        closed() :- close().
        s(K) :- t(K).
        """;
    Scenario scenario = local();
    scenario.addInput("local", fact("add", 1L), 1);
    scenario.addInput("local", fact("close"), 2);
    scenario.addInput("local", fact("add", 2L), 3);
    List<SealViolation> found = violations(program, scenario);
    assertEquals(1, found.size(), found.toString());
    SealViolation v = found.get(0);
    assertEquals("s(2)", v.fact());
    assertEquals("closed()", v.guard());
    assertEquals(2, v.sealedAt());
    assertEquals(3, v.arrivedAt());
    assertEquals("seal s(_) by closed().", v.seal());
    assertEquals(6, v.declaration().span().line());
  }

  /** The guard seals a key only when it matches the seal's constants. */
  @Test
  void aGuardSealsOnlyWhenItsConstantsMatch() {
    String program = """
        input vote(r: string, v: string).
        input set(r: string, s: string).
        table votes(r: string, v: string).
        table status(r: string, s: string).
        seal votes(R, _) by status(R, "closed").
        votes(R, V) :- vote(R, V).
        status(R, S) :- set(R, S).
        """;
    Scenario scenario = local();
    scenario.addInput("local", fact("set", "r1", "open"), 1);
    scenario.addInput("local", fact("vote", "r1", "x"), 2);
    scenario.addInput("local", fact("set", "r1", "closed"), 3);
    scenario.addInput("local", fact("vote", "r1", "y"), 4);
    scenario.addInput("local", fact("vote", "r2", "z"), 4);
    List<SealViolation> found = violations(program, scenario);
    assertEquals(1, found.size(), found.toString());
    assertEquals("votes(\"r1\", \"y\")", found.get(0).fact());
    assertEquals("status(\"r1\", \"closed\")", found.get(0).guard());
    assertEquals(3, found.get(0).sealedAt());
  }
}

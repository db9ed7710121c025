package calm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.syntax.Program;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A semi-naive variant started from a lower relation, with its delta looked up by key (the choice the
 * engine makes round by round from the sizes), finds what the variant started from the delta finds and
 * what the naive oracle finds.
 */
class JoinOrderTest {
  @Test
  void startingFromALowerRelationAgreesWithTheOracleOnRandomPrograms() {
    int alternatives = 0;
    for (int seed = 1; seed <= 300; seed++) {
      String text = new RandomPrograms(seed).generate();
      Program program = OracleAgreementTest.parse(text, seed);
      Map<String, Set<List<Object>>> expected;
      try {
        expected = NaiveOracle.evaluate(program);
      } catch (ArithmeticException e) {
        continue;
      }
      CompiledProgram compiled = Checked.compile("random-" + seed + ".calm", text);
      compiled.startDeltasFromLowerRelations();
      alternatives += text.contains(":-") ? countAlternatives(compiled) : 0;
      assertAgrees(compiled, expected, "seed " + seed + ", program:\n" + text);
    }
    assertTrue(alternatives > 30, "variants with an alternative start: " + alternatives);
  }

  /** Points-to over random facts: deltas of hundreds of rows, so the sizes decide, both ways. */
  @Test
  void pointsToAgreesWithTheOracleWhicheverStartTheSizesChoose() {
    Random random = new Random(11);
    StringBuilder text = new StringBuilder("""
        table address_of(p: int, o: int).
        table assign(p: int, q: int).
        table load(p: int, q: int).
        table store(p: int, q: int).
        output table points_to(p: int, o: int).
        points_to(P, O) :- address_of(P, O).
        points_to(P, O) :- assign(P, Q), points_to(Q, O).
        points_to(P, O) :- load(P, Q), points_to(Q, R), points_to(R, O).
        points_to(R, O) :- store(P, Q), points_to(P, R), points_to(Q, O).
        """);
    int variables = 120;
    for (int i = 0; i < 60; i++) {
      text.append("address_of(").append(random.nextInt(variables)).append(", ").append(random.nextInt(variables))
          .append(").\n");
    }
    for (int i = 0; i < 90; i++) {
      text.append("assign(").append(random.nextInt(variables)).append(", ").append(random.nextInt(variables))
          .append(").\n");
    }
    for (String r : List.of("load", "store")) {
      for (int i = 0; i < 12; i++) {
        text.append(r).append('(').append(random.nextInt(variables)).append(", ")
            .append(random.nextInt(variables)).append(").\n");
      }
    }
    Map<String, Set<List<Object>>> expected =
        NaiveOracle.evaluate(OracleAgreementTest.parse(text.toString(), 0));
    assertTrue(expected.get("points_to").size() > 1500, "points_to: " + expected.get("points_to").size());
    CompiledProgram bySize = Checked.compile("points-to.calm", text.toString());
    assertAgrees(bySize, expected, "by size");
    CompiledProgram always = Checked.compile("points-to.calm", text.toString());
    always.startDeltasFromLowerRelations();
    assertTrue(countAlternatives(always) >= 4, "alternatives: " + countAlternatives(always));
    assertAgrees(always, expected, "always from a lower relation");
  }

  private static int countAlternatives(CompiledProgram compiled) {
    int n = 0;
    for (ComponentPlan c : compiled.components()) {
      for (RulePlan p : c.deltas()) {
        n += p.alternativeCount();
      }
    }
    return n;
  }

  private static void assertAgrees(CompiledProgram compiled, Map<String, Set<List<Object>>> expected, String what) {
    Run run = new Run(compiled, World.of(compiled, Scenario.standalone(), Map.of()));
    run.runToQuiescence();
    for (Relation r : compiled.relations()) {
      Set<List<Object>> actual = new HashSet<>();
      for (Object[] f : run.contents("local", r.name())) {
        actual.add(List.of(f));
      }
      assertEquals(expected.get(r.name()), actual, what + ", relation " + r.name());
    }
  }
}

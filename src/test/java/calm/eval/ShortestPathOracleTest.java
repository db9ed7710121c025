package calm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import calm.syntax.ParseResult;
import calm.syntax.Parsing;
import calm.syntax.Program;
import calm.syntax.SourceFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Shortest- and longest-path-shaped programs on random graphs, which the engine expands best value
 * first ({@link PriorityOrder}): the result equals the naive oracle's fixpoint. Programs that do not
 * fit the conditions keep the rounds.
 */
class ShortestPathOracleTest {
  private static final int PROGRAMS = Integer.getInteger("calm.sssp.programs", 150);

  private static final String[] MIN_RULES = {
    "d(Y, D + W) :- d(X, D), e(X, Y, W).",
    "d(Y, D + W) :- d(X, D), e(X, Y, W), W >= 0.",
    "d(Y, D + (W + 1)) :- e(X, Y, W), d(X, D).",
    "d(X, D + W) :- d(Y, D), e(X, Y, W), X != Y.",
    "d(Y, D - (1 - W)) :- d(X, D), e(X, Y, W), W > 0.",
    "d(Y, D * 2) :- d(X, D), e(X, Y, 1).",
    "d(Y, D) :- d(X, D), e(X, Y, 0).",
  };

  @Test
  void priorityOrderAgreesWithTheOracleOnRandomGraphs() {
    for (int seed = 1; seed <= PROGRAMS; seed++) {
      Random random = new Random(seed);
      boolean min = random.nextInt(3) > 0;
      int nodes = 2 + random.nextInt(25);
      StringBuilder text = new StringBuilder("table e(x: int, y: int, w: int).\n");
      text.append("table d(n: int => v: ").append(min ? "min" : "max").append("<int>).\n");
      text.append("table far(n: int).\n");
      int edges = random.nextInt(nodes * 4);
      for (int i = 0; i < edges; i++) {
        text.append("e(").append(random.nextInt(nodes)).append(", ").append(random.nextInt(nodes))
            .append(", ").append(random.nextInt(min ? 12 : 1) + (min ? 0 : 1)).append(").\n");
      }
      for (int i = 0; i < 1 + random.nextInt(3); i++) {
        text.append("d(").append(random.nextInt(nodes)).append(", ").append(random.nextInt(50) - (min ? 0 : 10)).append(").\n");
      }
      if (min) {
        List<String> rules = new ArrayList<>();
        for (String rule : MIN_RULES) {
          if (random.nextInt(2) == 0) {
            rules.add(rule);
          }
        }
        if (rules.isEmpty()) {
          rules.add(MIN_RULES[0]);
        }
        rules.forEach(r -> text.append(r).append('\n'));
      } else {
        // longest paths shrink with each step, so they end on cycles too
        text.append("d(Y, V - W) :- d(X, V), e(X, Y, W).\n");
      }
      text.append("far(X) :- d(X, V), V >= 20.\n");
      check(text.toString(), seed, true);
    }
  }

  @Test
  void programsOutsideTheConditionsKeepTheRoundsAndAgree() {
    String header = "table e(x: int, y: int, w: int).\ntable d(n: int => v: min<int>).\n"
        + "e(0, 1, 3). e(1, 2, 4). e(0, 2, 9). e(2, 0, 1). e(2, 3, 2).\nd(0, 0).\n";
    String[] outside = {
      "d(Y, D) :- d(X, D), e(X, Y, _), d(Y, _).",
      "d(Y, W) :- d(X, D), e(X, Y, W), D < 5.",
      "d(Y, D + W) :- d(X, D), e(X, Y, W), D <= 6.",
    };
    for (int i = 0; i < outside.length; i++) {
      check(header + outside[i] + "\n", 1000 + i, false);
    }
  }

  private static void check(String text, int seed, boolean ordered) {
    CompiledProgram compiled = Checked.compile("sssp-" + seed + ".calm", text);
    PriorityOrder order = compiled.components().stream()
        .map(ComponentPlan::priority).filter(p -> p != null).findFirst().orElse(null);
    if (ordered) {
      assertNotNull(order, "expected a priority order for\n" + text);
    } else {
      assertNull(order, "expected rounds for\n" + text);
    }
    ParseResult parsed = Parsing.parse(new SourceFile("sssp" + seed + ".calm", text));
    if (!parsed.diagnostics().isEmpty()) {
      fail(parsed.diagnostics() + "\n" + text);
    }
    Program program = parsed.program().orElseThrow();
    Map<String, Set<List<Object>>> expected = NaiveOracle.evaluate(program);
    Run run = new Run(compiled, World.of(compiled, Scenario.standalone(), Map.of()));
    run.runToQuiescence();
    for (String relation : expected.keySet()) {
      Set<List<Object>> actual = new HashSet<>();
      for (Object[] f : run.contents("local", relation)) {
        actual.add(List.of(f));
      }
      assertEquals(expected.get(relation), actual, "seed " + seed + ", relation " + relation + ":\n" + text);
    }
  }
}

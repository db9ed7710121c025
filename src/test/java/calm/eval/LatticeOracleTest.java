package calm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import calm.analysis.graph.LatticeReads;
import calm.analysis.graph.Schema;
import calm.syntax.ParseResult;
import calm.syntax.Parsing;
import calm.syntax.Program;
import calm.syntax.Rule;
import calm.syntax.SourceFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random lattice programs without snapshots (§11): the engine's result does not depend on the order in
 * which facts and rules are written (the order of insertion), and equals the naive oracle's fixpoint,
 * which joins every key's values after each round.
 */
class LatticeOracleTest {
  private static final int PROGRAMS = Integer.getInteger("calm.lattice.programs", 200);

  private static final String[] RULES = {
    "m0(Y, D + W) :- m0(X, D), e0(X, Y, W).",
    "m0(Y, D) :- m0(X, D), e0(X, Y, _).",
    "x0(Y, V) :- x0(X, V), e0(X, Y, _).",
    "x0(Y, V - W) :- x0(X, V), e0(X, Y, W).",
    "x0(Y, W * 2) :- x0(X, _), e0(X, Y, W).",
    "p0(X) :- m0(X, D), D <= %d.",
    "p0(X) :- x0(X, V), V >= %d.",
    "p0(Y) :- p0(X), e0(X, Y, _).",
    "top(X, max(V)) :- x0(X, V).",
    "low(X, min(D)) :- m0(X, D).",
    "far(X, count(Y)) :- m0(X, _), m0(Y, _).",
    "m1(X, D + 1) :- m0(X, D).",
    "m1(X, D * 3) :- m1(X, D)."
  };

  @Test
  void latticeProgramsAgreeWithTheOracleInAnyInsertionOrder() {
    int raised = 0;
    for (int seed = 1; seed <= PROGRAMS; seed++) {
      Random random = new Random(seed);
      List<String> facts = new ArrayList<>();
      for (int i = 0; i < 4 + random.nextInt(10); i++) {
        facts.add("e0(" + random.nextInt(6) + ", " + random.nextInt(6) + ", " + random.nextInt(6) + ").");
      }
      for (int i = 0; i < 1 + random.nextInt(4); i++) {
        facts.add("m0(" + random.nextInt(6) + ", " + random.nextInt(20) + ").");
        facts.add("x0(" + random.nextInt(6) + ", " + (random.nextInt(40) - 10) + ").");
      }
      List<String> rules = new ArrayList<>();
      for (String template : RULES) {
        if (random.nextInt(3) > 0) {
          rules.add(String.format(template, random.nextInt(30)));
        }
      }
      Map<String, Set<List<Object>>> first = null;
      for (int order = 0; order < 3; order++) {
        List<String> items = new ArrayList<>(facts);
        items.addAll(rules);
        Collections.shuffle(items, new Random(seed * 31L + order));
        String text = header() + String.join("\n", items) + "\n";
        Program program = parse(text, seed);
        Schema schema = Schema.of(program);
        for (Rule rule : program.rules()) {
          assertTrue(LatticeReads.of(schema, rule).isEmpty(), "a snapshot in " + rule + " of\n" + text);
        }
        Map<String, Set<List<Object>>> expected = NaiveOracle.evaluate(program);
        Map<String, Set<List<Object>>> actual = engine(program, text, seed);
        for (String relation : expected.keySet()) {
          assertEquals(expected.get(relation), actual.get(relation),
              "seed " + seed + ", relation " + relation + ", program:\n" + text);
        }
        if (first == null) {
          first = actual;
        } else {
          assertEquals(first, actual, "seed " + seed + ": the result depends on the order of\n" + text);
        }
      }
      raised += first.get("m0").size() + first.get("x0").size() > facts.size() / 3 ? 1 : 0;
    }
    assertTrue(raised > PROGRAMS / 2, "programs whose lattices were derived: " + raised);
  }

  private static String header() {
    return """
        table e0(x: int, y: int, w: int).
        table m0(k: int => d: min<int>).
        table x0(k: int => v: max<int>).
        table p0(k: int).
        table top(k: int, n: int).
        table low(k: int, n: int).
        table far(k: int, n: int).
        table m1(k: int => d: min<int>).
        """;
  }

  private static Map<String, Set<List<Object>>> engine(Program program, String text, int seed) {
    CompiledProgram compiled = Checked.compile("random-" + seed + ".calm", text);
    Run run = new Run(compiled, World.of(compiled, Scenario.standalone(), Map.of()));
    run.runToQuiescence();
    Map<String, Set<List<Object>>> all = new java.util.LinkedHashMap<>();
    for (Relation r : compiled.relations()) {
      Set<List<Object>> facts = new HashSet<>();
      for (Object[] f : run.contents("local", r.name())) {
        facts.add(List.of(f));
      }
      all.put(r.name(), facts);
    }
    return all;
  }

  private static Program parse(String text, int seed) {
    ParseResult result = Parsing.parse(new SourceFile("lattice" + seed + ".calm", text));
    if (!result.diagnostics().isEmpty()) {
      fail("seed " + seed + ": " + result.diagnostics() + "\n" + text);
    }
    return result.program().orElseThrow();
  }
}

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

  /**
   * Atoms that leave one variable open join by intersecting sorted runs ({@link IntersectStep}): random
   * graphs, dense or sparse values (bitmap or galloping), rows in key order or shuffled (a long run that
   * keeps coming back, or not), duplicated facts, self-loops, an empty relation, keys of two columns
   * and of a constant, three runs at once, strings, and recursion around the intersection.
   */
  @Test
  void intersectionsAgreeWithTheOracleOnRandomGraphs() {
    int intersections = 0;
    int marked = 0;
    for (int seed = 1; seed <= 16; seed++) {
      Random random = new Random(seed);
      StringBuilder text = new StringBuilder("""
          table e(x: int, y: int).
          table f(x: int, y: int).
          table w(x: int, y: int, z: int).
          table none(x: int, y: int).
          table s(x: string, y: string).
          output table tri(x: int, y: int, z: int).
          output table mixed(x: int, y: int, z: int).
          output table clique(a: int, b: int, c: int, d: int).
          output table wide(x: int, y: int, z: int).
          output table fixed(x: int, z: int).
          output table empty(x: int, y: int, z: int).
          output table loops(x: int, z: int).
          output table apart(x: int, y: int, z: int).
          output table path(x: int, y: int).
          output table around(x: int, y: int).
          output table named(x: string, y: string, z: string).
          output table n(c: int).
          tri(X, Y, Z) :- e(X, Y), e(Y, Z), e(X, Z).
          mixed(X, Y, Z) :- e(X, Y), f(Y, Z), e(Z, X).
          clique(A, B, C, D) :- e(A, B), e(A, C), e(B, C), e(A, D), e(B, D), e(C, D).
          wide(X, Y, Z) :- f(X, Y), w(X, Y, Z), e(Y, Z).
          fixed(X, Z) :- e(X, Y), e(Y, Z), w(3, X, Z).
          empty(X, Y, Z) :- e(X, Y), none(Y, Z), e(X, Z).
          loops(X, Z) :- e(X, X), e(X, Z), f(X, Z).
          apart(X, Y, Z) :- e(X, Y), e(Y, Z), f(X, Z), Z > X + 1, not e(Z, Y).
          path(X, Y) :- f(X, Y).
          path(X, Z) :- path(X, Y), e(Y, Z), f(X, Z).
          around(X, Y) :- e(X, Y).
          around(X, Z) :- e(X, Y), around(Y, Z), f(X, Z).
          named(X, Y, Z) :- s(X, Y), s(Y, Z), s(X, Z).
          n(count(X)) :- tri(X, Y, Z).
          """);
      int nodes = 6 + random.nextInt(20);
      boolean sparse = seed % 4 == 1; // values far apart: too wide a span for a bitmap
      boolean spread = seed % 4 == 3; // a bitmap with more words than values: unmarked value by value
      boolean shuffled = seed % 2 == 0; // rows out of key order: runs do not come back one after another
      java.util.function.IntFunction<Long> value =
          i -> sparse ? (i - nodes / 2) * 3_000_000_000_000L + (i % 3 == 0 ? Long.MAX_VALUE / 2 : 0)
              : spread ? i * 997L - 5000 : i - 4L;
      List<String> facts = new java.util.ArrayList<>();
      for (String r : List.of("e", "f")) {
        int edges = seed == 3 && r.equals("f") ? 0 : random.nextInt(nodes * nodes / 3 + 1);
        for (int i = 0; i < edges; i++) {
          // skewed: low nodes have long lists, as in a graph whose edges go from the smaller end
          int x = random.nextInt(1 + random.nextInt(nodes));
          int y = random.nextInt(5) == 0 ? x : random.nextInt(nodes);
          String fact = r + "(" + value.apply(x) + ", " + value.apply(y) + ").";
          facts.add(fact);
          if (random.nextInt(10) == 0) {
            facts.add(fact); // a duplicate
          }
        }
      }
      for (int i = random.nextInt(nodes * 4); i > 0; i--) {
        facts.add("w(" + (random.nextInt(4) == 0 ? 3 : value.apply(random.nextInt(nodes))) + ", "
            + value.apply(random.nextInt(nodes)) + ", " + value.apply(random.nextInt(nodes)) + ").");
      }
      for (int i = random.nextInt(nodes * 3); i > 0; i--) {
        facts.add("s(\"n" + random.nextInt(nodes / 2 + 1) + "\", \"n" + random.nextInt(nodes / 2 + 1) + "\").");
      }
      if (shuffled) {
        java.util.Collections.shuffle(facts, random);
      } else {
        facts.sort(null);
      }
      facts.forEach(f -> text.append(f).append('\n'));
      Map<String, Set<List<Object>>> expected = NaiveOracle.evaluate(OracleAgreementTest.parse(text.toString(), seed));
      CompiledProgram compiled = Checked.compile("graph-" + seed + ".calm", text.toString());
      assertAgrees(compiled, expected, "seed " + seed + ", program:\n" + text);
      for (IntersectStep step : intersectSteps(compiled)) {
        intersections++;
        marked += step.marks;
      }
    }
    assertTrue(intersections >= 16 * 9, "intersections planned: " + intersections);
    assertTrue(marked > 0, "runs marked in a bitmap: " + marked);
  }

  /**
   * Across ticks, a growing table (appended to its sorted index, runs sorted again) and a scratch
   * relation (cleared and rebuilt every tick) are intersected as they are joined without intersecting
   * ({@code Z2 = Z} keeps the planner from it).
   */
  @Test
  void intersectionsFollowRelationsThatChangeFromTickToTick() {
    for (int seed = 1; seed <= 6; seed++) {
      Random random = new Random(seed);
      StringBuilder text = new StringBuilder("""
          table e(x: int, y: int).
          scratch s(x: int, y: int).
          output table tri(x: int, y: int, z: int).
          output table plain(x: int, y: int, z: int).
          e(X, Z)@next :- e(X, Y), e(Y, Z), X < Z.
          s(X, Y) :- e(X, Y), X < Y.
          tri(X, Y, Z) :- s(X, Y), e(Y, Z), s(X, Z).
          plain(X, Y, Z) :- s(X, Y), e(Y, Z), s(X, Z2), Z2 = Z.
          """);
      int nodes = 10 + random.nextInt(30);
      for (int i = nodes + random.nextInt(nodes); i > 0; i--) {
        text.append("e(").append(random.nextInt(nodes) * (seed % 2 == 0 ? 101 : 1)).append(", ")
            .append(random.nextInt(nodes) * (seed % 2 == 0 ? 101 : 1)).append(").\n");
      }
      CompiledProgram compiled = Checked.compile("ticks-" + seed + ".calm", text.toString());
      assertEquals(1, intersectSteps(compiled).size(), "intersections planned");
      Run run = new Run(compiled, World.of(compiled, Scenario.standalone(), Map.of()));
      run.runToQuiescence();
      Set<List<Object>> tri = new HashSet<>();
      run.contents("local", "tri").forEach(f -> tri.add(List.of(f)));
      Set<List<Object>> plain = new HashSet<>();
      run.contents("local", "plain").forEach(f -> plain.add(List.of(f)));
      assertEquals(plain, tri, "seed " + seed + ":\n" + text);
      assertTrue(tri.size() > 5, "seed " + seed + ", triangles: " + tri.size());
    }
  }

  private static List<IntersectStep> intersectSteps(CompiledProgram compiled) {
    List<IntersectStep> found = new java.util.ArrayList<>();
    for (ComponentPlan c : compiled.components()) {
      for (List<RulePlan> plans : List.of(c.once(), c.full(), c.deltas())) {
        for (RulePlan p : plans) {
          for (Step s = p.first; s != null; s = s.next) {
            if (s instanceof IntersectStep i) {
              found.add(i);
            }
          }
        }
      }
    }
    return found;
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

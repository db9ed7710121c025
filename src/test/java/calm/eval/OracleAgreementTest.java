package calm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import calm.syntax.ParseResult;
import calm.syntax.Parsing;
import calm.syntax.Program;
import calm.syntax.SourceFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The engine and the naive oracle agree on hundreds of random stratified programs. */
class OracleAgreementTest {
  private static final int PROGRAMS = Integer.getInteger("calm.oracle.programs", 400);

  @Test
  void engineAgreesWithNaiveOracleOnRandomPrograms() {
    int withAggregates = 0;
    int withNegation = 0;
    int nonEmpty = 0;
    for (int seed = 1; seed <= PROGRAMS; seed++) {
      String text = new RandomPrograms(seed).generate();
      withAggregates += text.matches("(?s).*(count|sum|min|max)\\(.*") ? 1 : 0;
      withNegation += text.contains("not ") ? 1 : 0;
      Program program = parse(text, seed);
      Map<String, Set<List<Object>>> expected;
      try {
        expected = NaiveOracle.evaluate(program);
      } catch (ArithmeticException e) {
        continue; // the generator keeps values small; a rare overflow in a sum is not a disagreement
      }
      CompiledProgram compiled = Checked.compile("random-" + seed + ".calm", text);
      Run run = new Run(compiled, World.of(compiled, Scenario.standalone(), Map.of()));
      run.runToQuiescence();
      for (Relation r : compiled.relations()) {
        Set<List<Object>> actual = new HashSet<>();
        for (Object[] f : run.contents("local", r.name())) {
          actual.add(List.of(f));
        }
        if (!actual.isEmpty()) {
          nonEmpty++;
        }
        assertEquals(
            expected.get(r.name()), actual,
            "seed " + seed + ", relation " + r.name() + ", program:\n" + text);
      }
    }
    // the generator must exercise what it claims to
    assertTrue(withAggregates > PROGRAMS / 10, "aggregates: " + withAggregates);
    assertTrue(withNegation > PROGRAMS / 5, "negations: " + withNegation);
    assertTrue(nonEmpty > PROGRAMS, "non-empty relations: " + nonEmpty);
  }

  /** Enough candidates to fill the batches of membership tests many times over, nested. */
  @Test
  void batchedMembershipTestsAgreeWithTheOracle() {
    StringBuilder text = new StringBuilder("""
        table a(x: int).
        table b(y: int).
        table blocked(x: int, y: int).
        table pair(x: int, y: int).
        output table free(x: int, y: int).
        output table both(x: int, y: int, z: int).
        output table n(c: int).
        output table sparse(x: int, y: int).
        table dense(x: int, y: int).
        output table rare(x: int, y: int).
        rare(X, Y) :- a(X), b(Y), not dense(X, Y).
        sparse(X, Y) :- a(X), b(Y), pair(X, Y).
        free(X, Y) :- a(X), b(Y), not blocked(X, Y).
        both(X, Y, Z) :- a(X), b(Y), pair(Y, X), not blocked(X, Y), a(Z), Z < 3, not blocked(Z, Y).
        n(count(X)) :- a(X), b(Y), not blocked(Y, X).
        """);
    java.util.Random random = new java.util.Random(5);
    for (int i = 0; i < 40; i++) {
      text.append("a(").append(i * 3 - 7).append(").\n");
      text.append("b(").append(i).append(").\n");
    }
    for (int x = 0; x < 40; x++) { // almost every pair: the negation rarely passes
      for (int y = 0; y < 40; y++) {
        if (random.nextInt(50) != 0) {
          text.append("dense(").append(x * 3 - 7).append(", ").append(y).append(").\n");
        }
      }
    }
    for (int i = 0; i < 60; i++) { // rare passes: the last one in a batch is an outer loop behind
      text.append("pair(").append(random.nextInt(40) * 3 - 7).append(", ").append(random.nextInt(40)).append(").\n");
    }
    for (int i = 0; i < 500; i++) {
      text.append("blocked(").append(random.nextInt(120) - 7).append(", ").append(random.nextInt(40)).append(").\n");
      text.append("pair(").append(random.nextInt(40)).append(", ").append(random.nextInt(120) - 7).append(").\n");
    }
    Program program = parse(text.toString(), 0);
    Map<String, Set<List<Object>>> expected = NaiveOracle.evaluate(program);
    CompiledProgram compiled = Checked.compile("random-0.calm", text.toString());
    Run run = new Run(compiled, World.of(compiled, Scenario.standalone(), Map.of()));
    run.runToQuiescence();
    for (String r : List.of("free", "both", "n", "sparse", "rare")) {
      Set<List<Object>> actual = new HashSet<>();
      run.contents("local", r).forEach(f -> actual.add(List.of(f)));
      assertEquals(expected.get(r), actual, r);
      assertTrue(!actual.isEmpty(), r);
    }
    assertTrue(expected.get("free").size() > 1000, "free: " + expected.get("free").size());
  }

  /**
   * Relations of two {@link RowChunks} chunks (a closure of some 20,000 pairs through a hub), one of
   * them widened from int chunks to long chunks after 20,000 rows (a value of 2^40 arrives in a later
   * round), read by scans, lookups, a negation and a count.
   */
  @Test
  void relationsOfSeveralChunksAndALateWideningAgreeWithTheOracle() {
    StringBuilder text = new StringBuilder("""
        table edge(x: int, y: int).
        table jump(x: int, y: int).
        table tc(x: int, y: int).
        output table wide(x: int, y: int).
        output table gap(x: int, y: int).
        output table n(x: int, c: int).
        tc(X, Y) :- edge(X, Y).
        tc(X, Z) :- tc(X, Y), edge(Y, Z).
        wide(X, Y) :- tc(X, Y).
        wide(X, Z) :- wide(X, Y), jump(Y, Z).
        gap(X, Y) :- tc(X, Y), not edge(Y, X).
        n(X, count(Y)) :- wide(X, Y).
        """);
    for (int i = 0; i < 140; i++) { // 140 sources, a hub, 140 sinks: 140 * 140 pairs through it
      text.append("edge(").append(i).append(", 500).\n");
      text.append("edge(500, ").append(1000 + i).append(").\n");
    }
    text.append("edge(1003, 1000).\njump(1000, 1099511627776).\njump(1099511627776, -3).\n");
    Program program = parse(text.toString(), 0);
    Map<String, Set<List<Object>>> expected = NaiveOracle.evaluate(program);
    CompiledProgram compiled = Checked.compile("chunks.calm", text.toString());
    Run run = new Run(compiled, World.of(compiled, Scenario.standalone(), Map.of()));
    run.runToQuiescence();
    for (String r : List.of("wide", "gap", "n")) {
      Set<List<Object>> actual = new HashSet<>();
      run.contents("local", r).forEach(f -> actual.add(List.of(f)));
      assertEquals(expected.get(r), actual, r);
    }
    assertTrue(expected.get("wide").size() > RowChunks.ROWS, "wide: " + expected.get("wide").size());
    assertTrue(expected.get("wide").contains(List.of(7L, 1099511627776L)), "the late wide value");
    assertTrue(expected.get("gap").size() > RowChunks.ROWS, "gap: " + expected.get("gap").size());
  }

  /**
   * Rules that derive each head tuple once append without probing the head's set (DistinctHeads); the
   * set must then hold those rows for whatever reads or derives the relation next: a second rule with
   * overlapping tuples, a negation, a join, a relation that already held facts.
   */
  @Test
  void rowsAppendedWithoutProbesAgreeWithTheOracle() {
    StringBuilder text = new StringBuilder("""
        table a(x: int).
        table b(y: int).
        table blocked(x: int, y: int).
        table pair(x: int, y: int).
        table free(x: int, y: int).
        table seeded(x: int, y: int).
        output table again(x: int, y: int).
        output table outside(x: int, y: int).
        output table joined(x: int, y: int, z: int).
        output table tagged(x: int, t: int).
        output table n(c: int).
        output table m(c: int).
        free(X, Y) :- a(X), b(Y), not blocked(X, Y).
        free(X, Y) :- pair(X, Y).
        free(X, 7) :- b(X).
        seeded(X, Y) :- a(X), b(Y), X < Y.
        seeded(1, 2).
        again(X, Y) :- free(X, Y), a(Y).
        outside(X, Y) :- pair(X, Y), not free(X, Y).
        outside(X, Y) :- a(X), b(Y), not seeded(X, Y).
        joined(X, Y, Z) :- free(X, Y), pair(Y, Z), not free(Z, X).
        tagged(X, 1) :- a(X), pair(X, _).
        tagged(X, 2) :- a(X), b(X).
        n(count(X)) :- free(X, Y).
        m(count(X)) :- seeded(X, Y).
        """);
    java.util.Random random = new java.util.Random(9);
    // sizes the naive oracle answers in about a second; every relation checked below is still non-empty
    for (int i = 0; i < 40; i++) {
      text.append("a(").append(i * 2 - 9).append(").\n");
      text.append("b(").append(i).append(").\n");
    }
    for (int i = 0; i < 600; i++) {
      text.append("blocked(").append(random.nextInt(80) - 9).append(", ").append(random.nextInt(40)).append(").\n");
      text.append("pair(").append(random.nextInt(50) - 9).append(", ").append(random.nextInt(50)).append(").\n");
    }
    Program program = parse(text.toString(), 0);
    Map<String, Set<List<Object>>> expected = NaiveOracle.evaluate(program);
    CompiledProgram compiled = Checked.compile("distinct-heads.calm", text.toString());
    Run run = new Run(compiled, World.of(compiled, Scenario.standalone(), Map.of()));
    run.runToQuiescence();
    for (String r : List.of("free", "seeded", "again", "outside", "joined", "tagged", "n", "m")) {
      Set<List<Object>> actual = new HashSet<>();
      run.contents("local", r).forEach(f -> actual.add(List.of(f)));
      assertEquals(expected.get(r), actual, r);
      assertTrue(!actual.isEmpty(), r);
    }
  }

  @Test
  void sameSeedGivesSameProgram() {
    assertEquals(new RandomPrograms(42).generate(), new RandomPrograms(42).generate());
  }

  static Program parse(String text, long seed) {
    ParseResult parsed = Parsing.parse(new SourceFile("random-" + seed + ".calm", text));
    if (parsed.program().isEmpty() || parsed.diagnostics().stream().anyMatch(d -> d.isError())) {
      fail("seed " + seed + ": generated program does not parse: " + parsed.diagnostics() + "\n" + text);
    }
    return parsed.program().get();
  }

}

package calm.eval.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import calm.analysis.calm.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * CALM, checked by experiment: an output the analysis calls confluent never shows two outcomes in
 * any schedule, and one it calls sealed never does among the runs that keep their seals. Runs every
 * program under examples/ and a few dozen generated ones through 200 schedules each. Also counts how
 * often the analysis asks for coordination where no schedule showed a difference (conservative).
 */
class CalmCrossCheckTest {
  static final int RUNS = 200;
  static final int GENERATED = 60;

  /** Tallies over all programs, reported at the end. */
  static final class Tally {
    int programs;
    int skipped;
    int outputs;
    int differing;
    int needsCoordination;
    int conservative;
    int withVerdict;
    final List<String> contradictions = new ArrayList<>();

    void add(String name, Exploration e) {
      programs++;
      if (e.failure().isPresent()) {
        skipped++; // a program that does not settle under some schedule has no outcome to compare
        return;
      }
      for (OutputFinding o : e.outputs()) {
        outputs++;
        if (o.verdict().isPresent()) {
          withVerdict++;
        }
        if (o.differs()) {
          differing++;
        }
        if (o.verdict().orElse(null) == Verdict.NEEDS_COORDINATION) {
          needsCoordination++;
          if (!o.differs()) {
            conservative++;
          }
        }
        if (o.contradictsAnalysis()) {
          contradictions.add(name + ": " + o.relation() + " is " + o.verdict().get().label() + " but showed "
              + o.observedOutcomes() + " observed / " + o.finalOutcomes() + " final outcomes\n"
              + o.witness().map(CalmCrossCheckTest::describe).orElse(""));
        }
      }
    }

    String summary() {
      return String.format("%d programs (%d skipped: no quiescence), %d outputs (%d with a verdict), %d differ; "
          + "needs coordination: %d, of which %d showed one outcome in %d schedules (conservative)",
          programs, skipped, outputs, withVerdict, differing, needsCoordination, conservative, RUNS);
    }
  }

  static String describe(Witness w) {
    StringBuilder b = new StringBuilder("  witness (" + w.kind().label() + "): A --replay " + w.a().replay()
        + "  B --replay " + w.b().replay() + "\n");
    w.differences().forEach(d -> b.append("    ").append(d).append('\n'));
    b.append("    only under A: ").append(w.a().only()).append("\n    only under B: ").append(w.b().only()).append('\n');
    return b.toString();
  }

  @Test
  void examplesKeepCalmsPromise() throws IOException {
    Path examples = Path.of("examples");
    Tally tally = new Tally();
    if (Files.isDirectory(examples)) {
      List<Path> programs;
      try (Stream<Path> files = Files.walk(examples)) {
        programs = files.filter(p -> p.toString().endsWith(".calm")).sorted().toList();
      }
      for (Path p : programs) {
        String text = Files.readString(p);
        Explore program;
        try {
          program = Explore.of(text);
        } catch (AssertionError e) {
          continue; // an example that shows an error on purpose
        }
        tally.add(p.toString(), program.explore(RUNS, 1, 2));
      }
    }
    System.out.println("CALM cross-check, examples: " + tally.summary());
    if (!tally.contradictions.isEmpty()) {
      fail("the analysis is contradicted by a schedule:\n" + String.join("\n", tally.contradictions));
    }
  }

  /**
   * Found by this cross-check: §8 exempts events from the same source, and the analysis first called
   * {@code pair} confluent; but the two {@code in2} facts the rule joins are two arrivals, and whether
   * they meet in one tick depends on the schedule. The analysis now counts such a self-join as a race.
   */
  @Test
  void aSelfJoinOfOneEventRelation() {
    Explore program = Explore.of("""
        input in2(k: int, v: int).
        output table pair(k: int, v: int).
        in2(1, 2).
        in2(2, 1).
        pair(K, V) :- in2(K, V), in2(V, _).
        """);
    Exploration e = program.explore(RUNS, 1, 2);
    OutputFinding pair = Explore.output(e, "pair");
    assertTrue(pair.differs(), "the explorer shows two outcomes");
    assertTrue(!pair.contradictsAnalysis(), () -> "the analysis says " + pair.verdict() + "\n"
        + pair.witness().map(CalmCrossCheckTest::describe).orElse(""));
  }

  @Test
  void generatedProgramsKeepCalmsPromise() {
    Tally tally = new Tally();
    for (int i = 0; i < GENERATED; i++) {
      ProgramGenerator generator = new ProgramGenerator(1000 + i, i % 2 == 1);
      String text = generator.generate();
      Explore program = Explore.of(text, generator.scenario());
      Exploration e = new Explorer(program.program, program.scenario, new ExploreSettings(200, 1_000_000, 3, 2))
          .explore(RUNS, i, program.verdicts);
      int before = tally.contradictions.size();
      tally.add("generated program " + i, e);
      if (tally.contradictions.size() > before) {
        tally.contradictions.set(before, tally.contradictions.get(before) + "program:\n" + text
            + "scenario:\n" + generator.scenario());
      }
    }
    System.out.println("CALM cross-check, generated: " + tally.summary());
    assertEquals(GENERATED, tally.programs);
    assertTrue(tally.skipped < GENERATED / 2, "most generated programs settle: " + tally.summary());
    assertTrue(tally.differing > 0, "the generator makes programs whose outputs differ: " + tally.summary());
    if (!tally.contradictions.isEmpty()) {
      fail("the analysis is contradicted by a schedule:\n" + String.join("\n", tally.contradictions));
    }
  }
}

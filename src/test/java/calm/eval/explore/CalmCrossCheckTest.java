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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * CALM, checked by experiment: an output the analysis calls confluent never shows two outcomes in
 * any schedule, and one it calls sealed never does among the runs that keep their seals. Runs every
 * program under examples/ through 200 schedules, and 500 generated programs ({@link CrossCheck}) through
 * 30 each; fails when it checked no program. Also counts how often the analysis asks for coordination
 * where no schedule showed a difference (conservative).
 */
class CalmCrossCheckTest {
  static final int RUNS = 200;
  static final int GENERATED = 500;
  static final int GENERATED_RUNS = 30;
  static final long SEED = 15;

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
              + o.witness().map(CrossCheck::describe).orElse(""));
        }
      }
    }

    String summary() {
      return String.format("%d programs (%d skipped: no quiescence), %d outputs (%d with a verdict), %d differ; "
          + "needs coordination: %d, of which %d showed one outcome in %d schedules (conservative)",
          programs, skipped, outputs, withVerdict, differing, needsCoordination, conservative, RUNS);
    }
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
    assertTrue(tally.programs - tally.skipped > 10, "the examples were checked: " + tally.summary());
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
        + pair.witness().map(CrossCheck::describe).orElse(""));
  }

  /**
   * The cross-check as a generator (see {@link CrossCheck}): 500 programs using every construct of
   * §4–§8, each under a few dozen schedules; {@code bench/crosscheck.sh} runs many more.
   */
  @Test
  void generatedProgramsKeepCalmsPromise() {
    CrossCheck.Tally tally = CrossCheck.run(SEED, 0, GENERATED, GENERATED_RUNS);
    System.out.println("CALM cross-check, generated: " + tally.summary());
    assertEquals(GENERATED, tally.programs);
    assertTrue(tally.generatorErrors.isEmpty(), () -> "the generator wrote a program with errors:\n"
        + String.join("\n", tally.generatorErrors));
    assertTrue(tally.checked >= GENERATED * 3 / 4, "most generated programs settle: " + tally.summary());
    assertTrue(tally.confluentOrSealed > 0 && tally.differing > 0,
        "the generator makes outputs of both kinds, so the check can fail: " + tally.summary());
    if (!tally.counterexamples.isEmpty()) {
      fail("the analysis is contradicted by a schedule:\n" + tally.counterexamples.stream()
          .map(c -> c.reproducer() + "\nscenario:\n" + c.scenario()).collect(Collectors.joining("\n")));
    }
  }
}

package calm.eval.explore;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import calm.analysis.calm.ConstraintVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The CALM prediction for constraints (§12), tested against the explorer: for random programs with
 * random constraints, a constraint the analysis calls schedule-independent is violated in every
 * explored run or in none (a sealed one likewise among runs that keep their seals).
 */
class ConstraintPropertyTest {
  private static final int PROGRAMS = 80;
  private static final int RUNS = 100;
  private static final Pattern DERIVED = Pattern.compile("(?m)^(?:output )?(table|scratch) (d\\d+)\\(");
  private static final Pattern INPUTS = Pattern.compile("(?m)^input (in\\d+)\\(");

  @Test
  void aScheduleIndependentConstraintIsViolatedInAllRunsOrNone() {
    List<String> contradictions = new ArrayList<>();
    int constraints = 0;
    int independent = 0;
    int independentViolated = 0;
    int dependent = 0;
    int dependentSplit = 0;
    for (int i = 0; i < PROGRAMS; i++) {
      ProgramGenerator generator = new ProgramGenerator(5000 + i, i % 3 == 2);
      String base = generator.generate();
      String text = base + constraints(base, new Random(77 + i));
      Explore program = Explore.of(text, generator.scenario());
      Exploration e = new Explorer(program.program, program.scenario, new ExploreSettings(200, 1_000_000, 3, 2))
          .explore(RUNS, i, program.verdicts, program.constraintVerdicts);
      for (ConstraintFinding c : e.constraints()) {
        constraints++;
        ConstraintVerdict.Kind verdict = c.verdict().orElseThrow();
        if (c.contradictsAnalysis()) {
          contradictions.add("program " + i + ", constraint at line " + c.constraint().line() + " (" + verdict.label()
              + ") violated in " + c.violatedRuns() + " of " + c.runs() + " runs\n" + text);
        }
        if (verdict == ConstraintVerdict.Kind.SCHEDULE_INDEPENDENT) {
          independent++;
          independentViolated += c.violatedRuns() > 0 ? 1 : 0;
        } else if (verdict == ConstraintVerdict.Kind.ORDER_DEPENDENT) {
          dependent++;
          dependentSplit += c.dependsOnSchedule() ? 1 : 0;
        }
        if (c.dependsOnSchedule()) {
          assertTrue(c.witness().isPresent(), "a split constraint has a witness");
          assertTrue(c.witness().get().violation() != null, "the witness's A side violates it");
        }
      }
    }
    System.out.printf("constraints: %d; schedule-independent %d (%d violated in every run); order-dependent %d"
        + " (%d violated in some runs only)%n", constraints, independent, independentViolated, dependent, dependentSplit);
    // the test means something only if both kinds occur, and some order-dependent ones really split
    assertTrue(independent > 15 && independentViolated > 5, "too few schedule-independent constraints: " + independent);
    assertTrue(dependentSplit > 5, "too few order-dependent constraints that the explorer splits: " + dependentSplit);
    if (!contradictions.isEmpty()) {
      fail(contradictions.size() + " contradictions; the first:\n" + contradictions.get(0));
    }
  }

  /** A few constraints over the generated program's relations, of the shapes §12 distinguishes. */
  static String constraints(String program, Random random) {
    List<String> derived = new ArrayList<>();
    Matcher m = DERIVED.matcher(program);
    while (m.find()) {
      derived.add(m.group(2));
    }
    List<String> all = new ArrayList<>(derived);
    Matcher inputs = INPUTS.matcher(program);
    while (inputs.find()) {
      all.add(inputs.group(1));
    }
    StringBuilder out = new StringBuilder();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      String a = all.get(random.nextInt(all.size()));
      String b = all.get(random.nextInt(all.size()));
      switch (random.nextInt(5)) {
        case 0 -> out.append(":- ").append(a).append("(K, V), V > ").append(1 + random.nextInt(3)).append(".\n");
        case 1 -> out.append(":- ").append(a).append("(K, V), ").append(b).append("(K, W), V != W.\n");
        case 2 -> out.append(":- ").append(a).append("(K, V), not ").append(b).append("(K, _).\n");
        case 3 -> out.append(":- ").append(a).append("(K, V), K = V.\n");
        default -> out.append(":- ").append(a).append("(K, V), ").append(b).append("(V, K).\n");
      }
    }
    return out.toString();
  }
}

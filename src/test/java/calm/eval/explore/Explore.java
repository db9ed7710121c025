package calm.eval.explore;

import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.analysis.CheckedProgram;
import calm.analysis.Checker;
import calm.analysis.FileReport;
import calm.analysis.calm.OutputVerdict;
import calm.analysis.calm.Verdict;
import calm.eval.CompiledProgram;
import calm.eval.Scenario;
import calm.eval.ScenarioParser;
import calm.syntax.SourceFile;
import java.util.HashMap;
import java.util.Map;

/** Test helpers: a program text (and a scenario text) to an explorer and the analysis's verdicts. */
final class Explore {
  final CheckedProgram program;
  final Map<String, Verdict> verdicts = new HashMap<>();
  final Map<calm.source.Span, calm.analysis.calm.ConstraintVerdict.Kind> constraintVerdicts = new HashMap<>();
  final Scenario scenario;

  private Explore(String text, String scenarioText) {
    Checker.Outcome outcome = Checker.standard().run(new SourceFile("test.calm", text));
    FileReport report = outcome.report();
    assertTrue(outcome.checked().isPresent(), () -> "program has errors: " + report.diagnostics());
    this.program = outcome.checked().get();
    for (OutputVerdict v : report.calm().outputs()) {
      verdicts.put(v.relation(), v.verdict());
    }
    for (calm.analysis.calm.ConstraintVerdict v : report.calm().constraints()) {
      constraintVerdicts.put(v.constraint().turnstile(), v.verdict());
    }
    if (scenarioText == null) {
      scenario = Scenario.standalone();
    } else {
      try {
        scenario = new ScenarioParser(CompiledProgram.compile(program), "test.scenario")
            .parse(scenarioText);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
  }

  static Explore of(String text) {
    return new Explore(text, null);
  }

  static Explore of(String text, String scenario) {
    return new Explore(text, scenario);
  }

  Explorer explorer(int threads) {
    return new Explorer(program, scenario, ExploreSettings.defaults().withThreads(threads));
  }

  /** An explorer whose schedules may deliver a seal's guard before what it seals ({@code --break-seals}). */
  Explorer sealBreaker(int threads) {
    return new Explorer(program, scenario, ExploreSettings.defaults().withThreads(threads).withBreakSeals(true));
  }

  Exploration explore(int runs, long seed, int threads) {
    return explorer(threads).explore(runs, seed, verdicts, constraintVerdicts);
  }

  static ConstraintFinding constraint(Exploration e, int line) {
    return e.constraints().stream().filter(c -> c.constraint().line() == line).findFirst()
        .orElseThrow(() -> new AssertionError("no constraint at line " + line + " in " + e.constraints()));
  }

  Exploration exploreBreakingSeals(int runs, long seed, int threads) {
    return sealBreaker(threads).explore(runs, seed, verdicts);
  }

  static OutputFinding output(Exploration e, String relation) {
    return e.outputs().stream().filter(o -> o.relation().equals(relation)).findFirst()
        .orElseThrow(() -> new AssertionError("no output " + relation + " in " + e.outputs()));
  }
}

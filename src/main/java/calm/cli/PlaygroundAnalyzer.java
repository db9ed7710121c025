package calm.cli;

import calm.analysis.Checker;
import calm.analysis.FileReport;
import calm.analysis.calm.DataflowGraph;
import calm.analysis.calm.OutputVerdict;
import calm.analysis.calm.Verdict;
import calm.cli.graph.MermaidGraph;
import calm.eval.RunLimits;
import calm.eval.Scenario;
import calm.eval.explore.ExploreSettings;
import calm.eval.explore.Explorer;
import calm.serve.Analyzer;
import calm.syntax.SourceFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The playground's work, done as {@code calm check --format json}, {@code calm graph --format
 * mermaid} and {@code calm explore --format json} do it, with their renderers: the page shows the
 * documents a script would get. Explorations run under the explorer's fact bound and a tick bound of
 * their own; the server bounds how many run at once and for how long.
 */
final class PlaygroundAnalyzer implements Analyzer {
  /** How the page's program is named in diagnostics. */
  static final String NAME = "playground.calm";

  /**
   * A run that needs more ticks than this does not end. Lower than the command line's default: a
   * page wants its answer in seconds, and the examples end in a few dozen ticks.
   */
  static final int MAX_TICKS = 200;

  static final int EXPLORE_THREADS = 2;

  @Override
  public String check(String program) {
    Checker.Outcome outcome = Checker.standard().run(new SourceFile(NAME, program));
    ObjectNode reply = JsonTrees.MAPPER.createObjectNode();
    reply.set("report", report(outcome.report()));
    reply.put("mermaid", mermaid(outcome));
    return write(reply);
  }

  @Override
  public String explore(String program, int runs, long seed) throws Rejected {
    Checker.Outcome outcome = Checker.standard().run(new SourceFile(NAME, program));
    FileReport report = outcome.report();
    if (outcome.checked().isEmpty()) {
      throw rejected("the program has errors; fix them before exploring", report);
    }
    // Two threads; a request cancelled at the time limit stops after the runs under way (the explorer
    // checks for an interrupt before each run) instead of running all its runs.
    ExploreSettings settings = new ExploreSettings(
        MAX_TICKS, RunLimits.DEFAULT_MAX_FACTS, ExploreSettings.DEFAULT_MAX_DELAY, EXPLORE_THREADS);
    Explorer explorer;
    try {
      explorer = new Explorer(outcome.checked().get(), Scenario.standalone(), settings);
    } catch (IllegalArgumentException e) {
      throw rejected("the program cannot be explored: " + e.getMessage(), report);
    }
    Map<String, Verdict> verdicts = new HashMap<>();
    for (OutputVerdict v : report.calm().outputs()) {
      verdicts.put(v.relation(), v.verdict());
    }
    return ExploreJson.exploration(explorer.explore(runs, seed, verdicts));
  }

  private Rejected rejected(String message, FileReport report) {
    ObjectNode doc = JsonTrees.MAPPER.createObjectNode();
    doc.set("report", report(report));
    return new Rejected(message, write(doc));
  }

  /** The one file of the check JSON, as {@link JsonRenderer} writes it. */
  private static JsonNode report(FileReport report) {
    StringWriter out = new StringWriter();
    try {
      new JsonRenderer(false).write(List.of(report), out);
      return JsonTrees.MAPPER.readTree(out.toString()).path("files").path(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String mermaid(Checker.Outcome outcome) {
    return outcome.checked()
        .map(checked -> MermaidGraph.render(DataflowGraph.of(checked.calmAnalysis(), checked.stratification())))
        .orElse(null);
  }

  private static String write(JsonNode node) {
    try {
      return JsonTrees.MAPPER.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

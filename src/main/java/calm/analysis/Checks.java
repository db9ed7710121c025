package calm.analysis;

import calm.analysis.calm.CalmAnalysis;
import calm.analysis.calm.CalmReport;
import calm.diagnostics.Diagnostic;
import java.util.List;
import java.util.function.Consumer;

/** The registry of checks, in the order they run. */
public final class Checks {
  private Checks() {}

  public static List<Check> all() {
    return List.of();
  }

  /** The CALM analysis (§8), run only on programs without errors. */
  static CalmReport calmAnalysis(CheckContext context, Consumer<Diagnostic> report) {
    CalmAnalysis analysis = CalmAnalysis.of(context.program(), context.schema());
    analysis.diagnostics().forEach(report);
    return analysis.report();
  }
}

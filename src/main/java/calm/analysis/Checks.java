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
    return List.of(
        new EmptyProgramCheck(),
        new DuplicateDeclarationCheck(),
        new DuplicateColumnCheck(),
        new LocationColumnCheck(),
        new UnknownRelationCheck(),
        new ArityCheck(),
        new TypeCheck(),
        new FactKindCheck(),
        new ExpressionInAtomCheck(),
        new AggregateCheck(),
        new HeadFormCheck(),
        new SafetyCheck(),
        new StratificationCheck(),
        new CoordinatedReasonCheck(),
        new SealCheck(),
        new NeverWrittenCheck(),
        new NeverReadCheck());
  }

  /** The CALM analysis (§8), run only on programs without errors. */
  static CalmReport calmAnalysis(CheckContext context, Consumer<Diagnostic> report) {
    CalmAnalysis analysis = CalmAnalysis.of(context.program(), context.schema());
    analysis.diagnostics().forEach(report);
    return analysis.report();
  }
}

package calm.analysis;

import calm.analysis.calm.CalmAnalysis;
import calm.analysis.calm.CalmReport;
import calm.diagnostics.Diagnostic;
import java.util.List;
import java.util.concurrent.CompletableFuture;

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

  /** What the CALM analysis (§8) adds to a program without errors. */
  record CalmFindings(
      CalmAnalysis analysis, CalmReport report, List<Diagnostic> diagnostics, PointDiagnostics points) {}

  /** The CALM analysis (§8), run only on programs without errors. */
  static CalmFindings calmAnalysis(CheckContext context) {
    CalmAnalysis analysis = CalmAnalysis.of(context.program(), context.dependencies());
    return new CalmFindings(analysis, analysis.report(), analysis.diagnostics(), analysis.pointDiagnostics());
  }

  /** Like {@link #calmAnalysis}, on a thread of its own, started now. */
  static CompletableFuture<CalmFindings> startCalmAnalysis(CheckContext context) {
    return CompletableFuture.supplyAsync(() -> calmAnalysis(context), Checks::startThread);
  }

  /** The analysis walks ASTs recursively; as deep a stack as the command's own thread. */
  private static void startThread(Runnable task) {
    Thread thread = new Thread(null, task, "calm-analysis", 512L * 1024 * 1024);
    thread.setDaemon(true);
    thread.start();
  }
}

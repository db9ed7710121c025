package calm.analysis;

import calm.analysis.calm.CalmAnalysis;
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
        new KeyAndLatticeDeclarationCheck(),
        new UnknownRelationCheck(),
        new ArityCheck(),
        new TypeCheck(),
        new FactKindCheck(),
        new ExpressionInAtomCheck(),
        new AggregateCheck(),
        new HeadFormCheck(),
        new KeyedHeadCheck(),
        new SafetyCheck(),
        new StratificationCheck(),
        new CoordinatedReasonCheck(),
        new SealCheck(),
        new VacuousSealCheck(),
        new NeverWrittenCheck(),
        new NeverReadCheck(),
        new AggregateIntoTableCheck());
  }

  /**
   * The CALM analysis (§8), for programs without errors, on a thread of its own, started now: it
   * reuses the checks' dependency graph.
   */
  static CompletableFuture<CalmAnalysis> startCalmAnalysis(CheckContext context) {
    return CompletableFuture.supplyAsync(
        () -> CalmAnalysis.of(context.program(), context.dependencies()), Checks::startThread);
  }

  /** The analysis walks ASTs recursively; as deep a stack as the command's own thread. */
  private static void startThread(Runnable task) {
    Thread thread = new Thread(null, task, "calm-analysis", 512L * 1024 * 1024);
    thread.setDaemon(true);
    thread.start();
  }
}

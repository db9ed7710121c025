package calm.analysis;

import calm.analysis.calm.CalmAnalysis;
import java.util.List;

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
   * The CALM analysis (§8 Coordination points), for programs without errors, on a thread of its own,
   * started now: it reuses the checks' dependency graph.
   */
  static Speculation<CalmAnalysis> startCalmAnalysis(CheckContext context) {
    return Speculation.start("CALM analysis", () -> CalmAnalysis.of(context.program(), context.dependencies()));
  }
}

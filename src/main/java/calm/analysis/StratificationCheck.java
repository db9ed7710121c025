package calm.analysis;

import calm.analysis.graph.Dependency;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import java.util.List;
import java.util.function.Consumer;

/**
 * E302: no same-tick cycle passes through negation, aggregation or a snapshot (§6 Semantics), one error
 * per strongly connected component that holds such an edge. The message names the cycle;
 * each of its rules is a related location; the usual fix is to move one derivation to the next tick.
 */
final class StratificationCheck implements Check {
  @Override
  public void check(CheckContext context, Consumer<Diagnostic> report) {
    for (List<Dependency> cycle : context.stratification().unstratifiableCycles()) {
      report.accept(diagnostic(cycle));
    }
  }

  private static Diagnostic diagnostic(List<Dependency> cycle) {
    Dependency bad = cycle.get(0);
    StringBuilder path = new StringBuilder(bad.from());
    for (Dependency d : cycle) {
      path.append(
              d.negated() ? " -(not)-> " : d.aggregated() ? " -(aggregate)-> " : d.snapshot() ? " -(snapshot)-> " : " -> ")
          .append(d.to());
    }
    String through =
        bad.negated() ? "negation" : bad.aggregated() ? "aggregation" : "a snapshot of a lattice value";
    Diagnostic diagnostic =
        Diagnostic.of(
                Code.UNSTRATIFIABLE_CYCLE,
                bad.literal().span(),
                "same-tick cycle through " + through + ": " + path)
            .withHelp(
                "'" + bad.to() + "' would depend on its own "
                    + (bad.negated() || bad.aggregated() ? through : "snapshot")
                    + " within one tick; derive one relation of the cycle with @next, e.g. "
                    + bad.to() + "(...)@next :- ...");
    for (Dependency d : cycle) {
      diagnostic =
          diagnostic.withRelated(
              d.literal().span(),
              "'" + d.to() + "' reads " + (d.negated() ? "not '" : "'") + d.from() + "'"
                  + (d.aggregated() ? " in an aggregate" : d.snapshot() ? " as a snapshot" : "")
                  + " in the same tick");
    }
    return diagnostic;
  }
}

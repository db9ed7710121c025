package calm.eval;

import java.util.List;

/**
 * The same-tick rules of one strongly connected component, evaluated together to a fixpoint.
 * {@code once} rules read only lower components; {@code full} rules read the component itself and run
 * once on everything, then their {@code deltas} variants run until nothing new appears: round by round,
 * or one raised key at a time, best value first, when {@code priority} is not null.
 */
record ComponentPlan(
    int[] relations, List<RulePlan> once, List<RulePlan> full, List<RulePlan> deltas, PriorityOrder priority) {
  boolean recursive() {
    return !deltas.isEmpty();
  }
}

package calm.eval.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one run showed of one output: a set of facts per node (the explorer compares outputs node by
 * node — each node is an observer of its own). Sorted, so equal outcomes are equal lists.
 */
public record Outcome(List<OutputFact> facts) {
  public Outcome {
    facts = List.copyOf(new TreeSet<>(facts));
  }

  /** The facts here that {@code other} does not hold. */
  public List<OutputFact> minus(Outcome other) {
    Set<OutputFact> theirs = Set.copyOf(other.facts);
    List<OutputFact> mine = new ArrayList<>();
    for (OutputFact f : facts) {
      if (!theirs.contains(f)) {
        mine.add(f);
      }
    }
    return mine;
  }
}

package calm.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records, for every output relation at every node, each fact that was ever present during a run
 * (observed after every tick's fixpoint) and the final contents: the two outcomes the explorer
 * compares (§9 The explorer). Attach it as the run's observer, run to quiescence, then read.
 */
public final class OutputHistory implements RunObserver {
  private final Map<String, Map<String, Set<List<Object>>>> observed = new LinkedHashMap<>();
  private Run last;

  @Override
  public void afterFixpoint(Run run, int tick) {
    last = run;
    for (String node : run.nodes()) {
      Map<String, Set<List<Object>>> perRelation = observed.computeIfAbsent(node, n -> new LinkedHashMap<>());
      for (Relation r : run.program().outputs()) {
        Set<List<Object>> seen = perRelation.computeIfAbsent(r.name(), n -> new LinkedHashSet<>());
        for (Object[] f : run.contents(node, r.name())) {
          seen.add(List.of(f));
        }
      }
    }
  }

  /** Every fact ever present in {@code relation} at {@code node}. */
  public Set<List<Object>> observed(String node, String relation) {
    return observed.getOrDefault(node, Map.of()).getOrDefault(relation, Set.of());
  }

  /** The contents of {@code relation} at {@code node} when the run ended (sorted). */
  public List<List<Object>> last(String node, String relation) {
    List<List<Object>> facts = new ArrayList<>();
    if (last != null) {
      for (Object[] f : last.contents(node, relation)) {
        facts.add(List.of(f));
      }
    }
    return facts;
  }
}

package calm.analysis.graph;

import calm.syntax.Declaration;
import java.util.ArrayList;
import java.util.List;

/**
 * Which relations are a program's outputs (§8 The CALM analysis, "Per-output verdict"): those declared {@code output}, or, when none
 * is, every relation that no rule reads (in a positive or a negated atom). The one rule for the
 * verdicts, {@code calm run}'s tables and {@code calm explore}'s comparisons.
 */
public final class Outputs {
  private Outputs() {}

  /** The outputs in declaration order. */
  public static List<String> of(DependencyGraph graph) {
    List<String> declared = new ArrayList<>();
    for (Declaration d : graph.schema().declarations()) {
      if (d.output()) {
        declared.add(d.name().text());
      }
    }
    if (!declared.isEmpty()) {
      return List.copyOf(declared);
    }
    List<String> unread = new ArrayList<>();
    for (String relation : graph.relations()) {
      if (graph.outgoing(relation).isEmpty()) {
        unread.add(relation);
      }
    }
    return List.copyOf(unread);
  }
}

package calm.analysis.calm;

import calm.syntax.Rule;
import calm.source.Span;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A rule whose result depends on the order of asynchronous events (§8 The CALM analysis). One point per rule,
 * with every reason it has.
 *
 * @param at where the rule's head atom starts (after any annotation and after {@code delete})
 * @param path relation names from a source of asynchrony to the rule's head
 */
public record CoordinationPoint(
    Rule rule,
    Span at,
    Set<PointKind> kinds,
    PointStatus status,
    List<String> path,
    AsyncEdge lastAsyncEdge) {
  public CoordinationPoint {
    // in the enum's order, so that every rendering lists the kinds alike
    kinds = Collections.unmodifiableSet(kinds.isEmpty() ? EnumSet.noneOf(PointKind.class) : EnumSet.copyOf(kinds));
    path = List.copyOf(path);
  }
}

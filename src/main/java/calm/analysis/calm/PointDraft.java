package calm.analysis.calm;

import calm.syntax.Literal;
import calm.syntax.Rule;
import calm.syntax.Seal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A coordination point while the passes work on it: the finders add its reasons, seal coverage
 * decides its status, and the writer turns it into a {@link CoordinationPoint} and a diagnostic.
 */
final class PointDraft {
  final Rule rule;
  /** The rule's place among the program's rules, or -1 for a constraint's body taken as a rule. */
  final int index;
  /** Per kind, in the enum's order, the body literals that make the rule a point of that kind. */
  final Map<PointKind, List<Literal>> reasons = new EnumMap<>(PointKind.class);
  /** What a finder found out about its kind for the writer (a blame, a race's text...). */
  private final Map<PointKind, Object> details = new EnumMap<>(PointKind.class);
  /** The reason literal the reported path goes through. */
  Literal via;
  PointStatus status;
  final Set<Seal> sealedBy = new LinkedHashSet<>();
  CoordinationPoint point;

  PointDraft(Rule rule, int index) {
    this.rule = rule;
    this.index = index;
  }

  void add(PointKind kind, Literal literal) {
    reasons.computeIfAbsent(kind, k -> new ArrayList<>()).add(literal);
  }

  boolean has(PointKind kind) {
    return reasons.containsKey(kind);
  }

  List<Literal> reasons(PointKind kind) {
    return reasons.getOrDefault(kind, List.of());
  }

  void detail(PointKind kind, Object detail) {
    details.put(kind, detail);
  }

  /** The finder's detail for its kind, or null. */
  <T> T detail(PointKind kind, Class<T> type) {
    return type.cast(details.get(kind));
  }
}

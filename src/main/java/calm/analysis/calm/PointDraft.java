package calm.analysis.calm;

import calm.syntax.Literal;
import calm.syntax.Rule;
import calm.syntax.Seal;
import java.util.List;
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
  final PointReasons reasons = new PointReasons();
  /**
   * What a finder found out about its kind for the writer (a blame, a race's text...), by the kind's
   * ordinal; made when the first is set, since most points have none (half a million points are kept
   * until the report is written, so what each holds counts).
   */
  private Object[] details;
  /** The reason literal the reported path goes through. */
  Literal via;
  PointStatus status;
  /** The seals of a sealed point, in the order they were found; set once, by {@link SealCoverage}. */
  Set<Seal> sealedBy = Set.of();
  CoordinationPoint point;

  PointDraft(Rule rule, int index) {
    this.rule = rule;
    this.index = index;
  }

  void add(PointKind kind, Literal literal) {
    reasons.add(kind, literal);
  }

  boolean has(PointKind kind) {
    return reasons.containsKey(kind);
  }

  List<Literal> reasons(PointKind kind) {
    return reasons.getOrDefault(kind, List.of());
  }

  void detail(PointKind kind, Object detail) {
    if (details == null) {
      details = new Object[PointKind.values().length];
    }
    details[kind.ordinal()] = detail;
  }

  /** The finder's detail for its kind, or null. */
  <T> T detail(PointKind kind, Class<T> type) {
    return details == null ? null : type.cast(details[kind.ordinal()]);
  }
}

package calm.analysis.calm;

import static calm.analysis.calm.PointContext.relationOf;

import calm.syntax.Literal;
import calm.syntax.Rule;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of point kinds (§8 The CALM analysis) and the finding of a rule's point with them.
 * A new kind is a value in {@link PointKind}, a {@link PointFinder} class and one line below.
 *
 * <p>The order of the list is the order in which the kinds' remedies and extra notes are written; a
 * finder that builds on another's work (snapshot, which takes back a monotone aggregate) comes after
 * it.
 */
final class PointFinders {
  private final PointContext context;
  private final List<PointFinder> finders;
  private final Map<PointKind, PointFinder> byKind = new EnumMap<>(PointKind.class);

  PointFinders(PointContext context) {
    this.context = context;
    SealAdvice advice = new SealAdvice(context);
    this.finders =
        List.of(
            new RacePoints(context, advice),
            new AggregationPoints(context, advice),
            new NegationPoints(advice),
            new SnapshotPoints(context),
            new DeletionPoints());
    for (PointFinder finder : finders) {
      byKind.put(finder.kind(), finder);
    }
  }

  /** In registration order. */
  List<PointFinder> all() {
    return finders;
  }

  PointFinder of(PointKind kind) {
    return byKind.get(kind);
  }

  /** As {@link #find(Rule, int)}, for a rule that is not one of the program's (a constraint's body). */
  PointDraft find(Rule rule) {
    return find(rule, -1);
  }

  /**
   * The rule (at {@code index} among the program's rules) 's coordination point, or null when it has none; the path is reported through the reason
   * closest to a source of asynchrony.
   */
  PointDraft find(Rule rule, int index) {
    PointDraft draft = new PointDraft(rule, index);
    List<Literal> asynchronous = new ArrayList<>();
    List<Literal> body = rule.body();
    for (int i = 0; i < body.size(); i++) {
      if (context.reach().isAsynchronous(context.relation(draft, i))) {
        asynchronous.add(body.get(i));
      }
    }
    for (PointFinder finder : finders) {
      finder.find(draft, asynchronous);
    }
    if (draft.reasons.isEmpty()) {
      return null;
    }
    AsyncReach reach = context.reach();
    Literal via = null;
    for (PointKind kind : draft.reasons.keySet()) {
      for (Literal literal : primary(draft, kind)) {
        if (via == null || reach.rank(relationOf(literal)) < reach.rank(relationOf(via))) {
          via = literal;
        }
      }
    }
    draft.via = via;
    return draft;
  }

  /**
   * The literals a kind of point is about, which the reported path goes through: the negated relation,
   * the relation an aggregate reads its value from, the asynchronous table of a race (the event is
   * only its trigger), or what a deletion reads.
   */
  List<Literal> primary(PointDraft draft, PointKind kind) {
    return of(kind).primary(draft);
  }

  String reason(PointDraft draft, PointKind kind, Literal literal) {
    return of(kind).reason(draft, literal);
  }
}

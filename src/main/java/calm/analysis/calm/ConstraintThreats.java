package calm.analysis.calm;

import static calm.analysis.calm.PointContext.relationOf;

import calm.analysis.graph.Dependency;
import calm.analysis.graph.Time;
import calm.syntax.Aggregate;
import calm.syntax.Atom;
import calm.syntax.Constraint;
import calm.syntax.Head;
import calm.syntax.HeadForm;
import calm.syntax.Literal;
import calm.syntax.Name;
import calm.syntax.PositiveLiteral;
import calm.syntax.Rule;
import calm.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a constraint's body is monotone (§12 Integrity constraints), decided in this one place:
 * the literals that read an asynchronous relation non-monotonically or race, found exactly as a
 * rule's points are (the body is judged as the body of a rule with no head), and reads of a
 * monotone aggregate's value other than a threshold test in its direction. A new point kind
 * registered in {@link PointFinders} applies to constraints at once.
 */
final class ConstraintThreats {
  private final PointContext context;
  private final PointFinders finders;
  private final SealCoverage seals;

  ConstraintThreats(PointContext context, PointFinders finders, SealCoverage seals) {
    this.context = context;
    this.finders = finders;
    this.seals = seals;
  }

  List<ConstraintThreat> of(Constraint constraint) {
    Span at = constraint.turnstile();
    Rule asRule =
        new Rule(
            constraint.span(),
            Optional.empty(),
            new Head(at, HeadForm.SAME_TICK, new Atom(at, new Name(":-", at), List.of())),
            constraint.body());
    List<ConstraintThreat> threats = new ArrayList<>();
    PointDraft point = finders.find(asRule);
    if (point != null) {
      seals.decide(point);
      for (PointKind kind : point.reasons.keySet()) {
        Literal shown = finders.primary(point, kind).get(0);
        threats.add(
            new ConstraintThreat(
                Optional.empty(), shown.span(), kind.label(), finders.reason(point, kind, shown), point.status));
      }
    }
    for (Literal literal : constraint.body()) {
      if (!(literal instanceof PositiveLiteral p) || !context.reach().isAsynchronous(relationOf(literal))) {
        continue;
      }
      String relation = relationOf(literal);
      RelationIndex index = context.index();
      for (Dependency into : index.incoming(index.id(relation))) {
        if (!into.aggregated() || !context.monotoneAggregates().contains(into.rule())) {
          continue;
        }
        int column = MonotoneAggregates.aggregateColumn(into.rule());
        Aggregate aggregate = (Aggregate) into.rule().head().atom().arguments().get(column);
        Dependency read = new Dependency(relation, ":-", asRule, p, Time.SAME_TICK, false, false, false);
        Optional<Blame> blame = context.monotone().blameUse(read, column, aggregate.function());
        if (blame.isPresent()) {
          threats.add(
              new ConstraintThreat(
                  Optional.empty(),
                  blame.get().where(),
                  "aggregate read",
                  "reads the " + aggregate.function().keyword() + " `" + relation + "` (line "
                      + into.rule().head().span().line() + ") as a snapshot: " + blame.get().why(),
                  PointStatus.UNACKNOWLEDGED));
          break;
        }
      }
    }
    return threats;
  }
}

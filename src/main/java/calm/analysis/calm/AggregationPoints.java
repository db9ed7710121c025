package calm.analysis.calm;

import static calm.analysis.calm.PointContext.relationOf;
import calm.syntax.Variables;

import calm.syntax.Aggregate;
import calm.syntax.Literal;
import calm.syntax.PositiveLiteral;
import calm.syntax.Rule;
import calm.source.Span;
import calm.syntax.Term;
import calm.syntax.Variable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Points of kind {@code aggregation} (§8 The CALM analysis: aggregation): an aggregate over an
 * asynchronous relation whose value is used other than monotonically (§8 The CALM analysis:
 * monotone aggregates) counts what has arrived so far. The snapshot finder adds reasons of this
 * kind too, for an aggregate of a lattice value against its direction (§11 Keyed tables, lattices
 * and extern tables).
 */
final class AggregationPoints implements PointFinder {
  private final PointContext context;
  private final SealAdvice advice;

  AggregationPoints(PointContext context, SealAdvice advice) {
    this.context = context;
    this.advice = advice;
  }

  @Override
  public PointKind kind() {
    return PointKind.AGGREGATION;
  }

  @Override
  public void find(PointDraft draft, List<Literal> asynchronous) {
    Rule rule = draft.rule;
    if (!rule.isAggregate()) {
      return;
    }
    String head = rule.head().atom().relation().text();
    Optional<Blame> blame = context.monotone().blame(rule, context.outputs().contains(head));
    if (blame.isEmpty()) {
      context.monotoneAggregates().add(rule);
    } else if (!asynchronous.isEmpty()) {
      draft.detail(PointKind.AGGREGATION, blame.get());
      asynchronous.forEach(l -> draft.add(PointKind.AGGREGATION, l));
    }
  }

  /** The atoms the aggregate reads its value from. */
  @Override
  public List<Literal> primary(PointDraft draft) {
    List<Literal> all = draft.reasons(PointKind.AGGREGATION);
    List<String> valueVariables = Variables.names(aggregate(draft.rule).argument());
    List<Literal> preferred =
        all.stream()
            .filter(
                l ->
                    l instanceof PositiveLiteral p
                        && valueVariables.stream().anyMatch(v -> Variables.mentions(p.atom(), v)))
            .toList();
    return preferred.isEmpty() ? all : preferred;
  }

  @Override
  public String reason(PointDraft draft, Literal literal) {
    return aggregate(draft.rule).function().keyword() + " over asynchronous `" + relationOf(literal) + "`";
  }

  /**
   * A seal covers an aggregate only when the aggregate is grouped by the seal's key (§5 Annotations
   * and seals).
   */
  @Override
  public List<SealApplication> usableSeals(PointDraft draft, List<SealApplication> applications) {
    Set<String> groupBy = groupByVariables(draft.rule);
    return applications.stream().filter(a -> groupBy.containsAll(a.keyVariables())).toList();
  }

  @Override
  public void notes(PointDraft draft, BiConsumer<Span, String> note) {
    Blame blame = draft.detail(PointKind.AGGREGATION, Blame.class);
    if (blame != null) {
      note.accept(blame.where(), "not monotone: " + blame.why());
    }
  }

  @Override
  public void help(PointDraft draft, List<String> help) {
    Aggregate aggregate = aggregate(draft.rule);
    switch (aggregate.function()) {
      case COUNT, MAX -> help.add(
          "test the " + aggregate.function().keyword()
              + " against a threshold (`N >= K`) instead of reading its value; only then is it"
              + " monotone (and only over tables that no rule deletes from)");
      case MIN -> help.add(
          "test the min against a threshold (`N <= K`) instead of reading its value; only then is it"
              + " monotone (and only over tables that no rule deletes from)");
      case SUM -> help.add(
          "a sum is monotone only when the body proves the summed values non-negative (`"
              + aggregate.argument() + " >= 0`) and it is only tested against a threshold (`N >= K`)");
    }
    String sealed = relationOf(primary(draft).get(0));
    if (!draft.has(PointKind.DELETION)) {
      help.add(
          "or " + advice.sealAdvice(sealed)
              + ", put the guard atom in this rule and group the aggregate by the key; "
              + SealAdvice.GUARD_MUST_BE_WRITTEN);
    }
  }

  private static Aggregate aggregate(Rule rule) {
    return (Aggregate) rule.head().atom().arguments().get(MonotoneAggregates.aggregateColumn(rule));
  }

  private static Set<String> groupByVariables(Rule rule) {
    Set<String> names = new LinkedHashSet<>();
    for (Term t : rule.head().atom().arguments()) {
      if (t instanceof Variable v) {
        names.add(v.name());
      }
    }
    return names;
  }
}

package calm.analysis.calm;

import calm.analysis.graph.Dependency;
import calm.analysis.graph.NonNegative;
import calm.syntax.Aggregate;
import calm.syntax.AggregateFunction;
import calm.syntax.BinaryExpr;
import calm.syntax.Comparison;
import calm.syntax.ComparisonOperator;
import calm.syntax.Expr;
import calm.syntax.Literal;
import calm.syntax.NegatedLiteral;
import calm.syntax.PositiveLiteral;
import calm.syntax.Rule;
import calm.syntax.Term;
import calm.syntax.Variable;
import calm.syntax.Variables;
import calm.syntax.Wildcard;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether an aggregate is monotone (Bloom^L, §8 The CALM analysis): its value only moves one way as
 * its input grows, and every use of it downstream only asks whether it has passed a threshold in that
 * direction. Anything else is a snapshot that may still change, and the aggregate rule is a coordination
 * point.
 */
final class MonotoneAggregates {
  private final RelationIndex index;
  private final GrowOnly growOnly;
  private final EventRelations events;
  private final FixedRelations fixed;

  MonotoneAggregates(RelationIndex index, GrowOnly growOnly, EventRelations events, FixedRelations fixed) {
    this.index = index;
    this.growOnly = growOnly;
    this.events = events;
    this.fixed = fixed;
  }

  /** Empty when the aggregate rule is monotone; otherwise the first reason it is not. */
  Optional<Blame> blame(Rule rule, boolean headIsOutput) {
    String relation = rule.head().atom().relation().text();
    int column = aggregateColumn(rule);
    Aggregate aggregate = (Aggregate) rule.head().atom().arguments().get(column);
    AggregateFunction function = aggregate.function();
    if (headIsOutput) {
      return Optional.of(
          new Blame("`" + relation + "` is an output, so its value itself is observed", aggregate.span()));
    }
    if (function == AggregateFunction.SUM && !NonNegative.provedBy(rule, aggregate.argument())) {
      return Optional.of(
          new Blame(
              "the summed values are not known to be non-negative (the body does not test `"
                  + aggregate.argument()
                  + " >= 0`), so the sum may go down",
              aggregate.span()));
    }
    for (Literal literal : rule.body()) {
      if (literal instanceof NegatedLiteral n) {
        return Optional.of(
            new Blame(
                "the body negates `" + n.atom().relation().text() + "`, so the aggregate's input may shrink",
                n.span()));
      }
      if (literal instanceof PositiveLiteral p) {
        String body = p.atom().relation().text();
        if (!growOnly.isGrowOnly(body)) {
          return Optional.of(new Blame(whyShrinks(body), p.span()));
        }
      }
    }
    for (Dependency use : index.outgoing(relation)) {
      Optional<Blame> blame = blameUse(use, column, function);
      if (blame.isPresent()) {
        return blame;
      }
    }
    return Optional.empty();
  }

  static int aggregateColumn(Rule rule) {
    List<Term> arguments = rule.head().atom().arguments();
    for (int i = 0; i < arguments.size(); i++) {
      if (arguments.get(i) instanceof Aggregate) {
        return i;
      }
    }
    throw new IllegalArgumentException("not an aggregate rule");
  }

  /** Whether count/max/sum ({@code grows}) or min (not) only ever moves in that direction. */
  private static boolean grows(AggregateFunction function) {
    return function != AggregateFunction.MIN;
  }

  private String whyShrinks(String relation) {
    if (events.isEvent(relation)) {
      return "`" + relation + "` is an event relation: it empties every tick, so the aggregate's input shrinks";
    }
    if (growOnly.isDeletedFrom(relation)) {
      return "`" + relation + "` is a table that `delete` shrinks";
    }
    return "`" + relation + "` may lose facts (it is a view over a relation that can shrink)";
  }

  /** Empty when {@code use} reads the aggregate's value (column {@code column}) only as a threshold in its direction. */
  Optional<Blame> blameUse(Dependency use, int column, AggregateFunction function) {
    Rule reader = use.rule();
    String relation = use.from();
    int line = reader.span().line();
    if (use.literal() instanceof NegatedLiteral n) {
      return Optional.of(
          new Blame("the rule at line " + line + " negates `" + relation + "`", n.span()));
    }
    PositiveLiteral atom = (PositiveLiteral) use.literal();
    if (column >= atom.atom().arity()) {
      return Optional.empty(); // an arity error, reported by the checks
    }
    Term value = atom.atom().arguments().get(column);
    if (value instanceof Wildcard) {
      return Optional.empty();
    }
    if (!(value instanceof Variable v)) {
      return Optional.of(
          new Blame(
              "the rule at line " + line + " tests its value for equality with `" + value + "`",
              value.span()));
    }
    String n = v.name();
    for (Term t : reader.head().atom().arguments()) {
      if (Variables.mentions(t, n)) {
        return Optional.of(
            new Blame(
                "its value `" + n + "` reaches the head of the rule at line " + line
                    + " (only a threshold test's truth may)",
                t.span()));
      }
    }
    for (Literal literal : reader.body()) {
      if (literal instanceof PositiveLiteral p) {
        long count = p.atom().arguments().stream().filter(t -> Variables.mentions(t, n)).count();
        if (p != atom ? count > 0 : count > 1) {
          return Optional.of(
              new Blame(
                  "the rule at line " + line + " joins on its value `" + n + "` (an equality test)",
                  p.span()));
        }
      } else if (literal instanceof NegatedLiteral neg) {
        if (Variables.mentions(neg.atom(), n)) {
          return Optional.of(
              new Blame("the rule at line " + line + " negates an atom on its value `" + n + "`", neg.span()));
        }
      } else if (literal instanceof Comparison c) {
        if (Variables.mentions(c.left(), n) || Variables.mentions(c.right(), n)) {
          Optional<Blame> blame = blameTest(reader, c, n, function);
          if (blame.isPresent()) {
            return blame;
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A use is fine only as {@code N >= K}, {@code N > K}, {@code K < N}, {@code K <= N} (or the mirror for
   * min), where the aggregate's side may be {@code N} under monotone arithmetic ({@code N * c} with
   * {@code c} a positive constant, {@code N + E}, {@code N - E}).
   */
  private Optional<Blame> blameTest(Rule reader, Comparison c, String n, AggregateFunction function) {
    boolean onLeft = Variables.mentions(c.left(), n);
    boolean onRight = Variables.mentions(c.right(), n);
    if (onLeft && onRight) {
      return Optional.of(
          new Blame("`" + text(c) + "` computes with the value instead of testing it against a threshold", c.span()));
    }
    ComparisonOperator op = onLeft ? c.operator() : c.operator().flipped();
    Expr side = onLeft ? c.left() : c.right();
    Expr other = onLeft ? c.right() : c.left();
    List<Expr> added = new ArrayList<>();
    if (!isMonotoneIn(side, n, added)) {
      return Optional.of(
          new Blame(
              "`" + text(c) + "` computes with the value in a way that is not monotone (only `" + n + " * c` with"
                  + " c > 0, `" + n + " + E` and `" + n + " - E` keep a threshold test monotone)",
              c.span()));
    }
    boolean rising = op == ComparisonOperator.GE || op == ComparisonOperator.GT;
    boolean falling = op == ComparisonOperator.LE || op == ComparisonOperator.LT;
    String word = function.keyword();
    if (!rising && !falling) {
      return Optional.of(
          new Blame(
              "`" + text(c) + "` tests the " + word + " for "
                  + (op == ComparisonOperator.EQ ? "equality" : "inequality")
                  + ", which can hold and later stop holding",
              c.span()));
    }
    if (rising != grows(function)) {
      return Optional.of(
          new Blame(
              "`" + text(c) + "` tests in the wrong direction: " + word + " only "
                  + (grows(function) ? "grows" : "shrinks") + ", so the test can become false",
              c.span()));
    }
    for (Expr e : added) {
      Optional<String> bad = blameStored(reader, e, false);
      if (bad.isPresent()) {
        return Optional.of(new Blame("`" + text(c) + "`: in the arithmetic on the " + word + ", " + bad.get(), c.span()));
      }
    }
    Optional<String> badThreshold = blameStored(reader, other, true);
    return badThreshold.map(why -> new Blame("`" + text(c) + "`: " + why, c.span()));
  }

  /**
   * Whether {@code e} only grows as {@code n} grows: {@code n} itself, {@code e * c} or {@code c * e}
   * with c a positive constant, {@code e + E}, {@code E + e} or {@code e - E} with E free of {@code n};
   * the E terms are added to {@code added}, to be checked as stored values.
   */
  private static boolean isMonotoneIn(Expr e, String n, List<Expr> added) {
    if (e instanceof Variable v) {
      return v.name().equals(n);
    }
    if (!(e instanceof BinaryExpr b)) {
      return false;
    }
    boolean inLeft = Variables.mentions(b.left(), n);
    boolean inRight = Variables.mentions(b.right(), n);
    if (inLeft == inRight) {
      return false;
    }
    Expr inner = inLeft ? b.left() : b.right();
    Expr rest = inLeft ? b.right() : b.left();
    return switch (b.operator()) {
      case MULTIPLY -> NonNegative.constantValue(rest).orElse(0) > 0 && isMonotoneIn(inner, n, added);
      case ADD -> added.add(rest) && isMonotoneIn(inner, n, added);
      case SUBTRACT -> inLeft && added.add(rest) && isMonotoneIn(inner, n, added);
      default -> false;
    };
  }

  /**
   * An expression a test may compare the aggregate against (or add to it): constants, and values stored
   * in relations whose facts only ever appear; with {@code aggregateFixed}, also an aggregate fixed before
   * the first tick (the size of a panel counted from facts).
   */
  /**
   * Why {@code bound} may not be a lattice threshold's K (§11 Keyed tables, lattices and extern tables: as
   * for monotone aggregates), if it may not.
   */
  Optional<String> blameBound(Rule reader, Expr bound) {
    return blameStored(reader, bound, true);
  }

  private Optional<String> blameStored(Rule reader, Expr threshold, boolean aggregateFixed) {
    for (String name : Variables.names(threshold)) {
      boolean bound = false;
      for (Literal literal : reader.body()) {
        if (literal instanceof PositiveLiteral p && Variables.mentions(p.atom(), name)) {
          String relation = p.atom().relation().text();
          if (events.isEvent(relation)) {
            return Optional.of("the threshold comes from event relation `" + relation + "`");
          }
          boolean isFixed = fixed.isFixed(relation);
          if (!isFixed && !growOnly.isGrowOnly(relation)) {
            return Optional.of("the threshold comes from `" + relation + "`, which can lose facts");
          }
          if (growOnly.isFromAggregate(relation) && !(aggregateFixed && isFixed)) {
            return Optional.of(
                "the threshold comes from `" + relation + "`, an aggregate (two aggregates compared);"
                    + " only an aggregate fixed before the first tick may be a threshold");
          }
          bound = true;
        }
      }
      if (!bound) {
        return Optional.of("the threshold `" + name + "` is not stored in a relation");
      }
    }
    return Optional.empty();
  }

  private static String text(Comparison c) {
    return c.left() + " " + c.operator().symbol() + " " + c.right();
  }
}

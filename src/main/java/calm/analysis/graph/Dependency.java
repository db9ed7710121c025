package calm.analysis.graph;

import calm.syntax.HeadForm;
import calm.syntax.Literal;
import calm.syntax.NegatedLiteral;
import calm.syntax.PositiveLiteral;
import calm.syntax.Rule;
import calm.source.Span;
import java.util.List;

/**
 * An edge of the dependency graph: {@code rule} reads {@code from} (in {@code literal}) and writes
 * {@code to}. One edge per body atom, so a rule that reads a relation twice has two edges.
 *
 * @param negated the body atom is under {@code not}
 * @param aggregated the rule's head aggregates
 * @param deleting the rule's head is {@code delete} (or {@code @update}, which deletes the old row)
 * @param snapshot the body atom reads a lattice value non-monotonically (§11 Keyed tables, lattices and
 * extern tables)
 */
public record Dependency(
    String from,
    String to,
    Rule rule,
    Literal literal,
    Time time,
    boolean negated,
    boolean aggregated,
    boolean deleting,
    boolean snapshot) {

  public Dependency(
      String from, String to, Rule rule, Literal literal, Time time, boolean negated, boolean aggregated,
      boolean deleting) {
    this(from, to, rule, literal, time, negated, aggregated, deleting, false);
  }

  /**
   * Consistent with the record's equals, but cheap: JGraphT hashes edges on every lookup, and the
   * default would hash the whole rule's syntax tree each time. The literal's position tells edges
   * apart.
   */
  /**
   * The generated equals would compare the rules' whole syntax trees; a literal stands at one place
   * in one rule, so comparing it (and the edge's own fields) says the same.
   */
  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof Dependency d
            && from.equals(d.from)
            && to.equals(d.to)
            && time == d.time
            && negated == d.negated
            && aggregated == d.aggregated
            && deleting == d.deleting
            && snapshot == d.snapshot
            && literal.equals(d.literal)
            && rule.span().equals(d.rule.span());
  }

  @Override
  public int hashCode() {
    Span at = literal.span();
    return (from.hashCode() * 31 + to.hashCode()) * 31 + at.line() * 8191 + at.column();
  }

  /** Receives an edge with the place of its literal in the rule's body. */
  @FunctionalInterface
  public interface Sink {
    void accept(int literal, Dependency edge);
  }

  /**
   * The edges {@code rule} makes, in body order: one per relation atom of its body (positive or
   * negated), each to {@code head}, the name of the rule's head relation; {@code snapshots} are the
   * literals that are snapshot reads (§11 Keyed tables, lattices and extern tables).
   */
  public static void ofRule(
      Rule rule, String head, java.util.Collection<Literal> snapshots, Sink edge) {
    Time time = Time.of(rule.head().form());
    boolean aggregated = rule.isAggregate();
    boolean deleting = rule.head().form() == HeadForm.DELETE || rule.head().form() == HeadForm.UPDATE;
    List<Literal> body = rule.body();
    for (int i = 0; i < body.size(); i++) {
      Literal literal = body.get(i);
      String from = null;
      if (literal instanceof PositiveLiteral p) {
        from = p.atom().relation().text();
      } else if (literal instanceof NegatedLiteral n) {
        from = n.atom().relation().text();
      }
      if (from != null) {
        boolean negated = literal instanceof NegatedLiteral;
        boolean snapshot = !snapshots.isEmpty() && snapshots.contains(literal);
        edge.accept(i, new Dependency(from, head, rule, literal, time, negated, aggregated, deleting, snapshot));
      }
    }
  }

  /**
   * Whether the head can lose facts when {@code from} gains some (§8 The CALM analysis), before monotone
   * aggregates.
   */
  public boolean isNonMonotone() {
    return negated || aggregated || deleting || snapshot;
  }

  /** Whether stratification must put {@code from} strictly below {@code to}. */
  public boolean needsLowerStratum() {
    return time == Time.SAME_TICK && (negated || aggregated || snapshot);
  }
}

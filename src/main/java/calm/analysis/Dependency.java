package calm.analysis;

import calm.syntax.Literal;
import calm.syntax.Rule;

/**
 * An edge of the dependency graph: {@code rule} reads {@code from} (in {@code literal}) and writes
 * {@code to}. One edge per body atom, so a rule that reads a relation twice has two edges.
 *
 * @param negated the body atom is under {@code not}
 * @param aggregated the rule's head aggregates
 * @param deleting the rule's head is {@code delete}
 */
public record Dependency(
    String from,
    String to,
    Rule rule,
    Literal literal,
    Time time,
    boolean negated,
    boolean aggregated,
    boolean deleting) {

  /**
   * Identity, not the record's structural equality: each edge is one (rule, literal) occurrence, and
   * JGraphT hashes edges constantly; hashing the rule's whole AST each time made the graph of a large
   * program quadratic in practice.
   */
  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  /** Whether the head can lose facts when {@code from} gains some (§8), before monotone aggregates. */
  public boolean isNonMonotone() {
    return negated || aggregated || deleting;
  }

  /** Whether stratification must put {@code from} strictly below {@code to}. */
  public boolean needsLowerStratum() {
    return time == Time.SAME_TICK && (negated || aggregated);
  }
}

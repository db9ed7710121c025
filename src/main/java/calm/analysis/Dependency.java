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
   * Consistent with the record's equals, but cheap: JGraphT hashes edges on every lookup, and the
   * default would hash the whole rule's syntax tree each time. The literal's span tells edges apart.
   */
  @Override
  public int hashCode() {
    return java.util.Objects.hash(from, to, literal.span(), time, negated);
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

package calm.eval;

import calm.syntax.Constraint;
import java.util.List;

/**
 * A state that satisfies a constraint's body (§12 Integrity constraints): at {@code node}, after tick
 * {@code tick}'s fixpoint, {@code matches} solutions, the first of which holds {@code facts}. A run reports a
 * violation when it begins at a node, and again when the first solution changes.
 */
public record ConstraintViolation(Constraint constraint, String node, int tick, List<String> facts, int matches) {
  public ConstraintViolation {
    facts = List.copyOf(facts);
  }

  /** {@code "no account is overdrawn"} or {@code the constraint at line 12}. */
  public String name() {
    return constraint.name().map(n -> "\"" + n + "\"").orElse("the constraint at line " + constraint.line());
  }

  @Override
  public String toString() {
    return "constraint " + constraint.describe() + " violated at node '" + node + "', tick " + tick + ": "
        + String.join(", ", facts) + (matches > 1 ? " (and " + (matches - 1) + " more)" : "");
  }
}

package calm.eval;

import calm.syntax.Seal;

/**
 * A fact of a sealed relation that appeared at {@code node} in {@code tick}, for a key whose guard
 * already held there in an earlier tick: the environment broke the seal's promise (§5).
 */
public record SealViolation(String node, int tick, Seal seal, GroundFact fact) {
  @Override
  public String toString() {
    return "seal broken at node '" + node + "', tick " + tick + ": " + fact + " appeared after "
        + seal.guard().relation().text() + " sealed its key";
  }
}

package calm.eval;

import calm.syntax.Seal;

/**
 * A run broke a seal's promise (§5 Annotations and seals): {@code fact}, which {@code node} had never held,
 * appeared there in tick {@code arrivedAt}, although {@code guard} had sealed its key there since tick
 * {@code sealedAt}. {@code declaration} is the seal itself (for its location), {@code seal} its line as
 * written.
 */
public record SealViolation(
    Seal declaration, String seal, String node, String fact, String guard, int sealedAt, int arrivedAt) {
  @Override
  public String toString() {
    return "seal broken at node '" + node + "', tick " + arrivedAt + ": " + fact + " appeared after "
        + declaration.guard().relation().text() + " sealed its key";
  }
}

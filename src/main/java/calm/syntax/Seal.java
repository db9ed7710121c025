package calm.syntax;

import calm.source.Span;
/** {@code seal sealed(K, _, ...) by guard(..., K, ...).} (§5 Annotations and seals) */
public record Seal(Span span, Atom sealed, Atom guard) implements Item {
  /**
   * Its place alone: equal seals have equal places, and the record's own hash would walk both atoms
   * and their arguments (through method handles) each time a set of the seals that cover a point
   * takes one (40,000 points under 10,000 seals in the gen-calm-rules benchmark).
   */
  @Override
  public int hashCode() {
    return span.hashCode();
  }
}

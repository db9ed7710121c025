package calm.syntax;

import calm.source.Span;
/** {@code _}: a fresh variable at each occurrence, never named, never compared. */
public record Wildcard(Span span) implements Expr {
  @Override
  public String toString() {
    return "_";
  }
}

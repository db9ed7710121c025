package calm.syntax;

import calm.source.Span;
/** A named variable: {@code X}, {@code Session}. */
public record Variable(Span span, String name) implements Expr {
  @Override
  public String toString() {
    return name;
  }
}

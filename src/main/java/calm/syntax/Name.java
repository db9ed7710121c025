package calm.syntax;

import calm.source.Span;
/** An identifier as written, with its own span (for precise carets). */
public record Name(String text, Span span) implements Node {
  @Override
  public String toString() {
    return text;
  }
}

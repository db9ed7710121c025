package calm.syntax;

import calm.source.Span;

/** An identifier as written, with its own span (for precise carets): one token ({@link OneToken}). */
public record Name(String text, int line, int column) implements OneToken {
  public Name(String text, Span span) {
    this(text, span.line(), span.column());
    OneToken.requireSpan(text, span);
  }

  @Override
  public String spelling() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}

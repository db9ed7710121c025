package calm.syntax;

import calm.source.Span;

/** A named variable: {@code X}, {@code Session}. One token: its span is where it starts ({@link OneToken}). */
public record Variable(String name, int line, int column) implements Expr, OneToken {
  public Variable(Span span, String name) {
    this(name, span.line(), span.column());
    OneToken.requireSpan(name, span);
  }

  @Override
  public String spelling() {
    return name;
  }

  @Override
  public String toString() {
    return name;
  }
}

package calm.syntax;

import calm.source.Span;

/**
 * A named variable: {@code X}, {@code Session}. A variable is one token of ASCII letters, digits and
 * underscores, so its span ends on its line, its name's length after its column: the record keeps
 * only where it starts ({@link SpanNumbers}), 24 bytes instead of 32 for the most numerous node of a
 * program (5.6 million in the million-rule benchmark).
 */
public record Variable(String name, int line, int column) implements Expr, SpanNumbers {
  public Variable(Span span, String name) {
    this(name, span.line(), span.column());
    if (span.endLine() != line || span.endColumn() != column + name.length()) {
      throw new IllegalArgumentException("a variable's span is its name's: " + name + " at " + span);
    }
  }

  @Override
  public int endLine() {
    return line;
  }

  @Override
  public int endColumn() {
    return column + name.length();
  }

  @Override
  public String toString() {
    return name;
  }
}

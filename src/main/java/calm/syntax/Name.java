package calm.syntax;

import calm.source.Span;

/**
 * An identifier as written, with its own span (for precise carets). An identifier is one token of
 * ASCII letters, digits and underscores, so its span ends on its line, its text's length after its
 * column: the record keeps only where it starts ({@link SpanNumbers}), 24 bytes instead of 32.
 */
public record Name(String text, int line, int column) implements SpanNumbers {
  public Name(String text, Span span) {
    this(text, span.line(), span.column());
    if (span.endLine() != line || span.endColumn() != column + text.length()) {
      throw new IllegalArgumentException("a name's span is its text's: " + text + " at " + span);
    }
  }

  @Override
  public int endLine() {
    return line;
  }

  @Override
  public int endColumn() {
    return column + text.length();
  }

  @Override
  public String toString() {
    return text;
  }
}

package calm.syntax;

import calm.source.Span;

/**
 * An identifier as written, with its own span (for precise carets). The span's four numbers are kept
 * in the record itself rather than in a {@link Span} object: names, variables and atoms are most of a
 * syntax tree's nodes, and a program of a million rules holds some fifteen million spans, each an
 * object the collector copies and the heap keeps (docs/benchmarks.md, "Seventh round").
 */
public record Name(String text, int line, int column, int endLine, int endColumn) implements Node {
  public Name(String text, Span span) {
    this(text, span.line(), span.column(), span.endLine(), span.endColumn());
  }

  @Override
  public Span span() {
    return Span.of(line, column, endLine, endColumn);
  }

  @Override
  public String toString() {
    return text;
  }
}

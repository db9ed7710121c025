package calm.syntax;

import calm.source.Span;

/**
 * A node that is one token of ASCII letters, digits and underscores (a name, a variable): its span
 * ends on its line, its text's length after its column, so the record keeps only where it starts,
 * 24 bytes instead of 32 for the most numerous nodes of a program.
 */
public interface OneToken extends SpanNumbers {
  /** The token's text. */
  String spelling();

  @Override
  default int endLine() {
    return line();
  }

  @Override
  default int endColumn() {
    return column() + spelling().length();
  }

  /** Refuses a span that is not the token's own: one line, as long as its text. */
  static void requireSpan(String text, Span span) {
    if (span.endLine() != span.line() || span.endColumn() != span.column() + text.length()) {
      throw new IllegalArgumentException("a token's span is its text's: " + text + " at " + span);
    }
  }
}

package calm.syntax;

import calm.source.Span;
/**
 * A 64-bit integer literal; a leading unary minus on a literal is folded in. Its span is kept as
 * numbers ({@link SpanNumbers}).
 */
public record IntConstant(int line, int column, int endLine, int endColumn, long value)
    implements Constant, SpanNumbers {
  public IntConstant(Span span, long value) {
    this(span.line(), span.column(), span.endLine(), span.endColumn(), value);
  }

  public IntConstant withSpan(Span newSpan) {
    return new IntConstant(newSpan, value);
  }

  @Override
  public Type type() {
    return Type.INT;
  }

  @Override
  public Object javaValue() {
    return value;
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}

package calm.syntax;

import calm.source.Span;
/** A 64-bit integer literal; a leading unary minus on a literal is folded in. */
public record IntConstant(Span span, long value) implements Constant {
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

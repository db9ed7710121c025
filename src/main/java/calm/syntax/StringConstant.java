package calm.syntax;

import calm.source.Span;
/** A string literal, escapes already decoded. */
public record StringConstant(Span span, String value) implements Constant {
  @Override
  public Type type() {
    return Type.STRING;
  }

  @Override
  public Object javaValue() {
    return value;
  }

  @Override
  public String toString() {
    return StringLiterals.quote(value);
  }
}

package calm.syntax;

/** A literal value. */
public sealed interface Constant extends Expr permits IntConstant, StringConstant {
  Type type();

  /** The value as Java sees it: a {@code Long} or a {@code String}. */
  Object javaValue();
}

package calm.syntax;

/** Every AST node knows where it came from. */
public interface Node {
  Span span();
}

package calm.syntax;

import calm.source.Span;
/** Every AST node knows where it came from. */
public interface Node {
  Span span();
}

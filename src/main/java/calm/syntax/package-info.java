/**
 * The first stage of the pipeline: a {@code .calm} file's text becomes an immutable syntax tree.
 * {@link calm.syntax.Parsing} runs the ANTLR parser generated from {@code grammar/Calm.g4} (a
 * streaming fast path, and a careful path that reports every syntax error with its location) and
 * {@link calm.syntax.AstBuilder} turns each item's parse tree into records ({@code Program},
 * {@code Rule}, {@code Atom}, ...), every node with a {@code Span}. Nothing outside this package
 * sees an ANTLR type. It may import only {@code calm.diagnostics} (to report syntax errors) and the
 * generated {@code calm.syntax.antlr}; see docs/architecture.md.
 */
package calm.syntax;

/**
 * {@code calm lsp}: a language server on LSP4J. It keeps the open documents, re-checks them with the
 * same {@link calm.analysis.Checker} as {@code calm check}, and answers hover, definition,
 * references, rename, symbols and code actions (each fix re-checked before it is offered). It may
 * import {@code calm.syntax}, {@code calm.diagnostics} and {@code calm.analysis} (with its CALM
 * analysis), never {@code calm.eval}; {@code calm.cli} registers its command; see
 * docs/architecture.md.
 */
package calm.lsp;

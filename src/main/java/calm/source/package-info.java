/**
 * The lowest layer: a position in source text ({@link calm.source.Span}), which the syntax tree, the
 * diagnostics and every later stage share. It imports nothing of ours.
 */
package calm.source;

/**
 * {@code calm serve}: the playground's HTTP server on the JDK's {@code HttpServer}, serving static
 * assets from the jar, examples from a directory, and a JSON API whose work an {@link
 * calm.serve.Analyzer} does under time and size limits. It imports no other package of ours: {@code
 * calm.cli} hands it the {@code Analyzer}; see docs/architecture.md.
 */
package calm.serve;

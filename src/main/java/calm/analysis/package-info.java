/**
 * The second stage: the checks of a parsed program. Each check is one small class implementing
 * {@link calm.analysis.Check}, registered in {@link calm.analysis.Checks#all()}; it reads a
 * {@link calm.analysis.CheckContext} (the program, its {@link calm.analysis.graph.Schema}, the
 * {@link calm.analysis.graph.DependencyGraph} and the {@link calm.analysis.graph.Stratification}) and
 * reports diagnostics. {@link calm.analysis.Checker} runs them and then, on a file without errors, the CALM
 * analysis of {@code calm.analysis.calm}, and returns a {@link calm.analysis.FileReport}. It may
 * import {@code calm.syntax} and {@code calm.diagnostics} (and the CALM analysis it runs), never
 * {@code calm.eval} or {@code calm.cli}; see docs/architecture.md.
 */
package calm.analysis;

/**
 * The third stage: the interpreter. {@link calm.eval.CompiledProgram} turns a checked program into
 * plans, {@link calm.eval.Run} executes ticks over the state of each node of a {@link
 * calm.eval.World} until quiescence or a bound, and {@code FactsFiles} and {@code ScenarioParser}
 * read the outside world. A problem found here is a run-time {@link calm.eval.RunError}, never a
 * static diagnostic: the program reaching this stage has passed the analysis. It may import
 * {@code calm.syntax}, {@code calm.diagnostics} and {@code calm.analysis}, never {@code calm.cli};
 * see docs/architecture.md.
 */
package calm.eval;

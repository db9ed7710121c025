/**
 * The CALM analysis (language reference, "Coordination points", "Lattices", "Constraints"): over the
 * dependency graph of a program without errors it finds the coordination points (negation,
 * aggregation, deletion, race, snapshot) that asynchrony reaches, applies seals and
 * {@code @coordinated} acknowledgements, and gives every output its verdict and every constraint its
 * {@link calm.analysis.calm.ConstraintVerdict}. Each question (what asynchrony reaches, which
 * relations are events, which grow only, ...) is answered by one class; {@link
 * calm.analysis.calm.CalmReport} is what the renderers read. It may import {@code calm.syntax},
 * {@code calm.diagnostics} and the graph and schema of {@code calm.analysis}, never {@code calm.eval}
 * or {@code calm.cli}; see docs/architecture.md.
 */
package calm.analysis.calm;

/**
 * Drawings of a program's dependency graph for {@code calm graph}: DOT and Mermaid, the coordination
 * points coloured by status ({@code PointColours}). It reads the CALM analysis' results ({@code
 * calm.analysis.calm}) and the checks' graph, and imports nothing from {@code calm.cli}, which calls
 * it; see docs/architecture.md.
 */
package calm.cli.graph;

/**
 * The explorer: {@link calm.eval.explore.Explorer} runs a program under many seeded message
 * schedules (one {@code Worker} per thread; results do not depend on the number of threads),
 * tallies observed and final outcomes per output and violations per constraint, and shrinks a
 * differing pair of runs to a witness. It is the experiment that checks the CALM analysis' verdicts.
 * It may import {@code calm.eval} and what {@code calm.eval} may import (the verdicts of {@code
 * calm.analysis.calm} included), never {@code calm.cli}; see docs/architecture.md.
 */
package calm.eval.explore;

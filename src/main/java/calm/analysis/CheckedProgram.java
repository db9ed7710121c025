package calm.analysis;

import calm.analysis.graph.Outputs;
import calm.analysis.graph.Stratification;
import calm.analysis.graph.DependencyGraph;
import calm.analysis.graph.Schema;
import calm.analysis.calm.CalmAnalysis;
import calm.analysis.calm.CalmReport;
import calm.syntax.Program;
import java.util.List;

/**
 * A program that every check passed, with what the checks worked out about it: its {@link Schema},
 * its {@link DependencyGraph}, its {@link Stratification}, its outputs and the CALM analysis. Only
 * {@link Checker} makes one, and only for a file without errors, so a value of this type is the proof
 * that the checks ran: the engine and the drawings take it instead of a bare {@link Program}, and
 * check nothing again.
 */
public final class CheckedProgram {
  private final Program program;
  private final Schema schema;
  private final DependencyGraph dependencies;
  private final Stratification stratification;
  private List<String> outputs;
  private CalmAnalysis calm;

  /** @param calm the CALM analysis when the checker ran it, else null: it is then made on first use */
  CheckedProgram(CheckContext context, CalmAnalysis calm) {
    this.program = context.program();
    this.schema = context.schema();
    this.dependencies = context.dependencies();
    this.stratification = context.stratification();
    this.calm = calm;
  }

  public Program program() {
    return program;
  }

  public Schema schema() {
    return schema;
  }

  public DependencyGraph dependencies() {
    return dependencies;
  }

  /** The strata of the same-tick rules; the program has no unstratifiable cycle. */
  public Stratification stratification() {
    return stratification;
  }

  /** The program's outputs, in declaration order, by the one rule of {@link Outputs}. */
  public synchronized List<String> outputs() {
    if (outputs == null) {
      outputs = Outputs.of(dependencies);
    }
    return outputs;
  }

  /**
   * The CALM analysis (§8 The CALM analysis): the checker's, or, for a checker that skipped it
   * ({@code calm run} does not need it), made now.
   */
  public synchronized CalmAnalysis calmAnalysis() {
    if (calm == null) {
      calm = CalmAnalysis.of(program, dependencies);
    }
    return calm;
  }

  /** The coordination points and the verdict on every output and constraint. */
  public CalmReport calmReport() {
    return calmAnalysis().report();
  }
}

package calm.analysis;

import calm.syntax.Atom;
import calm.syntax.Declaration;
import calm.syntax.Program;
import java.util.Optional;

/**
 * What every check may read: the program, its declared relations, and (built on first use, then
 * shared) its dependency graph and stratification.
 */
public final class CheckContext {
  private final Program program;
  private final Schema schema;
  private DependencyGraph dependencies;
  private Stratification stratification;

  public CheckContext(Program program, Schema schema) {
    this.program = program;
    this.schema = schema;
  }

  public Program program() {
    return program;
  }

  public Schema schema() {
    return schema;
  }

  public DependencyGraph dependencies() {
    if (dependencies == null) {
      dependencies = DependencyGraph.of(schema, program.rules());
    }
    return dependencies;
  }

  public Stratification stratification() {
    if (stratification == null) {
      stratification = Stratification.of(dependencies());
    }
    return stratification;
  }

  /**
   * The declaration an atom refers to, when it is declared and the atom has the declared arity: checks
   * that look at argument positions use this, so that an unknown name or a wrong arity (reported by
   * their own checks) does not cascade into more messages.
   */
  public Optional<Declaration> resolve(Atom atom) {
    return schema.lookup(atom.relation().text()).filter(d -> d.arity() == atom.arity());
  }
}

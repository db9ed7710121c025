package calm.analysis;

import calm.analysis.graph.Schema;
import calm.analysis.graph.DependencyGraph;
import calm.analysis.graph.RelationIds;
import calm.analysis.graph.Stratification;
import calm.syntax.Atom;
import calm.syntax.Declaration;
import calm.syntax.Program;
import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import java.util.Set;
import java.util.Optional;

/**
 * What every check may read: the program, its declared relations, and (built on first use, then
 * shared) its dependency graph and stratification.
 */
public final class CheckContext {
  private final Program program;
  private final Schema schema;
  private final boolean complete;
  /*
   * Each built on first use by whichever thread asks first, under a lock of its own: the CALM analysis
   * builds the dependency graph while the checks, on the other threads, only need the relation
   * numbers (one lock for all three kept them waiting the graph's whole build, 170-210 ms on 100,000
   * rules).
   */
  private final Supplier<RelationIds> ids;
  private final Supplier<DependencyGraph> dependencies;
  private final Supplier<Stratification> stratification;
  private final Supplier<Set<String>> changing;

  public CheckContext(Program program, Schema schema) {
    this(program, schema, true);
  }

  /**
   * @param complete false when the parser left items out of the program (they had errors of their
   *     own), so that checks about the program as a whole, such as "never written", stay quiet
   */
  public CheckContext(Program program, Schema schema, boolean complete) {
    this.program = program;
    this.schema = schema;
    this.complete = complete;
    this.ids = Suppliers.memoize(() -> RelationIds.of(schema, program.rules()));
    // the graph asks for the relation numbers only after finding the rules' dependencies, so that the
    // checks' thread can be numbering them meanwhile
    this.dependencies = Suppliers.memoize(() -> DependencyGraph.of(schema, this::ids, program.rules()));
    this.stratification = Suppliers.memoize(() -> Stratification.of(dependencies()));
    this.changing = Suppliers.memoize(() -> AggregateIntoTableCheck.changingRelations(this));
  }

  /** Whether every item of the file made it into the program. */
  public boolean complete() {
    return complete;
  }

  public Program program() {
    return program;
  }

  public Schema schema() {
    return schema;
  }

  /**
   * The relations the rules name, resolved once (built on first use, then shared): checks that walk
   * the rules read a rule's atoms' declarations here rather than looking each name up again.
   */
  public RelationIds ids() {
    return ids.get();
  }

  public DependencyGraph dependencies() {
    return dependencies.get();
  }

  public Stratification stratification() {
    return stratification.get();
  }

  /**
   * The relations whose facts can differ from one tick to the next (built on first use: only a
   * program that aggregates into a plain table asks, {@link AggregateIntoTableCheck}).
   */
  Set<String> changingRelations() {
    return changing.get();
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

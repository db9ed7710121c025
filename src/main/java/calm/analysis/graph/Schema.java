package calm.analysis.graph;

import com.google.common.collect.Maps;
import calm.syntax.Declaration;
import calm.syntax.Program;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/** The declared relations of a program by name; the first declaration of a name wins. */
public final class Schema {
  private final Map<String, Declaration> relations;
  private final boolean hasLatticeTables;
  /** The same declarations for look-ups by name ({@link NameNumbers}: the checks ask hundreds of thousands of times). */
  private final Declaration[] byNumber;
  private final NameNumbers numbers;

  private Schema(Map<String, Declaration> relations) {
    this.relations = Collections.unmodifiableMap(relations);
    this.hasLatticeTables = relations.values().stream().anyMatch(Declaration::isLatticeTable);
    this.byNumber = relations.values().toArray(new Declaration[0]);
    this.numbers = new NameNumbers(relations.keySet().toArray(new String[0]));
  }

  private Declaration find(String name) {
    int number = numbers.number(name);
    return number == NameNumbers.ABSENT ? null : byNumber[number];
  }

  /**
   * Whether any table has lattice columns (§11 Keyed tables, lattices and extern tables): most programs have
   * none, and skip their reads.
   */
  public boolean hasLatticeTables() {
    return hasLatticeTables;
  }

  public static Schema of(Program program) {
    // sized once: the 100,000-rule benchmarks declare 10,000 and 110,000 relations, and this map is
    // made before the CALM analysis can start
    Map<String, Declaration> relations = Maps.newLinkedHashMapWithExpectedSize(program.declarations().size());
    for (Declaration declaration : program.declarations()) {
      relations.putIfAbsent(declaration.name().text(), declaration);
    }
    return new Schema(relations);
  }

  public Optional<Declaration> lookup(String name) {
    return Optional.ofNullable(find(name));
  }

  /** For names that the checks have already resolved. */
  public Declaration get(String name) {
    Declaration declaration = find(name);
    if (declaration == null) {
      throw new IllegalArgumentException("undeclared relation " + name);
    }
    return declaration;
  }

  public boolean isDeclared(String name) {
    return find(name) != null;
  }

  public Collection<Declaration> declarations() {
    return relations.values();
  }

  public boolean hasOutputs() {
    return relations.values().stream().anyMatch(Declaration::output);
  }
}

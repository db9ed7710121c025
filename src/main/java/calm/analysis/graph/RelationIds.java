package calm.analysis.graph;

import calm.syntax.Declaration;
import calm.syntax.Literal;
import calm.syntax.NegatedLiteral;
import calm.syntax.PositiveLiteral;
import calm.syntax.Rule;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Every relation named by a rule, resolved to a number once: the relations are numbered in
 * declaration order (the first declaration of a name wins, as in {@link Schema}), and each rule's
 * head and body atoms get the number of the relation they name, or {@link #UNDECLARED}. The checks,
 * the {@link DependencyGraph} and the CALM analysis read these numbers and index arrays by them
 * instead of hashing the same names again in each pass: on a 100,000-rule program, looking relations
 * up by name was a tenth of the analysis.
 *
 * <p>The syntax tree stays as it is; the numbers are kept beside it, per rule (by its place in
 * {@code program.rules()}) and per body literal (by its place in the body; a comparison has none).
 */
public final class RelationIds {
  /** A name that no declaration has. */
  public static final int UNDECLARED = -1;

  private final Schema schema;
  private final List<Rule> rules;
  private final NameNumbers ids;
  private final Declaration[] declarations;
  private final String[] names;
  /**
   * Each relation's number of columns, beside its declaration: the checks compare it with every atom's
   * (2.7 million in the million-rule benchmark), and reading it from the declarations, scattered over
   * the heap, missed the cache each time.
   */
  private final int[] arities;
  /** Per rule, where its entries start in {@link #atoms}: the head's, then one per body literal. */
  private final int[] start;
  private final int[] atoms;

  private RelationIds(Schema schema, List<Rule> rules) {
    this.schema = schema;
    this.rules = rules;
    int n = schema.declarations().size();
    declarations = schema.declarations().toArray(new Declaration[0]);
    names = new String[n];
    arities = new int[n];
    for (int i = 0; i < n; i++) {
      names[i] = declarations[i].name().text();
      arities[i] = declarations[i].arity();
    }
    ids = new NameNumbers(names);
    start = new int[rules.size() + 1];
    int size = 0;
    for (int r = 0; r < rules.size(); r++) {
      start[r] = size;
      size += 1 + rules.get(r).body().size();
    }
    start[rules.size()] = size;
    atoms = new int[size];
    int at = 0;
    for (Rule rule : rules) {
      atoms[at++] = id(rule.head().atom().relation().text());
      for (Literal literal : rule.body()) {
        atoms[at++] =
            literal instanceof PositiveLiteral p
                ? id(p.atom().relation().text())
                : literal instanceof NegatedLiteral n2 ? id(n2.atom().relation().text()) : UNDECLARED;
      }
    }
  }

  /** The numbers of {@code schema}'s relations and of the relations each rule names. */
  public static RelationIds of(Schema schema, List<Rule> rules) {
    return new RelationIds(schema, rules);
  }

  public Schema schema() {
    return schema;
  }

  /** Whether these are the numbers of exactly this list of rules (the rules are numbered by place). */
  public boolean numbers(List<Rule> rules) {
    return this.rules == rules;
  }

  /** How many relations are declared; their numbers are 0 to size - 1. */
  public int size() {
    return names.length;
  }

  /** The number of a declared relation, or {@link #UNDECLARED}. */
  public int id(String relation) {
    int id = ids.number(relation);
    return id == NameNumbers.ABSENT ? UNDECLARED : id;
  }

  public Declaration declaration(int id) {
    return declarations[id];
  }

  public String name(int id) {
    return names[id];
  }

  /** The declared names by number, as a read-only view (no copy). */
  public List<String> names() {
    return Collections.unmodifiableList(Arrays.asList(names));
  }

  /** The number of the relation of the head of the rule at {@code rule} in the program's rules. */
  public int head(int rule) {
    return atoms[start[rule]];
  }

  /**
   * The number of the relation of the body literal at {@code literal} of the rule at {@code rule}, or
   * {@link #UNDECLARED} when it names none declared or is a comparison.
   */
  public int body(int rule, int literal) {
    return atoms[start[rule] + 1 + literal];
  }

  /**
   * How many literals the body of the rule at {@code rule} has: with {@link #body}, what a pass over
   * every rule's relations reads instead of the syntax tree.
   */
  public int bodySize(int rule) {
    return start[rule + 1] - start[rule] - 1;
  }

  /** How many rules are numbered. */
  public int rules() {
    return start.length - 1;
  }

  /**
   * The declaration the head of a rule resolves to when it is declared with the head's arity, else
   * null: what checks that look at argument positions take, so that an unknown name or a wrong arity
   * (each reported by its own check) does not cascade into more messages.
   */
  public Declaration resolvedHead(int rule, int arity) {
    return resolved(head(rule), arity);
  }

  /** As {@link #resolvedHead(int, int)}, for a body literal's atom. */
  public Declaration resolvedBody(int rule, int literal, int arity) {
    return resolved(body(rule, literal), arity);
  }

  private Declaration resolved(int id, int arity) {
    return id != UNDECLARED && arities[id] == arity ? declarations[id] : null;
  }

  /** The number of columns of relation {@code id}. */
  public int arity(int id) {
    return arities[id];
  }

}

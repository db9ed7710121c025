package calm.analysis.calm;

import calm.analysis.graph.Schema;
import calm.syntax.Literal;
import calm.syntax.Rule;
import java.util.Set;

/**
 * What the point finders read (§8 The CALM analysis): the answers of the passes that run before
 * them, one object so that a new finder needs no new constructor argument anywhere else.
 *
 * @param outputs the relations that get a verdict
 * @param monotoneAggregates the aggregate rules found monotone, filled while the points are found:
 *     the aggregation finder adds a rule, the snapshot finder takes back one that aggregates a lattice
 *     against its direction (§11 Keyed tables, lattices and extern tables)
 */
record PointContext(
    Schema schema,
    RelationIndex index,
    AsyncReach reach,
    EventRelations events,
    GrowOnly growOnly,
    FixedRelations fixed,
    MonotoneAggregates monotone,
    SameSourceRace sameSource,
    Set<String> outputs,
    Set<Rule> monotoneAggregates) {

  static String relationOf(Literal literal) {
    return SealApplication.atomOf(literal).relation().text();
  }

  /**
   * The number of the relation of the point's body literal at {@code literal}, or -1 (a comparison,
   * an undeclared name): read from the numbers resolved once for the program's rules.
   */
  int relation(PointDraft draft, int literal) {
    if (draft.index >= 0) {
      return index.ids().body(draft.index, literal);
    }
    calm.syntax.Atom atom = SealApplication.atomOf(draft.rule.body().get(literal));
    return atom == null ? -1 : index.id(atom.relation().text());
  }
}

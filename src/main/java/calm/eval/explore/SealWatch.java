package calm.eval.explore;

import calm.eval.CompiledProgram;
import calm.eval.GroundFact;
import calm.eval.Relation;
import calm.eval.Run;
import calm.eval.Values;
import calm.syntax.Seal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks one seal's promise during a run (§5): once the guard holds for a key at a node, no fact of
 * the sealed relation for that key may appear there that the node had not held before. A fact that
 * appears in the same tick as the guard is in time (the tick's fixpoint sees both).
 */
final class SealWatch {
  private final String text;
  private final AtomPattern sealed;
  private final AtomPattern guard;
  private final CompiledProgram program;

  SealWatch(CompiledProgram program, Seal seal) {
    this.program = program;
    List<String> key = AtomPattern.variables(seal.sealed());
    this.sealed = new AtomPattern(program, seal.sealed(), key);
    this.guard = new AtomPattern(program, seal.guard(), key);
    this.text = program.source().source().line(seal.span().line()).trim();
  }

  /** Per-run state: what each node has sealed, and what it has held of the sealed relation. */
  final class State {
    private final Map<Row, Row> sealedBy = new HashMap<>();
    private final Map<Row, Integer> sealedAt = new HashMap<>();
    private final Set<Row> held = new HashSet<>();
    private SealViolation violation;

    /** After tick {@code tick}'s fixpoint; returns the first violation of the run, if any yet. */
    SealViolation afterFixpoint(Run run, int tick) {
      int nodes = run.nodes().size();
      for (int n = 0; n < nodes; n++) {
        int node = n;
        run.forEachFact(node, sealed.relation.id(), fact -> {
          if (!sealed.matches(fact)) {
            return;
          }
          Row row = new Row(node, fact);
          if (!held.add(row) || violation != null) {
            return;
          }
          Row key = new Row(node, sealed.key(fact));
          Integer since = sealedAt.get(key);
          if (since != null && since < tick) {
            violation = new SealViolation(text, run.nodes().get(node), decode(sealed.relation, fact),
                decode(guard.relation, sealedBy.get(key).values), since, tick);
          }
        });
        run.forEachFact(node, guard.relation.id(), fact -> {
          if (guard.matches(fact)) {
            Row key = new Row(node, guard.key(fact));
            if (!sealedAt.containsKey(key)) {
              sealedAt.put(key, tick);
              sealedBy.put(key, new Row(node, fact));
            }
          }
        });
      }
      return violation;
    }
  }

  private String decode(Relation r, long[] fact) {
    return new GroundFact(r.name(), List.of(Values.decode(fact, r.types(), program.strings()))).toString();
  }
}

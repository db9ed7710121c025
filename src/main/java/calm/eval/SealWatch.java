package calm.eval;

import calm.syntax.Seal;
import calm.syntax.Term;
import calm.syntax.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches one seal at every node: after each tick, a new fact of the sealed relation whose key was
 * already sealed (its guard held in an earlier tick) is a {@link SealViolation}; then the keys whose
 * guard holds now are added to the sealed ones. A fact appearing in the same tick as its guard is not
 * a violation: it did not come after the seal.
 */
final class SealWatch {
  final Seal seal;
  final int sealed;
  final int guard;
  private final int[] sealedColumns;
  private final int[] guardColumns;

  private SealWatch(Seal seal, int sealed, int guard, int[] sealedColumns, int[] guardColumns) {
    this.seal = seal;
    this.sealed = sealed;
    this.guard = guard;
    this.sealedColumns = sealedColumns;
    this.guardColumns = guardColumns;
  }

  /** The watch for a seal the checks accepted, or null when the engine cannot follow it. */
  static SealWatch of(Seal seal, CompiledProgram program) {
    Relation sealed = program.relation(seal.sealed().relation().text());
    Relation guard = program.relation(seal.guard().relation().text());
    if (sealed == null || guard == null || sealed.arity() != seal.sealed().arity()
        || guard.arity() != seal.guard().arity()) {
      return null;
    }
    List<Integer> sc = new ArrayList<>();
    List<Integer> gc = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (int c = 0; c < seal.sealed().arity(); c++) {
      Term t = seal.sealed().arguments().get(c);
      if (t instanceof Variable v && !seen.contains(v.name())) {
        seen.add(v.name());
        int g = guardColumn(seal, v.name());
        if (g < 0) {
          return null;
        }
        sc.add(c);
        gc.add(g);
      }
    }
    return new SealWatch(seal, sealed.id(), guard.id(),
        sc.stream().mapToInt(Integer::intValue).toArray(), gc.stream().mapToInt(Integer::intValue).toArray());
  }

  private static int guardColumn(Seal seal, String variable) {
    List<Term> args = seal.guard().arguments();
    for (int c = 0; c < args.size(); c++) {
      if (args.get(c) instanceof Variable v && v.name().equals(variable)) {
        return c;
      }
    }
    return -1;
  }

  TupleStore newKeys() {
    return new TupleStore(sealedColumns.length, List.of());
  }

  /** Checks the rows of the sealed relation from {@code firstNew}, then records the guard's keys. */
  void afterTick(NodeState node, TupleStore keys, int firstNew, int tick, Relation sealedRelation,
      StringPool strings, List<SealViolation> violations) {
    TupleStore facts = node.stores[sealed];
    long[] key = new long[sealedColumns.length];
    if (keys.size() > 0) {
      for (int r = firstNew; r < facts.size; r++) {
        for (int i = 0; i < key.length; i++) {
          key[i] = facts.get(r, sealedColumns[i]);
        }
        if (keys.contains(key)) {
          violations.add(new SealViolation(node.name, tick, seal,
              new GroundFact(sealedRelation.name(),
                  List.of(Values.decode(facts.row(r), sealedRelation.types(), strings)))));
        }
      }
    }
    TupleStore guards = node.stores[guard];
    for (int r = 0; r < guards.size; r++) {
      for (int i = 0; i < key.length; i++) {
        key[i] = guards.get(r, guardColumns[i]);
      }
      keys.add(key);
    }
  }
}

package calm.eval;

import calm.syntax.Seal;
import calm.syntax.Term;
import calm.syntax.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Watches one seal at every node (§5 Annotations and seals): once a fact matching the guard holds for a key
 * at a node, a fact of the sealed relation for that key (matching the seal's constants) that the node had
 * never held before and that appears in a later tick is a {@link SealViolation}. A fact appearing in the same
 * tick as its guard is in time: the tick's fixpoint sees both. A fact the node held before the seal and holds
 * again (a duplicate message, a scratch fact derived anew each tick) is nothing new.
 */
final class SealWatch {
  final Seal seal;
  private final String text;
  private final AtomPattern sealed;
  private final AtomPattern guard;

  private SealWatch(Seal seal, String text, AtomPattern sealed, AtomPattern guard) {
    this.seal = seal;
    this.text = text;
    this.sealed = sealed;
    this.guard = guard;
  }

  /** The watch for a seal the checks accepted, or null when the engine cannot follow it. */
  static SealWatch of(Seal seal, CompiledProgram program) {
    Relation sealed = program.relation(seal.sealed().relation().text());
    Relation guard = program.relation(seal.guard().relation().text());
    if (sealed == null || guard == null || sealed.arity() != seal.sealed().arity()
        || guard.arity() != seal.guard().arity()) {
      return null;
    }
    List<String> key = AtomPattern.variables(seal.sealed());
    for (String v : key) {
      if (seal.guard().arguments().stream().noneMatch(t -> isVariable(t, v))) {
        return null;
      }
    }
    String text = program.source().source().line(seal.span().line()).trim();
    return new SealWatch(seal, text, new AtomPattern(program, seal.sealed(), key),
        new AtomPattern(program, seal.guard(), key));
  }

  private static boolean isVariable(Term t, String name) {
    return t instanceof Variable v && v.name().equals(name);
  }

  /** What one node has sealed so far, and which facts of the sealed relation it has ever held. */
  final class Memory {
    private final TupleStore keys = new TupleStore(guard.keyArity(), List.of());
    private int[] sealedAt = new int[16];
    private final List<long[]> sealedBy = new ArrayList<>();
    private final TupleStore held = new TupleStore(sealed.relation.arity(), List.of());
  }

  Memory newMemory() {
    return new Memory();
  }

  /**
   * After tick {@code tick}'s fixpoint at {@code node}: adds what broke the seal to {@code violations},
   * then records the keys whose guard holds now.
   */
  void afterTick(NodeState node, Memory memory, int tick, CompiledProgram program,
      List<SealViolation> violations) {
    forEachUnseen(node, sealed.relation, tick, fact -> {
      if (!sealed.matches(fact) || !memory.held.add(fact) || memory.keys.size == 0) {
        return;
      }
      long[] key = sealed.key(fact);
      if (memory.keys.contains(key)) {
        int k = memory.keys.rowOf(key);
        violations.add(new SealViolation(seal, text, node.name, decode(program, sealed.relation, fact),
            decode(program, guard.relation, memory.sealedBy.get(k)), memory.sealedAt[k], tick));
      }
    });
    forEachUnseen(node, guard.relation, tick, fact -> {
      if (!guard.matches(fact)) {
        return;
      }
      int before = memory.keys.size;
      int k = memory.keys.rowOf(guard.key(fact));
      if (k == before) { // a key sealed for the first time
        if (k == memory.sealedAt.length) {
          memory.sealedAt = Arrays.copyOf(memory.sealedAt, 2 * k);
        }
        memory.sealedAt[k] = tick;
        memory.sealedBy.add(fact.clone());
      }
    });
  }

  /**
   * Hands {@code visitor} the facts of {@code r} at the node not yet looked at, in a reused buffer.
   * Table rows before the tick's base were there in earlier ticks; scratch, input and channel
   * relations hold only this tick's facts.
   */
  private static void forEachUnseen(NodeState node, Relation r, int tick, Consumer<long[]> visitor) {
    TupleStore facts = node.stores[r.id()];
    long[] fact = new long[r.arity()];
    int first = r.isEphemeral() || tick == 1 ? 0 : node.tickBase[r.id()];
    for (int row = first; row < facts.size; row++) {
      for (int c = 0; c < fact.length; c++) {
        fact[c] = facts.get(row, c);
      }
      visitor.accept(fact);
    }
  }

  private static String decode(CompiledProgram program, Relation r, long[] fact) {
    return GroundFact.decode(r, fact, program.strings()).toString();
  }
}

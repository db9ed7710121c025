package calm.eval;

import calm.syntax.Atom;
import calm.syntax.Constant;
import calm.syntax.IntConstant;
import calm.syntax.StringConstant;
import calm.syntax.Term;
import calm.syntax.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A seal's atom as a test on encoded facts: its constants, its repeated variables, and where each
 * key variable sits, so that a fact can be matched and its key read off without decoding.
 */
final class AtomPattern {
  final Relation relation;
  private final int[] constantColumns;
  private final long[] constants;
  private final int[] sameLeft;
  private final int[] sameRight;
  private final int[] keyColumns;

  AtomPattern(CompiledProgram program, Atom atom, List<String> keyVariables) {
    this.relation = program.relation(atom.relation().text());
    List<Integer> cc = new ArrayList<>();
    List<Long> cv = new ArrayList<>();
    List<int[]> same = new ArrayList<>();
    Map<String, Integer> firstColumn = new HashMap<>();
    for (int c = 0; c < atom.arity(); c++) {
      Term t = atom.arguments().get(c);
      if (t instanceof Constant k) {
        cc.add(c);
        cv.add(k instanceof IntConstant n ? n.value() : program.strings().intern(((StringConstant) k).value()));
      } else if (t instanceof Variable v) {
        Integer first = firstColumn.putIfAbsent(v.name(), c);
        if (first != null) {
          same.add(new int[] {first, c});
        }
      }
    }
    constantColumns = cc.stream().mapToInt(Integer::intValue).toArray();
    constants = cv.stream().mapToLong(Long::longValue).toArray();
    sameLeft = same.stream().mapToInt(p -> p[0]).toArray();
    sameRight = same.stream().mapToInt(p -> p[1]).toArray();
    keyColumns = keyVariables.stream().mapToInt(firstColumn::get).toArray();
  }

  /** The named variables of {@code atom}, in order of first appearance: a seal's key. */
  static List<String> variables(Atom atom) {
    List<String> names = new ArrayList<>();
    for (Term t : atom.arguments()) {
      if (t instanceof Variable v && !names.contains(v.name())) {
        names.add(v.name());
      }
    }
    return names;
  }

  boolean matches(long[] fact) {
    for (int i = 0; i < constantColumns.length; i++) {
      if (fact[constantColumns[i]] != constants[i]) {
        return false;
      }
    }
    for (int i = 0; i < sameLeft.length; i++) {
      if (fact[sameLeft[i]] != fact[sameRight[i]]) {
        return false;
      }
    }
    return true;
  }

  int keyArity() {
    return keyColumns.length;
  }

  long[] key(long[] fact) {
    long[] key = new long[keyColumns.length];
    for (int i = 0; i < key.length; i++) {
      key[i] = fact[keyColumns[i]];
    }
    return key;
  }
}

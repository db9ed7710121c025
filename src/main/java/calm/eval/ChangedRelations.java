package calm.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The relations a tick changed, by id, in the order first met: what a run that does not settle names in
 * its error. Marked every tick at every node, read only when the run hits its tick bound, so a mark is
 * an array store and not a string hashed into a set.
 */
final class ChangedRelations {
  private final boolean[] marked;
  private final int[] order;
  private int count;

  ChangedRelations(int relations) {
    marked = new boolean[relations];
    order = new int[relations];
  }

  void add(int relation) {
    if (!marked[relation]) {
      marked[relation] = true;
      order[count++] = relation;
    }
  }

  void clear() {
    for (int i = 0; i < count; i++) {
      marked[order[i]] = false;
    }
    count = 0;
  }

  boolean isEmpty() {
    return count == 0;
  }

  /** The names of the relations marked, in the order they were first marked. */
  List<String> names(List<Relation> relations) {
    List<String> names = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      names.add(relations.get(order[i]).name());
    }
    return names;
  }
}

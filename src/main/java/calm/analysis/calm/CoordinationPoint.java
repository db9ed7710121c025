package calm.analysis.calm;

import calm.syntax.Rule;
import calm.source.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A rule whose result depends on the order of asynchronous events (§8 The CALM analysis). One point per rule,
 * with every reason it has.
 *
 * @param path relation names from a source of asynchrony to the rule's head
 */
public record CoordinationPoint(
    Rule rule,
    Set<PointKind> kinds,
    PointStatus status,
    List<String> path,
    AsyncEdge lastAsyncEdge) {
  /**
   * Every set of kinds, by the bits of its kinds' ordinals: points share them, since a million-rule
   * program keeps half a million points (48 bytes each for sets of their own).
   */
  private static final List<Set<PointKind>> KIND_SETS = kindSets();

  public CoordinationPoint {
    // in the enum's order, so that every rendering lists the kinds alike
    int bits = 0;
    for (PointKind kind : kinds) {
      bits |= 1 << kind.ordinal();
    }
    kinds = KIND_SETS.get(bits);
    path = List.copyOf(path);
  }

  /**
   * Where the rule's head atom is (after any annotation and after {@code delete}): asked of the rule,
   * not kept, since a million-rule program keeps half a million points.
   */
  public Span at() {
    return rule.head().atom().span();
  }

  /** The line of {@link #at()}, without making the span: renderers and sorts ask it of every point. */
  public int line() {
    return rule.head().atom().line();
  }

  /** The column of {@link #at()}, without making the span. */
  public int column() {
    return rule.head().atom().column();
  }

  private static List<Set<PointKind>> kindSets() {
    PointKind[] all = PointKind.values();
    List<Set<PointKind>> sets = new ArrayList<>(1 << all.length);
    for (int bits = 0; bits < 1 << all.length; bits++) {
      EnumSet<PointKind> set = EnumSet.noneOf(PointKind.class);
      for (PointKind kind : all) {
        if ((bits & 1 << kind.ordinal()) != 0) {
          set.add(kind);
        }
      }
      sets.add(Collections.unmodifiableSet(set));
    }
    return List.copyOf(sets);
  }
}

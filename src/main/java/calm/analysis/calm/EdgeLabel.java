package calm.analysis.calm;

import java.util.List;

/**
 * Bud's labels for dependency edges and paths: M monotone, A asynchronous, N non-monotone, and D
 * (diverge) where asynchrony is followed by a non-monotone step or an unguarded race: a coordination
 * point.
 */
public enum EdgeLabel {
  M,
  A,
  N,
  D;

  /**
   * Bud's composition of a path's labels: M is neutral, D absorbs everything, A then N makes D, and
   * other sequences do not reduce (so "N A" stays two labels).
   */
  public static List<EdgeLabel> compose(List<EdgeLabel> labels) {
    java.util.ArrayList<EdgeLabel> state = new java.util.ArrayList<>();
    for (EdgeLabel next : labels) {
      EdgeLabel last = state.isEmpty() ? M : state.get(state.size() - 1);
      if (next == M || last == next) {
        continue;
      }
      if (last == M) {
        state.add(next);
      } else if (last == D || next == D || (last == A && next == N)) {
        state.set(state.size() - 1, D);
      } else {
        state.add(next);
      }
    }
    if (state.isEmpty()) {
      state.add(M);
    }
    return List.copyOf(state);
  }
}

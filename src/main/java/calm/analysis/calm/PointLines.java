package calm.analysis.calm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The lines of the coordination points upstream of one output: distinct and in order. How many
 * points there are, and the first few lines, are known at once; the whole list is found only on
 * request. In a large program with many outputs most points can be upstream of most outputs, so
 * every output's list held at once would grow with the square of the program (a million rules would
 * need billions of numbers).
 */
public final class PointLines {
  /** How many lines every output keeps at hand: enough for the text report's 20 and a "more". */
  static final int FIRST = 21;

  static final PointLines NONE = new PointLines(null, -1, 0, new int[0]);

  private final Upstream upstream;
  private final int output;
  private final int pointCount;
  private final int[] first;

  PointLines(Upstream upstream, int output, int pointCount, int[] first) {
    this.upstream = upstream;
    this.output = output;
    this.pointCount = pointCount;
    this.first = first;
  }

  /** For reports built by hand (tests, fixtures): these lines, each one point. */
  public static PointLines of(int... lines) {
    if (lines.length == 0) {
      return NONE;
    }
    Upstream upstream = Upstream.fixed(lines);
    List<Integer> first = new ArrayList<>();
    upstream.forEachLine(0, lines.length, FIRST, first::add);
    return new PointLines(upstream, 0, lines.length, first.stream().mapToInt(Integer::intValue).toArray());
  }

  /** How many coordination points are upstream (two points on one line count twice). */
  public int pointCount() {
    return pointCount;
  }

  public boolean isEmpty() {
    return pointCount == 0;
  }

  /** Each distinct line, in increasing order. */
  public void forEach(IntConsumer action) {
    if (first.length < FIRST) {
      for (int line : first) {
        action.accept(line);
      }
    } else {
      upstream.forEachLine(output, pointCount, Integer.MAX_VALUE, action);
    }
  }

  /** The first {@code limit} lines, in increasing order. */
  public List<Integer> first(int limit) {
    List<Integer> lines = new ArrayList<>();
    if (limit <= first.length || first.length < FIRST) {
      for (int i = 0; i < Math.min(limit, first.length); i++) {
        lines.add(first[i]);
      }
    } else {
      upstream.forEachLine(output, pointCount, limit, lines::add);
    }
    return lines;
  }

  public List<Integer> asList() {
    return first(Integer.MAX_VALUE);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PointLines p && pointCount == p.pointCount && asList().equals(p.asList());
  }

  @Override
  public int hashCode() {
    return asList().hashCode();
  }

  @Override
  public String toString() {
    return asList().toString();
  }
}

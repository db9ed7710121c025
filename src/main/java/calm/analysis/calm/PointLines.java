package calm.analysis.calm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The lines of the coordination points upstream of one output: distinct, in order, and listed only on
 * request. In a large program with many outputs most points can be upstream of most outputs, so every
 * output's list held at once would grow with the square of the program (a million rules would need
 * billions of numbers); this view reads them from one structure shared by all the outputs.
 */
public final class PointLines {
  static final PointLines NONE = new PointLines(null, -1, 0);

  private final Upstream upstream;
  private final int output;
  private final int pointCount;

  PointLines(Upstream upstream, int output, int pointCount) {
    this.upstream = upstream;
    this.output = output;
    this.pointCount = pointCount;
  }

  /** For reports built by hand (tests, fixtures): these lines, each one point. */
  public static PointLines of(int... lines) {
    return lines.length == 0 ? NONE : new PointLines(Upstream.fixed(lines), 0, lines.length);
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
    if (pointCount > 0) {
      upstream.forEachLine(output, Integer.MAX_VALUE, action);
    }
  }

  /** The first {@code limit} lines, in increasing order. */
  public List<Integer> first(int limit) {
    List<Integer> lines = new ArrayList<>();
    if (pointCount > 0) {
      upstream.forEachLine(output, limit, lines::add);
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

package calm.analysis.calm;

import java.util.List;

/** What the CALM analysis found in one program. */
public record CalmReport(List<CoordinationPoint> points, List<OutputVerdict> outputs) {
  public static final CalmReport EMPTY = new CalmReport(List.of(), List.of());

  public CalmReport {
    points = List.copyOf(points);
    outputs = List.copyOf(outputs);
  }

  public boolean hasOpenPoint() {
    return points.stream().anyMatch(p -> p.status() == PointStatus.UNACKNOWLEDGED);
  }
}

package calm.analysis.calm;

import java.util.List;

/** What the CALM analysis found in one program: its points, output verdicts and constraint verdicts. */
public record CalmReport(
    List<CoordinationPoint> points, List<OutputVerdict> outputs, List<ConstraintVerdict> constraints) {
  public static final CalmReport EMPTY = new CalmReport(List.of(), List.of(), List.of());

  public CalmReport {
    points = List.copyOf(points);
    outputs = List.copyOf(outputs);
    constraints = List.copyOf(constraints);
  }

  /** A report of a program without constraints. */
  public CalmReport(List<CoordinationPoint> points, List<OutputVerdict> outputs) {
    this(points, outputs, List.of());
  }

  public boolean hasOpenPoint() {
    return points.stream().anyMatch(p -> p.status() == PointStatus.UNACKNOWLEDGED);
  }
}

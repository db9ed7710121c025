package calm.analysis.calm;

import calm.syntax.Constraint;
import java.util.List;

/**
 * The static verdict on one integrity constraint (§12 Integrity constraints) and what threatens it.
 *
 * @param pointLines the lines of the coordination points upstream of what the constraint reads, in
 *     increasing order
 * @param threats why it is not schedule-independent, in the order reported (empty when it is)
 */
public record ConstraintVerdict(
    Constraint constraint, Kind verdict, List<Integer> pointLines, List<ConstraintThreat> threats) {
  public ConstraintVerdict {
    pointLines = List.copyOf(pointLines);
    threats = List.copyOf(threats);
  }

  /** The four verdicts of §12 Integrity constraints, from best to worst. */
  public enum Kind {
    SCHEDULE_INDEPENDENT("schedule-independent"),
    SEALED("sealed"),
    COORDINATED("coordinated"),
    ORDER_DEPENDENT("order-dependent");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** As in JSON: {@code order-dependent}. */
    public String label() {
      return label;
    }

    /** As in prose: {@code order dependent}. */
    public String words() {
      return label.replace('-', ' ');
    }

    static Kind of(PointStatus status) {
      return switch (status) {
        case SEALED -> SEALED;
        case ACKNOWLEDGED -> COORDINATED;
        case UNACKNOWLEDGED -> ORDER_DEPENDENT;
      };
    }

    Kind worse(Kind other) {
      return other.ordinal() > ordinal() ? other : this;
    }
  }

  /** Whether the explorer must find it violated in every run or in none (among runs that keep seals). */
  public boolean predictsAllOrNone() {
    return verdict == Kind.SCHEDULE_INDEPENDENT || verdict == Kind.SEALED;
  }
}

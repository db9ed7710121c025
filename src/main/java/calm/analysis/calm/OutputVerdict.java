package calm.analysis.calm;

import java.util.List;

/** The verdict for one output relation and the lines of the points upstream of it. */
public record OutputVerdict(String relation, Verdict verdict, List<Integer> pointLines) {
  public OutputVerdict {
    pointLines = List.copyOf(pointLines);
  }
}

package calm.eval.explore;

import java.util.List;

/**
 * One of a witness's two schedules: the explored run it came from ({@code run}, {@code seed}), the
 * shrunk schedule's replay token, what the output held there, what only this side held, and its
 * timeline.
 */
public record ScheduleSide(
    int run, String seed, String replay, Outcome outcome, List<OutputFact> only, List<TimelineTick> timeline) {
  public ScheduleSide {
    only = List.copyOf(only);
    timeline = List.copyOf(timeline);
  }
}

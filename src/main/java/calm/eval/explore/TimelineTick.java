package calm.eval.explore;

import java.util.List;

/** What happened in one tick of a run, across its nodes (quiet ticks are left out of a timeline). */
public record TimelineTick(int tick, List<TimelineEvent> events) {
  public TimelineTick {
    events = List.copyOf(events);
  }
}

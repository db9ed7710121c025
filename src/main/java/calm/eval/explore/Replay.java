package calm.eval.explore;

import calm.eval.ConstraintViolation;
import calm.eval.SealViolation;
import java.util.List;
import java.util.Optional;

/**
 * One schedule run again to be shown: its token, the choices it made that differ from the prompt
 * schedule (numbered as replay tokens number them), its timeline, and per output what was observed
 * and what was final; the first violation of each constraint it violated.
 */
public record Replay(
    String token,
    List<Choice> choices,
    List<TimelineTick> timeline,
    List<ReplayedOutput> outputs,
    Optional<SealViolation> violation,
    Optional<String> error,
    List<ConstraintViolation> constraintViolations) {

  public Replay {
    constraintViolations = List.copyOf(constraintViolations);
  }

  /** A non-prompt choice: the {@code number}-th envelope met, and what the schedule did with it. */
  public record Choice(int number, String fact, String route, String decision) {}

  public record ReplayedOutput(String relation, Outcome observed, Outcome finals) {}
}

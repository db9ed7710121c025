package calm.eval.explore;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A seed's schedule with only some of its choices kept — the others are {@link Decision#PROMPT} —
 * which is what the shrinker makes. The kept choices are numbered by the order in which the seed's
 * full run met their envelopes, so that {@code SEED:3,7d} is a replay token: keep choices 3 and 7,
 * but of 7 only its delay ({@code d}: no duplicate delivery).
 *
 * @param kept per kept key, whether its duplicate delivery is kept too
 * @param numbers the same choices by number
 */
public record MaskedSchedule(RandomSchedule base, Map<Long, Boolean> kept, Map<Integer, Boolean> numbers)
    implements Schedule {
  public MaskedSchedule {
    kept = Map.copyOf(kept);
    numbers = Map.copyOf(numbers);
  }

  @Override
  public Decision decide(long key, boolean input) {
    Boolean withDuplicate = kept.get(key);
    if (withDuplicate == null) {
      return Decision.PROMPT;
    }
    Decision d = base.decide(key, input);
    return withDuplicate ? d : new Decision(d.delay(), 0);
  }

  @Override
  public String token() {
    if (numbers.isEmpty()) {
      return base.token() + ":none";
    }
    return base.token() + ":" + new TreeMap<>(numbers).entrySet().stream()
        .map(e -> e.getKey() + (e.getValue() ? "" : "d")).collect(Collectors.joining(","));
  }
}

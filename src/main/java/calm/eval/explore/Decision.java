package calm.eval.explore;

/**
 * What a schedule does with one envelope: how many ticks later than the earliest possible it
 * arrives, and whether (and how many ticks after that) a second copy arrives. The default —
 * {@link #PROMPT} — is the schedule of {@code calm run}: next tick, once.
 */
public record Decision(int delay, int duplicateAfter) {
  public static final Decision PROMPT = new Decision(0, 0);

  public boolean isPrompt() {
    return delay == 0 && duplicateAfter == 0;
  }

  public boolean duplicates() {
    return duplicateAfter > 0;
  }

  /** {@code next tick}, {@code +2 ticks}, {@code +1 tick, again 2 later}. */
  public String describe(boolean input) {
    String when = delay == 0 ? (input ? "tick 1" : "next tick")
        : input ? "tick " + (1 + delay) : "+" + delay + " tick" + (delay == 1 ? "" : "s");
    return duplicateAfter == 0 ? when : when + ", again " + duplicateAfter + " later";
  }
}

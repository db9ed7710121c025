package calm.eval.explore;

/**
 * The choices of one run, per envelope. An envelope is named by its {@code key}: its content and
 * route (and, for a message sent several times, which sending), so that the same message gets the
 * same choice whatever happened before it.
 */
public interface Schedule {
  Decision decide(long key, boolean input);

  /** The replay token (§ --replay) of this schedule. */
  String token();
}

package calm.eval;

/**
 * The run's bound on facts held at once, over every node and relation. Exceeding it names the
 * relation that was growing, since that is where a runaway rule is.
 */
final class FactBudget {
  private final long limit;
  private long held;

  FactBudget(long limit) {
    this.limit = limit;
  }

  void added(Relation relation) {
    if (++held > limit) {
      throw new RunError(
          "the run holds more than "
              + limit
              + " facts (bound --max-facts); relation '"
              + relation.name()
              + "' was growing when the bound was reached");
    }
  }

  void addedMany(Relation relation, int count) {
    held += count - 1;
    added(relation);
  }

  void removed(long count) {
    held -= count;
  }

  long held() {
    return held;
  }
}

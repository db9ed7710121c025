package calm.analysis.calm;

import calm.syntax.Literal;
import calm.source.Span;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One kind of coordination point (§8 The CALM analysis; §11 Keyed tables, lattices and extern
 * tables, for snapshots): how to find it in a rule, how its reasons read, what seals can cover it
 * and what to suggest. Each kind is one class, registered in {@link PointFinders}.
 */
interface PointFinder {
  PointKind kind();

  /**
   * Adds this kind's reason literals to the point of {@code draft.rule}, if it has any.
   *
   * @param asynchronous the body literals that read an asynchronous relation, in body order
   */
  void find(PointDraft draft, List<Literal> asynchronous);

  /**
   * The reason literals the reported path should go through, when the kind prefers some (never
   * empty when the kind has reasons).
   */
  default List<Literal> primary(PointDraft draft) {
    return draft.reasons(kind());
  }

  /** The note on one reason literal. */
  String reason(PointDraft draft, Literal literal);

  /**
   * The seal applications in the rule that can cover this kind's literals (§5 Annotations and
   * seals).
   */
  default List<SealApplication> usableSeals(PointDraft draft, List<SealApplication> applications) {
    return applications;
  }

  /** Whether any seal can cover this kind. */
  default boolean sealable() {
    return true;
  }

  /** Whether a reason literal that is a seal's guard counts as covered. */
  default boolean guardCovers() {
    return true;
  }

  /** Notes beyond one per reason (the other atom of a race, why an aggregate is not monotone). */
  default void notes(PointDraft draft, BiConsumer<Span, String> note) {}

  /** This kind's remedies, given the point's other kinds. */
  default void help(PointDraft draft, List<String> help) {}
}

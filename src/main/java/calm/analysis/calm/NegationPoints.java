package calm.analysis.calm;

import static calm.analysis.calm.PointContext.relationOf;

import calm.syntax.Literal;
import calm.syntax.NegatedLiteral;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Points of kind {@code negation} (§8 The CALM analysis: negation): a rule that negates an
 * asynchronous relation decides on an absence that a later message can end.
 */
final class NegationPoints implements PointFinder {
  private final SealAdvice advice;
  /**
   * The help for each negated relation, made once: a large program's points negate the same relations
   * again and again, and their diagnostics are written on several threads at once.
   */
  private final Map<String, String> helpFor = new ConcurrentHashMap<>();

  NegationPoints(SealAdvice advice) {
    this.advice = advice;
  }

  @Override
  public PointKind kind() {
    return PointKind.NEGATION;
  }

  @Override
  public void find(PointDraft draft, List<Literal> asynchronous) {
    for (Literal literal : asynchronous) {
      if (literal instanceof NegatedLiteral) {
        draft.add(PointKind.NEGATION, literal);
      }
    }
  }

  @Override
  public String reason(PointDraft draft, Literal literal) {
    return "negation of asynchronous `" + relationOf(literal) + "`: its absence now says nothing about later";
  }

  /**
   * A negated atom is covered when it is sealed; being the guard proves nothing about its absence
   * (§5 Annotations and seals).
   */
  @Override
  public boolean guardCovers() {
    return false;
  }

  @Override
  public void help(PointDraft draft, List<String> help) {
    if (!draft.has(PointKind.DELETION)) {
      String negated = relationOf(draft.reasons(PointKind.NEGATION).get(0));
      String made = helpFor.get(negated);
      help.add(made != null ? made : helpFor.computeIfAbsent(negated, this::writeHelp));
    }
  }

  private String writeHelp(String negated) {
    return advice.sealAdvice(negated) + " and " + PointHelp.GUARD_IN_RULE + "; " + SealAdvice.GUARD_MUST_BE_WRITTEN;
  }
}

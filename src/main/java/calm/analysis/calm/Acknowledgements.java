package calm.analysis.calm;

import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.Annotation;
import calm.syntax.Rule;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code @coordinated} on a rule (§5 Annotations and seals): it acknowledges the rule's open point,
 * and is reported when there is no point, or when a seal already covers it.
 */
final class Acknowledgements {
  private Acknowledgements() {}

  /**
   * Applies the rule's annotation, if any, to its point (null when the rule has none), after the seals
   * decided the point's status.
   */
  static void apply(Rule rule, PointDraft point, Consumer<Diagnostic> out) {
    Optional<Annotation> coordinated = rule.annotation().filter(a -> a.name().text().equals("coordinated"));
    if (coordinated.isEmpty()) {
      return;
    }
    if (point == null) {
      out.accept(
          Diagnostic.of(
                  Code.COORDINATED_WITHOUT_POINT,
                  coordinated.get().span(),
                  "@coordinated on a rule with no coordination point: nothing here depends on the"
                      + " order of asynchronous events")
              .withHelp("remove the annotation"));
    } else if (point.status == PointStatus.SEALED) {
      out.accept(
          Diagnostic.of(
                  Code.COORDINATED_WITHOUT_POINT,
                  coordinated.get().span(),
                  "@coordinated on a rule whose coordination point is already sealed by "
                      + SealAdvice.sealText(point.sealedBy.iterator().next())
                      + "; the point stays sealed")
              .withHelp("remove the annotation, or remove the seal if the deployment coordinates instead"));
    } else {
      point.status = PointStatus.ACKNOWLEDGED;
    }
  }
}

package calm.analysis;

import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.Item;
import calm.syntax.Rule;
import java.util.function.Consumer;

/** E401: {@code @coordinated} must say why the deployment coordinates; an empty or blank reason does not. */
final class CoordinatedReasonCheck implements ItemCheck {
  @Override
  public void checkItem(CheckContext context, Item item, int index, Consumer<Diagnostic> report) {
    if (item instanceof Rule rule) {
      rule.annotation()
          .filter(a -> a.reason().isBlank())
          .ifPresent(
              a ->
                  report.accept(
                      Diagnostic.of(
                              Code.EMPTY_COORDINATION_REASON,
                              a.reasonSpan(),
                              "@coordinated needs a reason, but this one is "
                                  + (a.reason().isEmpty() ? "empty" : "blank"))
                          .withHelp(
                              "say how the deployment coordinates here, e.g. "
                                  + "@coordinated(\"checkout runs through the payment service's 2PC\")")));
    }
  }
}

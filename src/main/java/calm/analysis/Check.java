package calm.analysis;

import calm.diagnostics.Diagnostic;
import java.util.function.Consumer;

/**
 * One semantic check of a parsed program. Each implementation reports a family of related codes and
 * nothing else; {@link Checker} runs them all.
 */
public interface Check {
  void check(CheckContext context, Consumer<Diagnostic> report);
}

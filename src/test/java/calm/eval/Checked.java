package calm.eval;

import calm.analysis.CheckedProgram;
import calm.analysis.Checker;
import calm.syntax.SourceFile;
import java.util.stream.Collectors;

/** Program texts for tests of the engine, checked as {@code calm run} checks them. */
public final class Checked {
  private Checked() {}

  /** The checked program, or a failed test that lists the text's errors. */
  public static CheckedProgram program(String name, String text) {
    Checker.Outcome outcome = Checker.withoutCalmAnalysis().run(new SourceFile(name, text));
    return outcome.checked().orElseThrow(() -> new AssertionError(
        "the checks reject " + name + ":\n" + text + "\n" + outcome.report().diagnostics().stream()
            .filter(calm.diagnostics.Diagnostic::isError)
            .map(d -> d.span().line() + ":" + d.span().column() + " " + d.code().id() + " " + d.message())
            .collect(Collectors.joining("\n"))));
  }

  /** The checked program compiled for the engine. */
  public static CompiledProgram compile(String name, String text) {
    return CompiledProgram.compile(program(name, text));
  }
}

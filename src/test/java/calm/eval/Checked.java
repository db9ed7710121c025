package calm.eval;

import calm.analysis.CheckedProgram;
import calm.analysis.Checker;
import calm.syntax.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

  /** Every program under {@code examples/} that the checks accept, compiled, by file, in path order. */
  public static Map<Path, CompiledProgram> examples() {
    Map<Path, CompiledProgram> programs = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(Path.of("examples"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".calm")).sorted().toList()) {
        Checker.withoutCalmAnalysis().run(new SourceFile(file.toString(), Files.readString(file))).checked()
            .ifPresent(checked -> programs.put(file, CompiledProgram.compile(checked)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return programs;
  }
}

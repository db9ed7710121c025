package calm.cli;

import calm.export.SouffleExport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code calm export --souffle}: the program's stratified Datalog core as a Soufflé program. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Writes a program's stratified Datalog core (tables, scratch views, facts, rules, negation,"
            + " aggregates) as a Soufflé program with .input and .output directives, so that data too big"
            + " for Calm's interpreter runs on Soufflé. Channels, inputs, @next, @async, delete, @update,"
            + " keys and lattices have no Soufflé meaning: each is an error with its place (exit 2).")
final class ExportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "the .calm program to export")
  Path file;

  @Option(
      names = "--souffle",
      required = true,
      description = "write Soufflé Datalog (the only target so far)")
  boolean souffle;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "OUT",
      description = "write the program to this file instead of standard output")
  Path output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      ProgramLoader.Checked checked;
      try {
        checked = new ProgramLoader("calm export", "nothing was exported", err::println).check(file);
      } catch (ProgramLoader.Stop stop) {
        return stop.status;
      }
      SouffleExport.Result result = SouffleExport.of(checked.program());
      if (!result.ok()) {
        String where = SourceLoader.display(file);
        for (SouffleExport.Refusal r : result.refusals()) {
          err.println(where + ":" + r.span().line() + ":" + r.span().column() + ": cannot export: " + r.message());
        }
        err.println("calm export: nothing was exported");
        return ExitCodes.FAILURE;
      }
      if (output == null) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(SafeText.forFilter(result.text()));
        out.flush();
        return ExitCodes.OK;
      }
      try {
        AtomicFiles.write(output, w -> w.write(result.text()));
      } catch (IOException e) {
        err.println("calm export: cannot write " + output + ": " + SourceLoader.reason(e));
        return ExitCodes.FAILURE;
      }
      return ExitCodes.OK;
    } finally {
      err.flush();
    }
  }
}

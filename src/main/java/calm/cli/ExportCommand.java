package calm.cli;

import calm.export.SouffleExport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code calm export --souffle}: the program's stratified Datalog core as a Soufflé program. Declared
 * through picocli's programmatic API ({@link #spec()}), as every short command is.
 */
final class ExportCommand implements Callable<Integer> {
  private CommandSpec spec;
  private Path file;
  private Path output;

  /** The command's model: its options, in the order {@code --help} lists them. */
  static CommandSpec spec() {
    ExportCommand command = new ExportCommand();
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
    command.spec = spec;
    spec.name("export");
    spec.usageMessage().description(
        "Writes a program's stratified Datalog core (tables, scratch views, facts, rules, negation,"
            + " aggregates) as a Soufflé program with .input and .output directives, so that data too big"
            + " for Calm's interpreter runs on Soufflé. Channels, inputs, @next, @async, delete, @update,"
            + " keys and lattices have no Soufflé meaning: each is an error with its place (exit 2).");
    spec.addPositional(PositionalParamSpec.builder().index("0").arity("1").required(true).paramLabel("FILE")
        .type(Path.class).description("the .calm program to export").build());
    spec.addOption(OptionSpec.builder("--souffle").required(true).type(boolean.class)
        .description("write Soufflé Datalog (the only target so far)").build());
    spec.addOption(OptionSpec.builder("-o", "--output").paramLabel("OUT").type(Path.class)
        .description("write the program to this file instead of standard output").build());
    StandardHelpOptions.addTo(spec); // last, where picocli puts a mixin's (the completion script lists them in order)
    return spec;
  }

  @Override
  public Integer call() {
    file = spec.positionalParameters().get(0).getValue();
    output = spec.findOption("--output").getValue();
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

package calm.cli;

import java.io.OutputStreamWriter;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code calm} command line. */
@Command(
    name = "calm",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Finds where a distributed rule program needs coordination (CALM), and runs it.",
    subcommands = {
      CheckCommand.class,
      ExplainCommand.class,
      GraphCommand.class,
      ExportCommand.class,
      RunCommand.class,
      ExploreCommand.class,
      calm.lsp.LspCommand.class,
      ServeCommand.class,
      CommandLine.HelpCommand.class,
      picocli.AutoComplete.GenerateCompletion.class
    })
public final class Main implements Callable<Integer> {
  /** Deep but legal programs recurse deeply in the parser and the analyses; give them room. */
  private static final long STACK_BYTES = 512L * 1024 * 1024;

  @Spec CommandSpec spec;

  /** {@code calm} alone did not say what to do: the usage goes to standard error, and it is exit 2. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.FAILURE;
  }

  public static void main(String[] args) throws InterruptedException {
    int[] exit = {ExitCodes.FAILURE};
    // A helper thread (a parse half, a check) that dies hands its failure to the thread that waits
    // for it; what reaches the user is that thread's one line, never a JVM stack trace.
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {});
    Thread worker = new Thread(null, () -> exit[0] = executeWithinLimits(args), "calm", STACK_BYTES);
    worker.start();
    worker.join();
    System.out.flush();
    System.exit(exit[0]);
  }

  /**
   * Errors of the JVM itself escape picocli's handlers; they still get one clear line, not a stack
   * trace. By the time they are caught the work's memory is unreachable, so printing is safe.
   */
  private static int executeWithinLimits(String[] args) {
    try {
      return execute(args);
    } catch (OutOfMemoryError e) {
      System.err.println(
          "calm: out of memory; give Java more heap with CALM_JAVA_OPTS=-Xmx16g"
              + " (the default is a quarter of the machine's memory)");
    } catch (StackOverflowError e) {
      System.err.println("calm: the input nests too deeply for the stack");
    } catch (Throwable e) {
      System.err.println("calm: internal error: " + e);
    }
    return ExitCodes.FAILURE;
  }

  /**
   * Runs one command line and returns its exit status; never throws. A report that could not be
   * written (a full disk, a closed standard output) is a failure of the command, not a success.
   */
  public static int execute(String... args) {
    SafeText.Filter out =
        SafeText.writer(new Utf8Writer(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16)));
    PrintWriter err =
        new PrintWriter(SafeText.writer(new OutputStreamWriter(System.err, StandardCharsets.UTF_8)), true);
    int status = run(new PrintWriter(out, true), err, args);
    if (out.failure() != null) {
      err.println("calm: cannot write to standard output: " + SourceLoader.reason(out.failure())
          + "; the output is incomplete");
      return ExitCodes.FAILURE;
    }
    return status;
  }

  /** As {@link #execute(String...)}, writing to the given streams (tests capture them this way). */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    return run(new PrintWriter(SafeText.writer(out), true), new PrintWriter(SafeText.writer(err), true), args);
  }

  /** Runs a command line with streams that already escape what a terminal must not see. */
  private static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.registerConverter(java.nio.file.Path.class, new PathConverter());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("calm: internal error: " + e);
          cmd.getErr().println("calm: please report this with the input that caused it");
          return ExitCodes.FAILURE;
        });
    commandLine.setParameterExceptionHandler(
        (e, argv) -> {
          CommandLine cmd = e.getCommandLine();
          boolean root = cmd.getCommandSpec().parent() == null;
          cmd.getErr().println("calm: " + DidYouMean.message(e));
          DidYouMean.suggestion(e).ifPresent(cmd.getErr()::println);
          cmd.getErr().println(
              "Try '" + (root ? "calm --help" : "calm help " + cmd.getCommandName()) + "' for more information.");
          return ExitCodes.FAILURE;
        });
    commandLine.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
    commandLine.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, new CommandList());
    try {
      return commandLine.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }
}

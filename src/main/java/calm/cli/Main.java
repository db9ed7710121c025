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
    // A helper thread whose failure nobody waits for would otherwise die with a JVM stack trace and
    // leave the command to exit as if nothing happened.
    Thread.setDefaultUncaughtExceptionHandler(InternalFailure.handler(
        new PrintWriter(SafeText.writer(new OutputStreamWriter(System.err, StandardCharsets.UTF_8)), true),
        InternalFailure.debug(), System::exit));
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
      System.err.println(InternalFailure.OUT_OF_MEMORY);
    } catch (StackOverflowError e) {
      System.err.println("calm: the input nests too deeply for the stack");
    } catch (Throwable e) {
      System.err.print(InternalFailure.message("", e, InternalFailure.debug()));
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

  /**
   * Runs command line after command line on one thread, building the commands' model once: for
   * callers that run thousands (the fuzzer), where building it is most of the cost of a small input.
   * picocli resets every option to its default before each parse; the commands keep no other state
   * from one call to the next.
   */
  public static final class Reusable {
    private final CommandLine commandLine = configured();

    /** As {@link Main#execute(PrintWriter, PrintWriter, String...)}; only ever from one thread. */
    public int execute(PrintWriter out, PrintWriter err, String... args) {
      return Main.run(commandLine, new PrintWriter(SafeText.writer(out), true),
          new PrintWriter(SafeText.writer(err), true), args);
    }
  }

  /** Runs a command line with streams that already escape what a terminal must not see. */
  private static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(configured(), out, err, args);
  }

  private static int run(CommandLine commandLine, PrintWriter out, PrintWriter err, String... args) {
    commandLine.setOut(out);
    commandLine.setErr(err);
    try {
      return commandLine.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static CommandLine configured() {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.registerConverter(java.nio.file.Path.class, new PathConverter());
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().print(InternalFailure.message("", e, InternalFailure.debug()));
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
    return commandLine;
  }
}

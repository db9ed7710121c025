package calm.cli;

import java.io.OutputStreamWriter;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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
      RunCommand.class,
      ExploreCommand.class,
      ServeCommand.class,
      CommandLine.HelpCommand.class,
      picocli.AutoComplete.GenerateCompletion.class
    })
public final class Main implements Runnable {
  /** Deep but legal programs recurse deeply in the parser and the analyses; give them room. */
  private static final long STACK_BYTES = 512L * 1024 * 1024;

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
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

  /** Runs one command line and returns its exit status; never throws. */
  public static int execute(String... args) {
    return execute(
        new PrintWriter(new Utf8Writer(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16)), true),
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
        args);
  }

  /** As {@link #execute(String...)}, writing to the given streams (tests capture them this way). */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new Main());
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
          cmd.getErr().println("calm: " + e.getMessage());
          cmd.getErr().println("Try 'calm help " + cmd.getCommandName() + "' for more information.");
          return ExitCodes.FAILURE;
        });
    commandLine.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
    try {
      return commandLine.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }
}

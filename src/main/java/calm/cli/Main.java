package calm.cli;

import java.io.OutputStreamWriter;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code calm} command line. The root command and every command that ends in seconds ({@code
 * check}, {@code explain}, {@code graph}, {@code export}, {@code run}, {@code explore}) are declared
 * through picocli's programmatic API ({@link #rootSpec()}, {@link CheckCommand#spec()}...): reading
 * annotations at start-up makes the JDK generate a proxy class per annotation type, in the
 * interpreter, a quarter of a small {@code calm run}'s own start-up (docs/benchmarks.md, "Start-up,
 * aggregation and negation"; 30-40 ms of a small check's, "Fourteenth round"). The servers, which
 * start once and run for hours ({@code lsp}, {@code serve}), keep their annotations;
 * {@code UsageGoldenTest} holds every command's usage, whichever way it is declared.
 */
public final class Main implements Callable<Integer> {
  /**
   * The subcommands, by name, in the order {@code calm --help} lists them. picocli builds the model
   * of every registered command by reflection when the command line is made: for all ten that was
   * two thirds of a small {@code calm run}'s CPU before the first tick (docs/benchmarks.md, "Start-up
   * and footprint"). A command line that names one of these first only ever runs that one, so only
   * it is registered; anything else (no arguments, {@code help}, an option, a typo) gets them all.
   * (Picocli's {@code setCommandLine} of the converters and handlers below reaches only subcommands
   * registered before, which both ways are.) Each is given as what picocli registers for it: the
   * model of a command declared through the API (made only when it is registered), or an annotated
   * command's class.
   */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
    commands.put("check", CheckCommand::spec);
    commands.put("explain", ExplainCommand::spec);
    commands.put("graph", GraphCommand::spec);
    commands.put("export", ExportCommand::spec);
    commands.put("run", RunCommand::spec);
    commands.put("explore", ExploreCommand::spec);
    commands.put("lsp", () -> calm.lsp.LspCommand.class);
    commands.put("serve", () -> ServeCommand.class);
    commands.put("help", () -> CommandLine.HelpCommand.class);
    commands.put("generate-completion", () -> picocli.AutoComplete.GenerateCompletion.class);
    return Collections.unmodifiableMap(commands);
  }
  /** What {@code -V} prints, for the root and every subcommand. */
  private static final VersionProvider VERSION = new VersionProvider();

  /** Deep but legal programs recurse deeply in the parser and the analyses; give them room. */
  private static final long STACK_BYTES = 512L * 1024 * 1024;

  private CommandSpec spec;

  /** The root command's model: {@code calm --help} and {@code calm --version}. */
  private static CommandSpec rootSpec() {
    Main main = new Main();
    CommandSpec spec = CommandSpec.wrapWithoutInspection(main);
    main.spec = spec;
    spec.name("calm");
    spec.versionProvider(VERSION);
    spec.usageMessage().description(
        "Finds where a distributed rule program needs coordination (CALM), and runs it.");
    StandardHelpOptions.addTo(spec);
    return spec;
  }

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
    int status = run(SafeText.printer(out), err, args);
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
    private final CommandLine commandLine = configured(null);

    /** As {@link Main#execute(PrintWriter, PrintWriter, String...)}; only ever from one thread. */
    public int execute(PrintWriter out, PrintWriter err, String... args) {
      return Main.run(commandLine, new PrintWriter(SafeText.writer(out), true),
          new PrintWriter(SafeText.writer(err), true), args);
    }
  }

  /** Runs a command line with streams that already escape what a terminal must not see. */
  private static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(configured(args.length > 0 ? args[0] : null), out, err, args);
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

  /**
   * Picocli registers a converter for every JDK type it knows when a command line is made, finding
   * those of {@code java.sql} and {@code java.time} by reflection, which loads and links their classes:
   * a seventh of a small run's own start-up once the annotations were gone (JFR, docs/benchmarks.md
   * "Start-up, aggregation and negation"). No option of Calm has such a type, and {@code Path} has a
   * converter of its own ({@link PathConverter}), so picocli's documented switch leaves them out,
   * unless whoever starts the JVM set it.
   */
  private static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

  /**
   * Picocli's default factory looks for Groovy's closure class when it is first used, and that search
   * for a class nobody has opens the jar and reads the directory of its 6,000 entries, in the
   * interpreter: 17-19 ms of every start, the only time a command whose classes all come from the
   * class-data archive opens the jar at all. Calm has no Groovy; picocli's documented switch skips
   * the search, unless whoever starts the JVM set it.
   */
  private static final String NO_CLOSURES = "picocli.disable.closures";

  /** The command line, with only the subcommand {@code first} names when it names one that runs alone. */
  private static CommandLine configured(String first) {
    if (System.getProperty(CONVERTER_EXCLUDES) == null) {
      System.setProperty(CONVERTER_EXCLUDES, "java\\.(sql|time)\\..*,java\\.nio\\.file\\.Path");
    }
    if (System.getProperty(NO_CLOSURES) == null) {
      System.setProperty(NO_CLOSURES, "true");
    }
    CommandLine commandLine = new CommandLine(rootSpec());
    // help and the completion script describe every command
    boolean aboutAll = first == null || first.equals("help") || first.equals("generate-completion");
    Supplier<Object> alone = aboutAll ? null : SUBCOMMANDS.get(first);
    if (alone != null) {
      commandLine.addSubcommand(alone.get());
    }
    // a name in the table above that is not the command's own would otherwise go unnoticed here
    if (alone == null || !commandLine.getSubcommands().containsKey(first)) {
      commandLine = new CommandLine(rootSpec());
      for (Supplier<Object> command : SUBCOMMANDS.values()) {
        commandLine.addSubcommand(command.get());
      }
      commandLine.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
      commandLine.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, new CommandList());
    }
    // -V of every command prints the version (a command without a provider printed nothing and exited 0)
    for (CommandLine command : commandLine.getSubcommands().values()) {
      command.getCommandSpec().versionProvider(VERSION);
    }
    commandLine.registerConverter(java.nio.file.Path.class, new PathConverter());
    commandLine.setExecutionExceptionHandler(new Failures());
    commandLine.setParameterExceptionHandler(new Failures());
    return commandLine;
  }

  /**
   * How a command's failure and a bad command line are told. A class, not two lambdas: picocli's
   * interfaces are Java 5 classes, so the class-data-sharing archive cannot hold lambdas of them, and
   * each would be spun anew at every start.
   */
  private static final class Failures
      implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
      cmd.getErr().print(InternalFailure.message("", e, InternalFailure.debug()));
      return ExitCodes.FAILURE;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] argv) {
      CommandLine cmd = e.getCommandLine();
      boolean root = cmd.getCommandSpec().parent() == null;
      cmd.getErr().println("calm: " + DidYouMean.message(e));
      DidYouMean.suggestion(e).ifPresent(cmd.getErr()::println);
      cmd.getErr().println(
          "Try '" + (root ? "calm --help" : "calm help " + cmd.getCommandName()) + "' for more information.");
      return ExitCodes.FAILURE;
    }
  }
}

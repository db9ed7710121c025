package calm.cli;

import calm.analysis.FileReport;
import calm.analysis.calm.ConstraintVerdict;
import calm.analysis.calm.OutputVerdict;
import calm.analysis.calm.Verdict;
import calm.eval.CompiledProgram;
import calm.eval.FactsFormatException;
import calm.eval.RunLimits;
import calm.eval.Scenario;
import calm.eval.ScenarioParser;
import calm.eval.explore.ExploreSettings;
import calm.eval.explore.Exploration;
import calm.eval.explore.Explorer;
import calm.eval.explore.Replay;
import calm.syntax.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code calm explore}: runs a program under many schedules and compares its outputs (§9 The
 * explorer). Its model is declared through picocli's programmatic API ({@link #spec()}), as
 * {@code check}'s and {@code run}'s are, so that no annotation proxy is generated at its start.
 */
final class ExploreCommand implements Callable<Integer> {
  enum Format { text, json }

  private CommandSpec spec;
  private Path programPath;
  private Path scenarioPath;
  private int runs;
  private long seed;
  private Format format;
  private String replay;
  private boolean expectConfluent;
  private boolean breakSeals;
  private boolean expectInvariants;
  private int maxTicks;
  private long maxFacts;
  private int maxDelay;
  private Integer jobs;
  private boolean stats;
  private ColorChoice color;

  /** The command's model: its options, in the order {@code --help} lists them. */
  static CommandSpec spec() {
    ExploreCommand command = new ExploreCommand();
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
    command.spec = spec;
    spec.name("explore");
    spec.usageMessage().description(
        "Runs a program under many seeded message schedules (delays, reorderings, duplicate deliveries,",
        "input arrival times) and shows, per output, how many distinct outcomes it saw next to the",
        "CALM analysis's verdict, with a shrunk witness for every output that differs.",
        "Exit status: 0 done; 1 errors in the program, a run that did not end, or (with",
        "--expect-confluent) an output that differs; 2 bad options or unreadable files.");
    spec.addPositional(PositionalParamSpec.builder().index("0").arity("1").required(true).paramLabel("PROG.calm")
        .type(Path.class).description("the program to explore").build());
    spec.addOption(OptionSpec.builder("--scenario").paramLabel("FILE").type(Path.class)
        .description("nodes, fact placement and input events ('input any ...' arrives when the schedule says)").build());
    spec.addOption(OptionSpec.builder("--runs").paramLabel("N").type(int.class).defaultValue("1000")
        .description("how many schedules to run (default: ${DEFAULT-VALUE})").build());
    spec.addOption(OptionSpec.builder("--seed").paramLabel("S").type(long.class).defaultValue("1")
        .description("seed of the schedules: the same seed gives the same runs (default: ${DEFAULT-VALUE})").build());
    spec.addOption(OptionSpec.builder("--format").paramLabel("FORMAT").type(Format.class).defaultValue("text")
        .description("${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})").build());
    spec.addOption(OptionSpec.builder("--replay").paramLabel("SEED").type(String.class)
        .description("run one schedule again and show its timeline: a run seed or a shrunk schedule as a witness prints it (e.g. 5e1f3a9c0b2d4e6f:2,7)")
        .build());
    spec.addOption(OptionSpec.builder("--expect-confluent").type(boolean.class)
        .description("exit 1 when any output shows two outcomes").build());
    spec.addOption(OptionSpec.builder("--break-seals").type(boolean.class)
        .description("let a seal's guard arrive before what it seals, to explore seal violations on purpose (default: schedules keep seals)")
        .build());
    spec.addOption(OptionSpec.builder("--expect-invariants").type(boolean.class)
        .description("exit 1 when any constraint is violated in any run").build());
    spec.addOption(OptionSpec.builder("--max-ticks").paramLabel("N").type(int.class)
        .defaultValue("" + ExploreSettings.DEFAULT_MAX_TICKS)
        .description("a run that needs more ticks does not end: an error (default: ${DEFAULT-VALUE})").build());
    spec.addOption(OptionSpec.builder("--max-facts").paramLabel("N").type(long.class)
        .defaultValue("" + RunLimits.DEFAULT_MAX_FACTS)
        .description("a run that holds more facts is an error (default: ${DEFAULT-VALUE})").build());
    spec.addOption(OptionSpec.builder("--max-delay").paramLabel("N").type(int.class)
        .defaultValue("" + ExploreSettings.DEFAULT_MAX_DELAY)
        .description("the most ticks a message may arrive late (default: ${DEFAULT-VALUE})").build());
    spec.addOption(OptionSpec.builder("--jobs").paramLabel("N").type(Integer.class)
        .description("threads running schedules (default: one per core); results do not depend on it").build());
    spec.addOption(OptionSpec.builder("--stats").type(boolean.class)
        .description("print to stderr how long exploring took (for bench/)").build());
    spec.addOption(OptionSpec.builder("--color").paramLabel("WHEN").type(ColorChoice.class).defaultValue("auto")
        .converters(new CheckCommand.ColorConverter()).completionCandidates(new CheckCommand.ColorConverter.Candidates())
        .description("highlight witness differences in colour: auto (a terminal, unless NO_COLOR is set), always or never (default: ${DEFAULT-VALUE}); JSON is never coloured")
        .build());
    StandardHelpOptions.addTo(spec); // last, where picocli puts a mixin's (the completion script lists them in order)
    return spec;
  }

  /** Takes the parsed values from the model (picocli resets them to their defaults before each parse). */
  private void readOptions() {
    programPath = spec.positionalParameters().get(0).getValue();
    scenarioPath = spec.findOption("--scenario").getValue();
    runs = spec.findOption("--runs").<Integer>getValue();
    seed = spec.findOption("--seed").<Long>getValue();
    format = spec.findOption("--format").getValue();
    replay = spec.findOption("--replay").getValue();
    expectConfluent = Flags.isSet(spec, "--expect-confluent");
    breakSeals = Flags.isSet(spec, "--break-seals");
    expectInvariants = Flags.isSet(spec, "--expect-invariants");
    maxTicks = spec.findOption("--max-ticks").<Integer>getValue();
    maxFacts = spec.findOption("--max-facts").<Long>getValue();
    maxDelay = spec.findOption("--max-delay").<Integer>getValue();
    jobs = spec.findOption("--jobs").getValue();
    stats = Flags.isSet(spec, "--stats");
    color = spec.findOption("--color").getValue();
  }

  private PrintWriter out;
  private PrintWriter err;

  @Override
  public Integer call() {
    readOptions();
    out = spec.commandLine().getOut();
    err = spec.commandLine().getErr();
    try {
      return explore();
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int explore() {
    if (runs < 1 || maxTicks < 1 || maxFacts < 1 || maxDelay < 1 || (jobs != null && jobs < 1)) {
      err.println("calm explore: --runs, --max-ticks, --max-facts, --max-delay and --jobs must be at least 1");
      return ExitCodes.FAILURE;
    }
    ProgramLoader loader = new ProgramLoader("calm explore", "nothing was run", err::println);
    ProgramLoader.Checked checked;
    CompiledProgram program;
    try {
      checked = loader.check(programPath);
      program = CompiledProgram.compile(checked.program());
    } catch (ProgramLoader.Stop stop) {
      return stop.status;
    }
    SourceFile source = checked.source();
    FileReport report = checked.report();
    Scenario scenario = Scenario.standalone();
    if (scenarioPath != null) {
      try {
        scenario = new ScenarioParser(program, scenarioPath.toString())
            .parse(ScenarioFiles.read(scenarioPath));
      } catch (FactsFormatException e) {
        err.println("calm explore: " + e.getMessage());
        return ExitCodes.FAILURE;
      } catch (IOException e) {
        err.println("calm explore: cannot read " + ProgramLoader.describe(e));
        return ExitCodes.FAILURE;
      }
    }
    ExploreSettings settings = new ExploreSettings(maxTicks, maxFacts, maxDelay,
        jobs != null ? jobs : Runtime.getRuntime().availableProcessors(), breakSeals);
    Explorer explorer;
    try {
      explorer = new Explorer(checked.program(), program, scenario, settings);
    } catch (IllegalArgumentException e) {
      err.println("calm explore: " + (scenarioPath != null ? scenarioPath + ": " : "") + e.getMessage());
      return ExitCodes.FAILURE;
    }
    String command = Invocation.command() + " explore " + Invocation.quoted(programPath.toString())
        + (scenarioPath != null ? " --scenario " + Invocation.quoted(scenarioPath.toString()) : "")
        + (maxDelay != ExploreSettings.DEFAULT_MAX_DELAY ? " --max-delay " + maxDelay : "")
        + (breakSeals ? " --break-seals" : "");
    Palette colour = format == Format.text ? color.palette(true) : Palette.NONE;

    if (replay != null) {
      Replay r;
      try {
        r = explorer.replay(replay);
      } catch (IllegalArgumentException e) {
        err.println("calm explore: " + e.getMessage());
        return ExitCodes.FAILURE;
      }
      out.print(format == Format.json ? ExploreJson.replay(r) : new ExploreText(colour, command).replay(r));
      if (r.error().isPresent()) {
        err.println(source.displayPath() + ": error: the replayed run " + r.error().get());
        return ExitCodes.FINDINGS;
      }
      return ExitCodes.OK;
    }

    Map<String, Verdict> verdicts = new HashMap<>();
    for (OutputVerdict v : report.calm().outputs()) {
      verdicts.put(v.relation(), v.verdict());
    }
    Map<calm.source.Span, ConstraintVerdict.Kind> constraintVerdicts = new HashMap<>();
    for (ConstraintVerdict v : report.calm().constraints()) {
      constraintVerdicts.put(v.constraint().turnstile(), v.verdict());
    }
    long started = System.nanoTime();
    Exploration exploration = explorer.explore(runs, seed, verdicts, constraintVerdicts);
    if (stats) {
      double seconds = (System.nanoTime() - started) / 1e9;
      err.printf("calm explore: %d schedules in %.2f s (%.0f schedules/s, %d threads, witnesses included)%n",
          exploration.completedRuns(), seconds, exploration.completedRuns() / seconds, settings.threads());
    }
    out.print(format == Format.json
        ? ExploreJson.exploration(exploration)
        : new ExploreText(colour, command).exploration(programPath.toString(), exploration));
    if (exploration.failure().isPresent()) {
      var f = exploration.failure().get();
      err.println(source.displayPath() + ": error: " + exploration.errorRuns() + " run"
          + (exploration.errorRuns() == 1 ? "" : "s") + " stopped with an error; the first, run " + f.run()
          + ", " + f.message());
      err.println("  replay it: " + command + " --replay " + f.seed());
      return ExitCodes.FINDINGS;
    }
    if (expectInvariants && exploration.anyConstraintViolated()) {
      return ExitCodes.FINDINGS;
    }
    return expectConfluent && exploration.anyDiffers() ? ExitCodes.FINDINGS : ExitCodes.OK;
  }
}

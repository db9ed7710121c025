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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code calm explore}: runs a program under many schedules and compares its outputs (§9 The explorer). */
@Command(
    name = "explore",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a program under many seeded message schedules (delays, reorderings, duplicate deliveries,",
      "input arrival times) and shows, per output, how many distinct outcomes it saw next to the",
      "CALM analysis's verdict, with a shrunk witness for every output that differs.",
      "Exit status: 0 done; 1 errors in the program, a run that did not end, or (with",
      "--expect-confluent) an output that differs; 2 bad options or unreadable files."
    })
final class ExploreCommand implements Callable<Integer> {
  enum Format { text, json }

  @Parameters(index = "0", paramLabel = "PROG.calm", description = "the program to explore")
  Path programPath;

  @Option(names = "--scenario", paramLabel = "FILE",
      description = "nodes, fact placement and input events ('input any ...' arrives when the schedule says)")
  Path scenarioPath;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "1000",
      description = "how many schedules to run (default: ${DEFAULT-VALUE})")
  int runs;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "seed of the schedules: the same seed gives the same runs (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  Format format;

  @Option(names = "--replay", paramLabel = "SEED",
      description = "run one schedule again and show its timeline: a run seed or a shrunk schedule as a witness prints it (e.g. 5e1f3a9c0b2d4e6f:2,7)")
  String replay;

  @Option(names = "--expect-confluent", description = "exit 1 when any output shows two outcomes")
  boolean expectConfluent;

  @Option(names = "--break-seals",
      description = "let a seal's guard arrive before what it seals, to explore seal violations on purpose (default: schedules keep seals)")
  boolean breakSeals;

  @Option(names = "--expect-invariants", description = "exit 1 when any constraint is violated in any run")
  boolean expectInvariants;

  @Option(names = "--max-ticks", paramLabel = "N", defaultValue = "" + ExploreSettings.DEFAULT_MAX_TICKS,
      description = "a run that needs more ticks does not end: an error (default: ${DEFAULT-VALUE})")
  int maxTicks;

  @Option(names = "--max-facts", paramLabel = "N", defaultValue = "" + RunLimits.DEFAULT_MAX_FACTS,
      description = "a run that holds more facts is an error (default: ${DEFAULT-VALUE})")
  long maxFacts;

  @Option(names = "--max-delay", paramLabel = "N", defaultValue = "" + ExploreSettings.DEFAULT_MAX_DELAY,
      description = "the most ticks a message may arrive late (default: ${DEFAULT-VALUE})")
  int maxDelay;

  @Option(names = "--jobs", paramLabel = "N", description = "threads running schedules (default: one per core); results do not depend on it")
  Integer jobs;

  @Option(names = "--stats", description = "print to stderr how long exploring took (for bench/)")
  boolean stats;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      converter = CheckCommand.ColorConverter.class,
      completionCandidates = CheckCommand.ColorConverter.Candidates.class,
      description = "highlight witness differences in colour: auto (a terminal, unless NO_COLOR is set), always or never (default: ${DEFAULT-VALUE}); JSON is never coloured")
  ColorChoice color;

  @Spec CommandSpec spec;

  private PrintWriter out;
  private PrintWriter err;

  @Override
  public Integer call() {
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

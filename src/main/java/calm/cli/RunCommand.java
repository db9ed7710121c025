package calm.cli;

import calm.analysis.Checker;
import calm.eval.CompiledProgram;
import calm.eval.ConstraintViolation;
import calm.eval.FactRows;
import calm.eval.FactsFiles;
import calm.eval.FactsFormatException;
import calm.eval.GroundFact;
import calm.eval.NextTickDelivery;
import calm.eval.NodeTick;
import calm.eval.Relation;
import calm.eval.Run;
import calm.eval.RunError;
import calm.eval.RunLimits;
import calm.eval.RunObserver;
import calm.eval.Scenario;
import calm.eval.ScenarioParser;
import calm.eval.World;
import calm.syntax.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code calm run}: runs a program to quiescence and prints its outputs (§6 Semantics, §7 Runs and nodes,
 * §10 What the commands promise to scripts).
 *
 * <p>Its options are declared through picocli's programmatic API ({@link #spec()}), not annotations: a
 * start that reads picocli's annotations has the JDK parse them and generate a proxy class per
 * annotation type, in the interpreter, which was a quarter of a small run's own start-up (JFR,
 * docs/benchmarks.md "Start-up, aggregation and negation"); {@code calm run ...} now reads none. The
 * usage text is the same as with annotations.
 */
final class RunCommand implements Callable<Integer> {
  enum Format { table, csv, json }

  Path programPath;
  Path factsDir;
  Path outputDir;
  Format format;
  Path scenarioPath;
  boolean trace;
  int maxTicks;
  long maxFacts;

  private CommandSpec spec;

  /** The command's model: what picocli parses and {@code calm help run} shows. */
  static CommandSpec spec() {
    RunCommand command = new RunCommand();
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
    command.spec = spec;
    spec.name("run");
    spec.usageMessage().description(
        "Runs a program to quiescence and prints every output relation.",
        "Exit status: 0 quiescence; 1 errors in the program, a run-time error or a violated constraint; 2 bad options or unreadable files.");
    spec.addPositional(PositionalParamSpec.builder().index("0").arity("1").required(true).paramLabel("PROG.calm").type(Path.class)
        .description("the program to run").build());
    spec.addOption(OptionSpec.builder("--facts").paramLabel("DIR").type(Path.class)
        .description("load REL.facts (tab-separated) for tables and inputs").build());
    spec.addOption(OptionSpec.builder("--output-dir").paramLabel("OUT").type(Path.class)
        .description("write OUT/REL.csv for every output relation").build());
    spec.addOption(OptionSpec.builder("--format").paramLabel("FORMAT").type(Format.class).defaultValue("table")
        .description("how to print the outputs: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})").build());
    spec.addOption(OptionSpec.builder("--scenario").paramLabel("FILE").type(Path.class)
        .description("nodes, fact placement and input events (see docs/running.md)").build());
    spec.addOption(OptionSpec.builder("--trace").type(boolean.class)
        .description("print what arrived, was derived, deleted and sent, tick by tick and node by node").build());
    spec.addOption(OptionSpec.builder("--max-ticks").paramLabel("N").type(int.class)
        .defaultValue("" + RunLimits.DEFAULT_MAX_TICKS)
        .description("stop with an error after N ticks without quiescence (default: ${DEFAULT-VALUE})").build());
    spec.addOption(OptionSpec.builder("--max-facts").paramLabel("N").type(long.class)
        .defaultValue("" + RunLimits.DEFAULT_MAX_FACTS)
        .description("stop with an error when the run holds more than N facts (default: ${DEFAULT-VALUE})").build());
    StandardHelpOptions.addTo(spec); // last, where picocli puts a mixin's (the completion script lists them in order)
    return spec;
  }

  /** Takes the parsed values from the model (picocli resets them to their defaults before each parse). */
  private void readOptions() {
    programPath = spec.positionalParameters().get(0).getValue();
    factsDir = spec.findOption("--facts").getValue();
    outputDir = spec.findOption("--output-dir").getValue();
    format = spec.findOption("--format").getValue();
    scenarioPath = spec.findOption("--scenario").getValue();
    trace = Flags.isSet(spec, "--trace");
    maxTicks = spec.findOption("--max-ticks").<Integer>getValue();
    maxFacts = spec.findOption("--max-facts").<Long>getValue();
  }

  private PrintWriter out;
  private PrintWriter err;

  @Override
  public Integer call() {
    readOptions();
    out = spec.commandLine().getOut();
    err = spec.commandLine().getErr();
    try {
      return runProgram();
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int runProgram() {
    if (maxTicks < 1 || maxFacts < 1) {
      err.println("calm run: --max-ticks and --max-facts must be at least 1");
      return ExitCodes.FAILURE;
    }
    ProgramLoader loader = new ProgramLoader("calm run", "nothing was run", err::println);
    SourceFile source;
    CompiledProgram program;
    try {
      ProgramLoader.Checked checked = loader.check(programPath, Checker.withoutCalmAnalysis());
      source = checked.source();
      program = CompiledProgram.compile(checked.program());
    } catch (ProgramLoader.Stop stop) {
      return stop.status;
    }

    Scenario scenario = Scenario.standalone();
    Map<String, FactRows> loaded = Map.of();
    try {
      if (scenarioPath != null) {
        String text = ScenarioFiles.read(scenarioPath);
        scenario = new ScenarioParser(program, scenarioPath.toString()).parse(text);
        if (outputDir != null && scenario.nodes().size() > 1) {
          NodeDirectories.check(scenario.nodes(), SourceLoader.display(scenarioPath), text);
        }
      }
      if (factsDir != null) {
        if (!Files.isDirectory(factsDir)) {
          err.println("calm run: --facts " + factsDir + ": not a directory");
          return ExitCodes.FAILURE;
        }
        loaded = FactsFiles.readRows(program, factsDir);
        for (Relation r : program.relations()) {
          if (r.extern() && !loaded.containsKey(r.name()) && !program.hasProgramFacts(r)) {
            err.println("calm run: extern table '" + r.name() + "' has no facts: expected "
                + factsDir.resolve(r.name() + ".facts") + " (or facts for it in the program)");
            return ExitCodes.FAILURE;
          }
        }
      }
    } catch (FactsFormatException e) {
      err.println("calm run: " + e.getMessage());
      return ExitCodes.FAILURE;
    } catch (IOException e) {
      err.println("calm run: cannot read " + ProgramLoader.describe(e));
      return ExitCodes.FAILURE;
    }
    World world;
    try {
      world = World.ofRows(program, scenario, loaded);
    } catch (IllegalArgumentException e) {
      err.println("calm run: " + (scenarioPath != null ? scenarioPath + ": " : "") + e.getMessage());
      return ExitCodes.FAILURE;
    }

    // a trace inside CSV or JSON would break what scripts parse: it goes beside them, to stderr
    PrintWriter traceOut = format == Format.table ? out : err;
    RunObserver observer = trace ? new TracePrinter(traceOut) : RunObserver.NONE;
    Run run = new Run(program, world, new RunLimits(maxTicks, maxFacts), new NextTickDelivery(), observer);
    // the run holds its own copy of the facts now: the loaded ones need not stay in memory beside it
    loaded = null;
    world = null;
    try {
      int ticks = run.runToQuiescence();
      if (trace) {
        traceOut.println("quiescent after " + ticks + " tick" + (ticks == 1 ? "" : "s"));
        traceOut.println();
      }
    } catch (OutOfMemoryError e) {
      err.println(source.displayPath() + ": error: run stopped at tick " + run.tick()
          + ": out of memory; give Java more (CALM_JAVA_OPTS=-Xmx...) or lower --max-facts");
      return ExitCodes.FINDINGS;
    } catch (RunError e) {
      out.flush();
      String where = e.span().map(s -> source.displayPath() + ":" + s.line() + ":" + s.column() + ": ").orElse(
          source.displayPath() + ": ");
      err.println(where + "error: run stopped at tick " + run.tick() + ": " + e.getMessage());
      if (outputDir != null) {
        // what the outputs held when the run stopped is kept, for the user to see how far it got
        try {
          writeOutputDir(program, run);
        } catch (IOException written) {
          err.println("calm run: cannot write " + ProgramLoader.describe(written));
        }
      }
      return ExitCodes.FINDINGS;
    }
    for (calm.eval.SealViolation v : run.sealViolations()) {
      calm.source.Span at = v.declaration().span();
      err.println(source.displayPath() + ":" + at.line() + ":" + at.column()
          + ": warning: " + v);
    }
    try {
      if (outputDir != null) {
        writeOutputDir(program, run);
      }
    } catch (IOException e) {
      err.println("calm run: cannot write " + ProgramLoader.describe(e));
      return ExitCodes.FAILURE;
    }
    for (ConstraintViolation v : run.constraintViolations()) {
      calm.source.Span at = v.constraint().turnstile();
      err.println(source.displayPath() + ":" + at.line() + ":" + at.column() + ": error: " + v);
    }
    print(program, run);
    return run.constraintViolations().isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }

  private void writeOutputDir(CompiledProgram program, Run run) throws IOException {
    boolean perNode = run.nodes().size() > 1;
    for (String node : run.nodes()) {
      Path dir = perNode ? NodeDirectories.resolve(outputDir, node) : outputDir;
      Files.createDirectories(dir);
      for (Relation r : program.outputs()) {
        AtomicFiles.write(dir.resolve(r.name() + ".csv"), w -> FactsFiles.write(w, run.contents(node, r.name()), r.arity()));
      }
    }
  }

  private void print(CompiledProgram program, Run run) {
    boolean perNode = run.nodes().size() > 1;
    switch (format) {
      case csv -> {
        StringBuilder b = new StringBuilder();
        for (String node : run.nodes()) {
          for (Relation r : program.outputs()) {
            for (Object[] f : run.contents(node, r.name())) {
              if (perNode) {
                b.append(node).append('\t');
              }
              b.append(r.name()).append('\t');
              FactsFiles.appendLine(b, f, r.arity());
              b.append('\n');
            }
          }
        }
        out.print(b);
      }
      case json -> {
        List<Map<String, Object>> outputs = new ArrayList<>();
        for (String node : run.nodes()) {
          for (Relation r : program.outputs()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("relation", r.name());
            o.put("node", node);
            o.put("columns", r.columnNames());
            o.put("facts", run.contents(node, r.name()));
            outputs.add(o);
          }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ticks", run.tick());
        doc.put("nodes", run.nodes());
        doc.put("outputs", outputs);
        List<Map<String, Object>> violations = new ArrayList<>();
        for (ConstraintViolation v : run.constraintViolations()) {
          violations.add(ExploreJson.constraintViolation(v));
        }
        doc.put("constraintViolations", violations);
        out.println(JsonValues.write(doc));
      }
      default -> {
        StringBuilder b = new StringBuilder();
        for (String node : run.nodes()) {
          for (Relation r : program.outputs()) {
            TableRenderer.render(b, r, perNode ? node : null, run.contents(node, r.name()));
          }
        }
        if (!run.constraintViolations().isEmpty()) {
          b.append("violated constraints:\n");
          for (ConstraintViolation v : run.constraintViolations()) {
            b.append("  ").append(v.name()).append(" at node ").append(v.node()).append(", tick ")
                .append(v.tick()).append(": ").append(String.join(", ", v.facts()))
                .append(v.matches() > 1 ? " (and " + (v.matches() - 1) + " more)" : "").append('\n');
          }
        }
        out.print(b);
      }
    }
  }

  /** Prints each tick's activity, node by node: the text counterpart of Bud's budvis. */
  private static final class TracePrinter implements RunObserver {
    private final PrintWriter out;
    private int lastTick;
    private final List<ConstraintViolation> violations = new ArrayList<>();

    @Override
    public void constraintViolated(ConstraintViolation v) {
      violations.add(v);
    }

    TracePrinter(PrintWriter out) {
      this.out = out;
    }

    @Override
    public boolean wantsTicks() {
      return true;
    }

    @Override
    public void nodeTick(NodeTick t) {
      if (t.tick() != lastTick) {
        out.println("── tick " + t.tick() + " ──");
        lastTick = t.tick();
      }
      List<ConstraintViolation> here =
          violations.stream().filter(v -> v.tick() == t.tick() && v.node().equals(t.node())).toList();
      violations.removeAll(here);
      if (t.isQuiet() && here.isEmpty()) {
        out.println("  " + t.node() + ": nothing happened");
        return;
      }
      out.println("  " + t.node() + ":");
      section("arrived", t.arrived());
      section("derived", t.derived());
      section("next", t.insertedNext());
      section("delete", t.deletedNext());
      for (NodeTick.Sent s : t.sent()) {
        out.println("    sent     " + s.fact() + " -> " + s.to());
      }
      for (ConstraintViolation v : here) {
        out.println("    VIOLATED " + v.name() + ": " + String.join(", ", v.facts())
            + (v.matches() > 1 ? " (and " + (v.matches() - 1) + " more)" : ""));
      }
    }

    private void section(String label, List<GroundFact> facts) {
      for (GroundFact f : facts) {
        out.printf("    %-8s %s%n", label, f);
      }
    }
  }
}

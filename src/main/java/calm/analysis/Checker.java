package calm.analysis;

import calm.analysis.graph.Schema;
import calm.analysis.calm.PointDiagnostics;
import calm.analysis.calm.CalmAnalysis;
import calm.analysis.calm.CalmReport;
import calm.diagnostics.Diagnostic;
import calm.syntax.ParseResult;
import calm.syntax.Parsing;
import calm.syntax.Program;
import calm.syntax.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The whole of {@code calm check} for one file: parse, run every check, then the CALM analysis. */
public final class Checker {
  private final List<Check> checks;
  private final boolean calmAnalysis;

  private Checker(List<Check> checks, boolean calmAnalysis) {
    this.checks = List.copyOf(checks);
    this.calmAnalysis = calmAnalysis;
  }

  public static Checker standard() {
    return new Checker(Checks.all(), true);
  }

  /** Every check but the CALM analysis: for commands that need a valid program and not its verdicts. */
  public static Checker withoutCalmAnalysis() {
    return new Checker(Checks.all(), false);
  }

  /**
   * A file's report and, when the program is free of errors, the checked program that the engine and
   * the drawings take: what the checks worked out is handed on, never worked out twice.
   */
  public record Outcome(FileReport report, Optional<CheckedProgram> checked) {}

  public FileReport check(SourceFile source) {
    return run(source).report();
  }

  public Outcome run(SourceFile source) {
    ParseResult parsed = Parsing.parse(source);
    List<Diagnostic> diagnostics = new ArrayList<>(parsed.diagnostics());
    Optional<Program> program = parsed.program();
    CalmReport calm = CalmReport.EMPTY;
    PointDiagnostics points = PointDiagnostics.NONE;
    Optional<CheckedProgram> checked = Optional.empty();
    if (program.isPresent()) {
      CheckContext context = new CheckContext(program.get(), Schema.of(program.get()), parsed.diagnostics().isEmpty());
      // The analysis is for programs the checks pass, but it starts beside them, and is dropped when
      // they find an error: on a large file each takes about as long as the other, and the machine
      // has a core for each.
      Speculation<CalmAnalysis> analysis =
          calmAnalysis && parsed.diagnostics().isEmpty() ? Checks.startCalmAnalysis(context) : null;
      found(context, analysis != null).forEach(diagnostics::addAll);
      boolean valid = diagnostics.stream().noneMatch(Diagnostic::isError);
      if (analysis != null && !valid) {
        analysis.cancel(); // not wanted; what it may throw on an invalid program is of no interest
      }
      if (valid) {
        CalmAnalysis done = null;
        if (analysis != null) {
          done = analysis.join(); // what it threw, as an internal error that names it
          diagnostics.addAll(done.diagnostics());
          points = done.pointDiagnostics();
          calm = done.report();
        }
        checked = Optional.of(new CheckedProgram(context, done));
      }
    }
    FileReport report = new FileReport(source, program, ReportDiagnostics.of(diagnostics, points), calm);
    return new Outcome(report, checked);
  }

  /**
   * Below this many items the checks run one after the other: on a program of a few dozen lines they
   * take a millisecond or two, less than starting the common pool's threads and handing them work.
   */
  private static final int SIDE_BY_SIDE_ITEMS = 2_000;

  /**
   * What each check found, in registry order. The checks are independent, and on a large file running
   * them side by side saves a good part of the time: the {@link ItemCheck}s in one walk over the items
   * (in a part per core), every other check whole. Each part and each check collects its own findings,
   * merged in registry order (a walk's parts in item order), so output is stable. When the CALM
   * analysis runs {@code beside} them it keeps a core to itself: it is one long task that ends after
   * the checks, and sharing its core with them only made it end later (on two cores the checks then
   * run one after the other: check of 100,000 rules 1.49-1.61 -> 1.43-1.56 s, the drawing of
   * gen-calm-rules 100000 2.24-2.80 -> 2.16-2.34 s, alternating).
   */
  private List<List<Diagnostic>> found(CheckContext context, boolean beside) {
    List<ItemCheck> itemChecks =
        checks.stream().filter(ItemCheck.class::isInstance).map(ItemCheck.class::cast).toList();
    int cores = Runtime.getRuntime().availableProcessors() - (beside ? 1 : 0);
    int parts = itemChecks.isEmpty() ? 0 : ItemWalk.parts(context.program().items().size(), cores);
    List<Supplier<List<List<Diagnostic>>>> jobs = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      int part = p;
      jobs.add(() -> ItemWalk.walk(context, itemChecks, part, parts));
    }
    for (Check check : checks) {
      if (!(check instanceof ItemCheck)) {
        jobs.add(
            () -> {
              List<Diagnostic> own = new ArrayList<>();
              check.check(context, own::add);
              return List.of(own);
            });
      }
    }
    boolean sideBySide = cores > 1 && context.program().items().size() >= SIDE_BY_SIDE_ITEMS;
    List<List<List<Diagnostic>>> done =
        (sideBySide ? jobs.parallelStream() : jobs.stream()).map(Supplier::get).toList();
    List<List<Diagnostic>> found = new ArrayList<>(checks.size());
    int whole = parts;
    for (Check check : checks) {
      if (check instanceof ItemCheck) {
        int which = itemChecks.indexOf(check);
        List<Diagnostic> all = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
          all.addAll(done.get(p).get(which));
        }
        found.add(all);
      } else {
        found.add(done.get(whole++).get(0));
      }
    }
    return found;
  }
}

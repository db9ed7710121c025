package calm.cli;

import calm.analysis.Checker;
import calm.analysis.FileReport;
import calm.analysis.calm.CalmReport;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.source.Span;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code calm check PATH...}: parse, check and analyze programs, and report in one of three formats.
 * Its model is declared through picocli's programmatic API ({@link #spec()}), as {@code run}'s is:
 * reading the annotations of a command makes the JDK generate a proxy class per annotation type, in
 * the interpreter, at every start of the command users run most (docs/benchmarks.md, "Fourteenth
 * round"). {@code UsageGoldenTest} holds its usage to what the annotations gave.
 */
final class CheckCommand implements Callable<Integer> {
  private CommandSpec spec;

  /** Suppressions and the baseline, applied to this run's reports. */
  private Triage triage = Triage.NONE;

  private List<Path> paths;
  private OutputFormat format;
  private Path output;
  private boolean werror;
  private Integer maxWarningsOption;
  private ColorChoice color;
  private Path baselineFile;
  private Path writeBaselineFile;
  private boolean quiet;

  /** The command's model: its options, in the order {@code --help} lists them. */
  static CommandSpec spec() {
    CheckCommand command = new CheckCommand();
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
    command.spec = spec;
    spec.name("check");
    spec.usageMessage()
        .sortOptions(false)
        .description(
            "Checks programs: syntax, names, arities, types, safety, stratification, head forms, seals;",
            "then, for files without errors, the CALM analysis (coordination points and output verdicts).",
            "Directories are searched recursively for *.calm files.")
        .exitCodeListHeading("%nExit status:%n")
        .exitCodeList(exitCodes());
    spec.addPositional(PositionalParamSpec.builder().arity("1..*").required(true).paramLabel("PATH")
        .type(List.class).auxiliaryTypes(Path.class).description("Files and directories to check.").build());
    spec.addOption(OptionSpec.builder("--format").paramLabel("FORMAT").type(OutputFormat.class)
        .defaultValue("text").converters(new FormatConverter()).completionCandidates(new FormatConverter.Candidates())
        .description("Output format: text, json or sarif (default: ${DEFAULT-VALUE}).").build());
    spec.addOption(OptionSpec.builder("-o", "--output").paramLabel("FILE").type(Path.class)
        .description("Write the report to FILE instead of standard output.").build());
    spec.addOption(OptionSpec.builder("--werror").type(boolean.class)
        .description("Treat warnings as errors for the exit status.").build());
    spec.addOption(OptionSpec.builder("--max-warnings").paramLabel("N").type(Integer.class)
        .description("Exit with status 1 when there are more than N warnings, N >= 0 (default: no limit).").build());
    spec.addOption(OptionSpec.builder("--color").paramLabel("WHEN").type(ColorChoice.class)
        .defaultValue("auto").converters(new ColorConverter()).completionCandidates(new ColorConverter.Candidates())
        .description("Colour text output: auto (a terminal, unless NO_COLOR is set), always or never (default: ${DEFAULT-VALUE}). JSON and SARIF are never coloured.")
        .build());
    spec.addOption(OptionSpec.builder("--baseline").paramLabel("FILE").type(Path.class)
        .description("Findings recorded in FILE (by --write-baseline) do not fail the check; only new ones do. They still appear in JSON and SARIF, marked as in the baseline.")
        .build());
    spec.addOption(OptionSpec.builder("--write-baseline").paramLabel("FILE").type(Path.class)
        .description("Record every finding (errors, warnings, coordination points) in FILE, for --baseline; the check then passes.")
        .build());
    spec.addOption(OptionSpec.builder("-q", "--quiet").type(boolean.class)
        .description("Report only errors and unacknowledged coordination points (and, in text, the summary line); the exit status is unchanged.")
        .build());
    StandardHelpOptions.addTo(spec); // last, where picocli puts a mixin's (the completion script lists them in order)
    return spec;
  }

  private static Map<String, String> exitCodes() {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put("0", "no errors and no unacknowledged coordination point");
    codes.put("1", "an error (or, with --werror/--max-warnings, too many warnings), or an unacknowledged coordination point");
    codes.put("2", "the check could not be done: bad option, missing or unreadable path, internal failure");
    return codes;
  }

  /** Takes the parsed values from the model (picocli resets them to their defaults before each parse). */
  private void readOptions() {
    paths = spec.positionalParameters().get(0).getValue();
    format = spec.findOption("--format").getValue();
    output = spec.findOption("--output").getValue();
    werror = Flags.isSet(spec, "--werror");
    maxWarningsOption = spec.findOption("--max-warnings").getValue();
    color = spec.findOption("--color").getValue();
    baselineFile = spec.findOption("--baseline").getValue();
    writeBaselineFile = spec.findOption("--write-baseline").getValue();
    quiet = Flags.isSet(spec, "--quiet");
  }

  @Override
  public Integer call() {
    readOptions();
    PrintWriter err = spec.commandLine().getErr();
    if (maxWarningsOption != null && maxWarningsOption < 0) {
      err.println("calm check: --max-warnings must be 0 or more, not " + maxWarningsOption);
      return ExitCodes.FAILURE;
    }
    int maxWarnings = maxWarningsOption == null ? -1 : maxWarningsOption;
    SourceLoader.Result loaded = SourceLoader.load(paths);
    loaded.notices().forEach(n -> err.println("calm check: note: " + n));
    loaded.failures().forEach(f -> err.println("calm check: error: " + f));
    List<FileReport> checked = checkAll(loaded.files());
    Optional<Baseline> baseline;
    try {
      baseline = baseline(checked, err);
    } catch (BaselineFailure failed) {
      return ExitCodes.FAILURE;
    }
    Triage.Result triaged = Triage.apply(checked, baseline);
    List<FileReport> reports = triaged.reports();
    triage = triaged.triage();
    // With nothing checked, a text summary would only repeat the error above; JSON and SARIF still
    // print their (empty) document, which scripts expect.
    boolean nothingToSay = reports.isEmpty() && format == OutputFormat.TEXT;
    if (!nothingToSay && !write(reports, err)) {
      return ExitCodes.FAILURE;
    }
    Tally tally = Tally.of(reports, triage);
    if (loaded.failures().isEmpty() && maxWarnings >= 0 && tally.warnings() > maxWarnings) {
      err.println(
          "calm check: " + Tally.count(tally.warnings(), "warning") + ", more than --max-warnings " + maxWarnings);
    }
    return exitStatus(tally, !loaded.failures().isEmpty(), werror, maxWarnings);
  }

  /** Signals that a baseline could not be read or written; the reason is already printed. */
  private static final class BaselineFailure extends Exception {
    BaselineFailure() {
      super(null, null, false, false);
    }
  }

  /** Writes the baseline when asked to (and then uses it), else reads the one given, if any. */
  private Optional<Baseline> baseline(List<FileReport> checked, PrintWriter err) throws BaselineFailure {
    Path file = writeBaselineFile != null ? writeBaselineFile : baselineFile;
    if (file == null) {
      return Optional.empty();
    }
    try {
      if (writeBaselineFile != null) {
        List<FileReport> unsuppressed = Triage.apply(checked, Optional.empty()).reports();
        Files.writeString(writeBaselineFile, Baseline.write(unsuppressed), StandardCharsets.UTF_8);
      }
      return Optional.of(Baseline.read(file));
    } catch (IOException e) {
      err.println("calm check: error: " + (writeBaselineFile != null ? "cannot write " : "cannot read baseline ")
          + SourceLoader.display(file) + ": " + SourceLoader.reason(e));
      throw new BaselineFailure();
    }
  }

  /** §10 What the commands promise to scripts: 2 when a path failed, 1 for errors, open points or (by flag) warnings, else 0. */
  static int exitStatus(Tally tally, boolean failed, boolean werror, int maxWarnings) {
    if (failed) {
      return ExitCodes.FAILURE;
    }
    if (tally.errors() > 0 || tally.openPoints() > 0) {
      return ExitCodes.FINDINGS;
    }
    if (werror && tally.warnings() > 0) {
      return ExitCodes.FINDINGS;
    }
    if (maxWarnings >= 0 && tally.warnings() > maxWarnings) {
      return ExitCodes.FINDINGS;
    }
    return ExitCodes.OK;
  }

  /** Checks every file; the texts are let go as soon as their reports exist. */
  static List<FileReport> checkAll(List<SourceLoader.Loaded> files) {
    Checker checker = Checker.standard();
    List<FileReport> reports = new ArrayList<>();
    for (SourceLoader.Loaded file : files) {
      reports.add(check(checker, file));
    }
    return reports;
  }

  static FileReport check(Checker checker, SourceLoader.Loaded file) {
    if (file.unreadable().isPresent()) {
      return new FileReport(file.source(), Optional.empty(), List.of(file.unreadable().get()), CalmReport.EMPTY);
    }
    try {
      return checker.check(file.source());
    } catch (StackOverflowError deep) {
      return new FileReport(file.source(), Optional.empty(), List.of(tooDeep()), CalmReport.EMPTY);
    }
  }

  /** The parser bounds nesting, so this is a last resort rather than an expected path. */
  static Diagnostic tooDeep() {
    return Diagnostic.of(Code.NESTING_TOO_DEEP, Span.point(1, 1), "the program nests too deeply to analyze")
        .withHelp("split deep expressions with intermediate variables");
  }

  private void render(List<FileReport> reports, Writer out) throws IOException {
    ReportRenderer renderer =
        switch (format) {
          case TEXT -> new TextRenderer(palette(), quiet, triage);
          case JSON -> new JsonRenderer(quiet, triage);
          case SARIF -> new SarifRenderer(version(), Path.of(""), quiet, triage);
        };
    renderer.write(reports, out);
  }

  private Palette palette() {
    return color.palette(output == null);
  }

  static String version() {
    String version = Main.class.getPackage().getImplementationVersion();
    return version == null ? "0.0.0-dev" : version;
  }

  private boolean write(List<FileReport> reports, PrintWriter err) {
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      try {
        render(reports, out);
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a PrintWriter swallows its own errors; this is not reached
      }
      out.flush();
      return true;
    }
    try {
      AtomicFiles.write(output, out -> render(reports, out));
      return true;
    } catch (IOException | UncheckedIOException e) {
      IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      err.println("calm check: error: cannot write " + SourceLoader.display(output) + ": " + SourceLoader.reason(cause));
      return false;
    }
  }

  /** Accepts text/json/sarif in any case. */
  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      return EnumValues.parse(OutputFormat.class, value);
    }

    static final class Candidates implements Iterable<String> {
      @Override
      public Iterator<String> iterator() {
        return List.of("text", "json", "sarif").iterator();
      }
    }
  }

  /** Accepts auto/always/never in any case. */
  static final class ColorConverter implements picocli.CommandLine.ITypeConverter<ColorChoice> {
    @Override
    public ColorChoice convert(String value) {
      return EnumValues.parse(ColorChoice.class, value);
    }

    static final class Candidates implements Iterable<String> {
      @Override
      public Iterator<String> iterator() {
        return List.of("auto", "always", "never").iterator();
      }
    }
  }
}

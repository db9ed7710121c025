package calm.eval.explore;

import calm.analysis.CheckedProgram;
import calm.analysis.Checker;
import calm.analysis.FileReport;
import calm.analysis.calm.CoordinationPoint;
import calm.analysis.calm.OutputVerdict;
import calm.analysis.calm.PointKind;
import calm.analysis.calm.Verdict;
import calm.eval.CompiledProgram;
import calm.eval.Scenario;
import calm.eval.ScenarioParser;
import calm.syntax.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * CALM, checked by experiment over generated programs: for each program of {@link ProgramGenerator},
 * the analysis' verdicts and the explorer's outcomes. An output called confluent that shows two
 * outcomes, or one called sealed that shows two among the runs that keep their seals, is a
 * counterexample: the analysis is unsound. Outputs that need coordination but never differed are
 * counted too, by the kinds of the points upstream (the analysis' over-approximation, or schedules the
 * explorer did not try).
 *
 * <p>{@code CalmCrossCheckTest} runs a few hundred programs; {@code bench/crosscheck.sh} runs this
 * class's {@link #main} on many more and writes every counterexample as a reproducer file.
 */
final class CrossCheck {
  /**
   * Generated programs settle within a few dozen ticks or never (an {@code @next} loop against a
   * deletion): a small bound skips the latter quickly.
   */
  static final int MAX_TICKS = 40;

  /** Program {@code i} of a campaign with seed {@code s} is generated from {@code s + i}. */
  static long programSeed(long seed, int i) {
    return seed * 1_000_003L + i;
  }

  /** The tallies of a campaign. */
  static final class Tally {
    int programs;
    int checked;
    int noQuiescence;
    int outputs;
    int confluentOrSealed;
    int differing;
    int needsCoordination;
    int unconfirmed;
    final Map<String, Integer> unconfirmedByKinds = new TreeMap<>();
    final List<String> generatorErrors = new ArrayList<>();
    final List<Counterexample> counterexamples = new ArrayList<>();

    synchronized void merge(Tally o) {
      programs += o.programs;
      checked += o.checked;
      noQuiescence += o.noQuiescence;
      outputs += o.outputs;
      confluentOrSealed += o.confluentOrSealed;
      differing += o.differing;
      needsCoordination += o.needsCoordination;
      unconfirmed += o.unconfirmed;
      o.unconfirmedByKinds.forEach((k, v) -> unconfirmedByKinds.merge(k, v, Integer::sum));
      generatorErrors.addAll(o.generatorErrors);
      counterexamples.addAll(o.counterexamples);
    }

    String summary() {
      return String.format(
          "%d programs, %d explored to quiescence in every run (%d hit a bound), %d outputs: %d confluent"
              + " or sealed, %d differ; %d need coordination, of which %d never differed (%.1f%%) %s;"
              + " %d counterexamples, %d generator errors",
          programs, checked, noQuiescence, outputs, confluentOrSealed, differing, needsCoordination,
          unconfirmed, needsCoordination == 0 ? 0.0 : 100.0 * unconfirmed / needsCoordination,
          unconfirmedByKinds, counterexamples.size(), generatorErrors.size());
    }
  }

  /** An output the analysis calls confluent or sealed that the explorer saw differ. */
  record Counterexample(long seed, String program, String scenario, String output, Verdict verdict,
      int observed, int finals, String witness) {
    String reproducer() {
      StringBuilder b = new StringBuilder();
      b.append("// CALM cross-check counterexample: program seed ").append(seed).append('\n');
      b.append("// output `").append(output).append("` is called ").append(verdict.label())
          .append(" but showed ").append(observed).append(" observed / ").append(finals)
          .append(" final outcomes\n");
      b.append("// reproduce: calm check THIS.calm; calm explore THIS.calm --scenario THIS.scenario --runs 200 --seed ")
          .append(seed).append('\n');
      for (String line : witness.split("\n")) {
        b.append("// ").append(line).append('\n');
      }
      return b.append(program).toString();
    }
  }

  private CrossCheck() {}

  static String describe(Witness w) {
    StringBuilder b = new StringBuilder("  witness (" + w.kind().label() + "): A --replay " + w.a().replay()
        + "  B --replay " + w.b().replay() + "\n");
    w.differences().forEach(d -> b.append("    ").append(d).append('\n'));
    b.append("    only under A: ").append(w.a().only()).append("\n    only under B: ").append(w.b().only()).append('\n');
    return b.toString();
  }

  /** Checks programs {@code from..to-1} of the campaign with {@code seed}, each under {@code runs} schedules. */
  static Tally run(long seed, int from, int to, int runs) {
    Tally tally = new Tally();
    for (int i = from; i < to; i++) {
      check(programSeed(seed, i), runs, tally);
    }
    return tally;
  }

  static void check(long programSeed, int runs, Tally tally) {
    ProgramGenerator generator = new ProgramGenerator(programSeed, (programSeed & 1) == 1);
    String text = generator.generate();
    tally.programs++;
    Checker.Outcome outcome = Checker.standard().run(new SourceFile("generated.calm", text));
    FileReport report = outcome.report();
    if (outcome.checked().isEmpty()) {
      tally.generatorErrors.add("seed " + programSeed + ": " + report.diagnostics() + "\n" + text);
      return;
    }
    CheckedProgram program = outcome.checked().get();
    Map<String, Verdict> verdicts = new HashMap<>();
    Map<String, Set<PointKind>> upstreamKinds = new HashMap<>();
    Map<Integer, CoordinationPoint> pointsByLine = new HashMap<>();
    for (CoordinationPoint p : report.calm().points()) {
      pointsByLine.put(p.rule().span().line(), p);
    }
    for (OutputVerdict v : report.calm().outputs()) {
      verdicts.put(v.relation(), v.verdict());
      Set<PointKind> kinds = EnumSet.noneOf(PointKind.class);
      for (int line : v.pointLines().asList()) {
        CoordinationPoint p = pointsByLine.get(line);
        if (p != null) {
          kinds.addAll(p.kinds());
        }
      }
      upstreamKinds.put(v.relation(), kinds);
    }
    Scenario scenario;
    try {
      scenario = new ScenarioParser(CompiledProgram.compile(program), "generated.scenario")
          .parse(generator.scenario());
    } catch (Exception e) {
      tally.generatorErrors.add("seed " + programSeed + ": scenario: " + e + "\n" + text);
      return;
    }
    Explorer explorer = new Explorer(program, scenario, new ExploreSettings(MAX_TICKS, 100_000, 3, 1));
    Exploration e = explorer.explore(runs, programSeed, verdicts, false);
    if (e.outputs().stream().anyMatch(OutputFinding::contradictsAnalysis)) {
      e = explorer.explore(runs, programSeed, verdicts, true); // the same runs again, with witnesses
    }
    if (e.failure().isPresent()) {
      tally.noQuiescence++; // a program that hits a bound under some schedule has no outcome to compare
      return;
    }
    tally.checked++;
    for (OutputFinding o : e.outputs()) {
      tally.outputs++;
      Verdict verdict = o.verdict().orElse(null);
      if (verdict == Verdict.CONFLUENT || verdict == Verdict.SEALED) {
        tally.confluentOrSealed++;
      }
      if (o.differs()) {
        tally.differing++;
      }
      if (verdict == Verdict.NEEDS_COORDINATION) {
        tally.needsCoordination++;
        if (!o.differs()) {
          tally.unconfirmed++;
          String kinds = upstreamKinds.getOrDefault(o.relation(), Set.of()).stream()
              .map(PointKind::label).collect(Collectors.joining("+"));
          tally.unconfirmedByKinds.merge(kinds, 1, Integer::sum);
        }
      }
      if (o.contradictsAnalysis()) {
        tally.counterexamples.add(new Counterexample(programSeed, text, generator.scenario(), o.relation(),
            verdict, o.observedOutcomes(), o.finalOutcomes(),
            o.witness().map(CrossCheck::describe).orElse("")));
      }
    }
  }

  /**
   * {@code CrossCheck SEED PROGRAMS [RUNS [THREADS [DIR [FIRST]]]]}: checks the campaign's programs
   * (FIRST..PROGRAMS-1, by default all of them) and writes
   * every counterexample to DIR as {@code seed-N.calm} and {@code seed-N.scenario}. Exit 1 when there is
   * a counterexample or a generator error.
   */
  public static void main(String[] args) throws Exception {
    long seed = Long.parseLong(args[0]);
    int programs = Integer.parseInt(args[1]);
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    Path dir = Path.of(args.length > 4 ? args[4] : "target/crosscheck");
    int first = args.length > 5 ? Integer.parseInt(args[5]) : 0; // a slice of the campaign, for several machines
    Files.createDirectories(dir);
    long start = System.nanoTime();
    Tally total = new Tally();
    int chunk = 500;
    AtomicInteger next = new AtomicInteger(first);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(null, () -> {
        for (int from = next.getAndAdd(chunk); from < programs; from = next.getAndAdd(chunk)) {
          Tally part = run(seed, from, Math.min(programs, from + chunk), runs);
          total.merge(part);
          for (Counterexample c : part.counterexamples) {
            write(dir, c);
          }
          synchronized (total) {
            System.out.printf("%d/%d programs, %.0f s: %s%n", total.programs, programs - first,
                (System.nanoTime() - start) / 1e9, total.summary());
          }
        }
      }, "crosscheck-" + t, 256L * 1024 * 1024);
      workers.add(worker);
      worker.start();
    }
    for (Thread w : workers) {
      w.join();
    }
    System.out.printf("CALM cross-check, seed %d, %d runs per program, %.0f s:%n%s%n", seed, runs,
        (System.nanoTime() - start) / 1e9, total.summary());
    total.generatorErrors.stream().limit(5).forEach(System.out::println);
    System.exit(total.counterexamples.isEmpty() && total.generatorErrors.isEmpty() ? 0 : 1);
  }

  private static void write(Path dir, Counterexample c) {
    try {
      Files.writeString(dir.resolve("seed-" + c.seed() + "-" + c.output() + ".calm"), c.reproducer());
      Files.writeString(dir.resolve("seed-" + c.seed() + "-" + c.output() + ".scenario"), c.scenario());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

package calm.cli;

import calm.eval.ConstraintViolation;
import calm.eval.explore.ConstraintFinding;
import calm.eval.explore.ConstraintWitness;
import calm.eval.explore.DeliveryDifference;
import calm.eval.explore.Exploration;
import calm.eval.explore.OutputFact;
import calm.eval.explore.OutputFinding;
import calm.eval.explore.Replay;
import calm.eval.explore.ScheduleSide;
import calm.eval.explore.SealBreak;
import calm.eval.explore.TimelineEvent;
import calm.eval.explore.TimelineTick;
import calm.eval.explore.Witness;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;

/**
 * The text report of {@code calm explore}: one line per output (verdict next to outcomes), the
 * seal-breaking runs apart, then a witness per differing output as two timelines side by side, the
 * lines that make the difference marked with {@code *} (and in colour on a terminal).
 */
final class ExploreText {

  private final Palette colour;
  private final String command;

  ExploreText(Palette colour, String command) {
    this.colour = colour;
    this.command = command;
  }

  String exploration(String path, Exploration e) {
    StringBuilder b = new StringBuilder();
    b.append("explored ").append(e.completedRuns()).append(" schedule").append(e.completedRuns() == 1 ? "" : "s")
        .append(" of ").append(path).append(" (seed ").append(e.seed()).append(")");
    b.append('\n');
    int compared = e.completedRuns() - e.sealViolations() - e.errorRuns();
    e.failure().ifPresent(f -> b.append("run errors: ").append(e.errorRuns()).append(" run")
        .append(e.errorRuns() == 1 ? "" : "s").append(" stopped with an error and ")
        .append(e.errorRuns() == 1 ? "is" : "are").append(" not compared; the first, run ").append(f.run())
        .append(" (--replay ").append(f.seed()).append("): ").append(f.message()).append('\n'));
    if (e.sealViolations() > 0) {
      b.append("seal violations: ").append(e.sealViolations()).append(" run")
          .append(e.sealViolations() == 1 ? "" : "s").append(" broke a seal's promise and are not compared (")
          .append(compared).append(" compared)\n");
    }
    b.append('\n');
    int nameWidth = 6;
    int verdictWidth = 7;
    for (OutputFinding o : e.outputs()) {
      nameWidth = Math.max(nameWidth, o.relation().length());
      verdictWidth = Math.max(verdictWidth, verdict(o).length());
    }
    if (e.outputs().isEmpty()) {
      b.append("the program has no output relations\n");
    }
    for (OutputFinding o : e.outputs()) {
      b.append(String.format("%-" + nameWidth + "s  %-" + verdictWidth + "s  observed: %s, final: %s",
          o.relation(), verdict(o), outcomes(o.observedOutcomes()), outcomes(o.finalOutcomes())));
      if (o.eventuallyConsistentNotConfluent()) {
        b.append("  (eventually consistent but not confluent)");
      }
      if (e.failure().isPresent() && compared <= 0) {
        b.append("  (no run finished: nothing to compare)");
      } else if (o.contradictsAnalysis()) {
        b.append("  <- the analysis says ").append(verdict(o)).append(": CALM predicts one outcome");
      } else if (o.unconfirmed()) {
        b.append(e.failure().isPresent()
            ? "  (no difference seen in the " + compared + " run" + (compared == 1 ? "" : "s") + " before the failure)"
            : "  (no difference seen)");
      }
      b.append('\n');
    }
    constraints(b, e);
    snapshots(b, e);
    List<String> ecnc = e.outputs().stream().filter(OutputFinding::eventuallyConsistentNotConfluent)
        .map(OutputFinding::relation).toList();
    if (!ecnc.isEmpty()) {
      b.append("\neventually consistent but not confluent: ").append(String.join(", ", ecnc))
          .append(" (every run ends the same, but observers can see facts that are later retracted)\n");
    }
    legend(b, e.outputs());
    if (!e.sealBreaks().isEmpty()) {
      b.append("\nruns that broke a seal (not compared):\n");
      for (SealBreak s : e.sealBreaks()) {
        b.append("  run ").append(s.run()).append(" (--replay ").append(s.seed()).append(replayFlags()).append("): ")
            .append(s.violation().fact()).append(" arrived at ").append(s.violation().node())
            .append(" in tick ").append(s.violation().arrivedAt()).append(", after ")
            .append(s.violation().guard()).append(" sealed it in tick ").append(s.violation().sealedAt())
            .append("  [").append(s.violation().seal()).append("]\n");
      }
      if (e.sealViolations() > e.sealBreaks().size()) {
        b.append("  ... and ").append(e.sealViolations() - e.sealBreaks().size()).append(" more\n");
      }
    }
    for (OutputFinding o : e.outputs()) {
      o.witness().ifPresent(w -> witness(b, w));
    }
    for (ConstraintFinding c : e.constraints()) {
      c.witness().ifPresent(w -> constraintWitness(b, c, w));
    }
    for (calm.eval.explore.SnapshotFinding s : e.snapshots()) {
      s.witness().ifPresent(w -> witness(b, w, "snapshot read by the rule at line " + s.line() + " into " + s.relation()
          + " — the value read differs between two schedules"));
    }
    return b.toString();
  }

  /** The snapshot reads (§11) and how many different sets of facts each made over a run. */
  private static void snapshots(StringBuilder b, Exploration e) {
    if (e.snapshots().isEmpty()) {
      return;
    }
    b.append("\nsnapshot reads (a rule reads an asynchronous lattice value other than monotonically):\n");
    for (calm.eval.explore.SnapshotFinding s : e.snapshots()) {
      b.append("  line ").append(s.line()).append(", into ").append(s.relation()).append(": ")
          .append(outcomes(s.outcomes())).append(s.differs() ? " (the value read depends on the schedule)" : "")
          .append('\n');
    }
  }

  /**
   * Says what the counts mean where they could puzzle: fewer observed outcomes than final ones, and
   * outputs whose coordination the explorer does not run.
   */
  private static void legend(StringBuilder b, List<OutputFinding> outputs) {
    List<String> fewerObserved = outputs.stream().filter(o -> o.observedOutcomes() < o.finalOutcomes())
        .map(OutputFinding::relation).toList();
    List<String> moreObserved = outputs.stream()
        .filter(o -> o.observedOutcomes() > o.finalOutcomes() && !o.eventuallyConsistentNotConfluent())
        .map(OutputFinding::relation).toList();
    if (!fewerObserved.isEmpty() || !moreObserved.isEmpty()) {
      b.append("\nobserved counts each run by every fact the output held at any moment; final by what it\n"
          + "holds at rest. Two runs are one observed outcome when they saw the same facts, even if they\n"
          + "ended with different ones.\n");
      if (!fewerObserved.isEmpty()) {
        b.append("  fewer observed than final (").append(String.join(", ", fewerObserved))
            .append("): some runs saw the same facts along the way but kept different ones at the end\n");
      }
      if (!moreObserved.isEmpty()) {
        b.append("  more observed than final (").append(String.join(", ", moreObserved))
            .append("): some runs ended alike after showing different facts along the way\n");
      }
    }
    List<String> coordinated = outputs.stream()
        .filter(o -> o.verdict().isPresent() && o.verdict().get() == calm.analysis.calm.Verdict.COORDINATED)
        .map(OutputFinding::relation).toList();
    if (!coordinated.isEmpty()) {
      b.append("\ncoordinated: ").append(String.join(", ", coordinated))
          .append(" — the explorer runs the rules as written and does not model the coordination that\n"
              + "@coordinated acknowledges: differences here are what that coordination must prevent.\n");
    }
  }

  /** A seal-breaking run replays as such only when its replay breaks seals too. */
  private String replayFlags() {
    return command.contains(" --break-seals") ? " --break-seals" : "";
  }

  /** A line per constraint (§12 Integrity constraints): its verdict and in how many runs it was violated. */
  private static void constraints(StringBuilder b, Exploration e) {
    if (e.constraints().isEmpty()) {
      return;
    }
    b.append('\n');
    int nameWidth = 0;
    int verdictWidth = 0;
    for (ConstraintFinding c : e.constraints()) {
      nameWidth = Math.max(nameWidth, constraintName(c).length());
      verdictWidth = Math.max(verdictWidth, constraintVerdict(c).length());
    }
    for (ConstraintFinding c : e.constraints()) {
      b.append(String.format("%-" + nameWidth + "s  %-" + verdictWidth + "s  violated in %d of %d run%s",
          constraintName(c), constraintVerdict(c), c.violatedRuns(), c.runs(), c.runs() == 1 ? "" : "s"));
      if (c.runsKeepingSeals() < c.runs()) {
        b.append(" (").append(c.violatedRunsKeepingSeals()).append(" of the ").append(c.runsKeepingSeals())
            .append(" that keep their seals)");
      }
      if (c.contradictsAnalysis()) {
        b.append("  <- the analysis says ").append(constraintVerdict(c))
            .append(": CALM predicts all runs or none");
      }
      b.append('\n');
    }
  }

  private static String constraintName(ConstraintFinding c) {
    return "constraint " + c.constraint().describe()
        + (c.constraint().name().isPresent() ? " (line " + c.constraint().line() + ")" : "");
  }

  private static String constraintVerdict(ConstraintFinding c) {
    return c.verdict().map(v -> v.words()).orElse("unknown");
  }

  private void constraintWitness(StringBuilder b, ConstraintFinding c, ConstraintWitness w) {
    b.append("\nwitness: ").append(constraintName(c)).append(" — violated under A, never under B\n");
    schedules(b, w.differences(), w.a(), w.b());
    b.append(mark("  * violated under A at node " + w.violation().node() + ", tick " + w.violation().tick() + ": "
        + String.join(", ", w.violation().facts()), true)).append('\n');
    b.append("  never violated under B\n");
  }

  private static String verdict(OutputFinding o) {
    return o.verdict().map(v -> v.words()).orElse("unknown");
  }

  private static String outcomes(int n) {
    return n + " outcome" + (n == 1 ? "" : "s");
  }

  private void witness(StringBuilder b, Witness w) {
    witness(b, w, w.relation() + " — " + w.kind().label() + " outcomes differ between two schedules");
  }

  private void witness(StringBuilder b, Witness w, String heading) {
    b.append("\nwitness: ").append(heading).append('\n');
    schedules(b, w.differences(), w.a(), w.b());
    only(b, "A", w.a().only(), w.kind().label());
    only(b, "B", w.b().only(), w.kind().label());
  }

  /** The differing deliveries of a shrunk pair of runs, their replay lines and their timelines side by side. */
  private void schedules(StringBuilder b, List<DeliveryDifference> differences, ScheduleSide a, ScheduleSide z) {
    int n = differences.size();
    b.append("  shrunk to ").append(n).append(" differing deliver").append(n == 1 ? "y" : "ies")
        .append(" (from runs ").append(a.run()).append(" and ").append(z.run())
        .append(", seeds ").append(a.seed()).append(" and ").append(z.seed()).append(")\n");
    for (DeliveryDifference d : differences) {
      b.append(mark("  * " + d.fact() + "  " + d.route() + "   A: " + d.a() + "   B: " + d.b(), true)).append('\n');
    }
    b.append("  A: ").append(command).append(" --replay ").append(a.replay()).append('\n');
    b.append("  B: ").append(command).append(" --replay ").append(z.replay()).append('\n');
    b.append('\n');
    sideBySide(b, "A", a.timeline(), "B", z.timeline());
    b.append('\n');
  }

  private void only(StringBuilder b, String side, List<OutputFact> facts, String kind) {
    b.append("  ").append(kind).append(" only under ").append(side).append(":");
    if (facts.isEmpty()) {
      b.append(" nothing\n");
      return;
    }
    b.append('\n');
    for (OutputFact f : facts) {
      b.append(mark("    * " + f.node() + ": " + f.fact(), true)).append('\n');
    }
  }

  /** A line of text and whether it is marked. */
  private record Line(String text, boolean marked) {}

  private void sideBySide(StringBuilder b, String left, List<TimelineTick> a, String right, List<TimelineTick> c) {
    Map<Integer, List<List<Line>>> ticks = new TreeMap<>();
    for (TimelineTick t : a) {
      ticks.computeIfAbsent(t.tick(), k -> blank()).set(0, lines(t));
    }
    for (TimelineTick t : c) {
      ticks.computeIfAbsent(t.tick(), k -> blank()).set(1, lines(t));
    }
    List<Line> l = new ArrayList<>();
    List<Line> r = new ArrayList<>();
    l.add(new Line(left, false));
    r.add(new Line(right, false));
    for (Map.Entry<Integer, List<List<Line>>> e : ticks.entrySet()) {
      List<Line> x = e.getValue().get(0);
      List<Line> y = e.getValue().get(1);
      String header = "tick " + e.getKey();
      l.add(new Line(x.isEmpty() ? "" : header, false));
      r.add(new Line(y.isEmpty() ? "" : header, false));
      for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
        l.add(i < x.size() ? x.get(i) : new Line("", false));
        r.add(i < y.size() ? y.get(i) : new Line("", false));
      }
    }
    int width = l.stream().mapToInt(x -> x.text().length()).max().orElse(0);
    for (int i = 0; i < l.size(); i++) {
      Line x = l.get(i);
      Line y = r.get(i);
      String pad = " ".repeat(width - x.text().length());
      String row = "  " + mark(x.text(), x.marked()) + pad + " | " + mark(y.text(), y.marked());
      b.append(row.stripTrailing()).append('\n');
    }
  }

  private static List<List<Line>> blank() {
    List<List<Line>> sides = new ArrayList<>();
    sides.add(List.of());
    sides.add(List.of());
    return sides;
  }

  private static List<Line> lines(TimelineTick t) {
    List<Line> lines = new ArrayList<>();
    for (TimelineEvent e : t.events()) {
      lines.add(new Line((e.marked() ? "* " : "  ") + event(e), e.marked()));
    }
    return lines;
  }

  static String event(TimelineEvent e) {
    switch (e.kind()) {
      case INPUT:
        return e.node() + " <- " + e.fact() + "  (input)";
      case MESSAGE:
        return e.node() + " <- " + e.fact() + "  (from " + e.from() + ")";
      case DUPLICATE:
        return e.node() + " <- " + e.fact() + "  (again, from " + e.from() + ")";
      case APPEARED:
        return e.node() + " + " + e.fact();
      default:
        return e.node() + " - " + e.fact();
    }
  }

  private String mark(String text, boolean marked) {
    return marked ? colour.difference(text) : text;
  }

  String replay(Replay r) {
    StringBuilder b = new StringBuilder();
    b.append("replay of schedule ").append(r.token()).append('\n');
    if (r.choices().isEmpty()) {
      b.append("  every envelope arrives promptly (next tick; inputs at tick 1)\n");
    } else {
      b.append("  choices that differ from prompt delivery (numbered as in replay tokens):\n");
      for (Replay.Choice c : r.choices()) {
        b.append("    ").append(c.number()).append(". ").append(c.fact()).append("  ").append(c.route())
            .append(": ").append(c.decision()).append('\n');
      }
    }
    b.append('\n');
    for (TimelineTick t : r.timeline()) {
      b.append("  tick ").append(t.tick()).append('\n');
      for (TimelineEvent e : t.events()) {
        b.append("    ").append(event(e)).append('\n');
      }
    }
    for (ConstraintViolation v : r.constraintViolations()) {
      b.append("\n  constraint ").append(v.constraint().describe()).append(" violated at node ").append(v.node())
          .append(", tick ").append(v.tick()).append(": ").append(String.join(", ", v.facts()))
          .append(v.matches() > 1 ? " (and " + (v.matches() - 1) + " more)" : "").append('\n');
    }
    r.violation().ifPresent(v -> b.append("\n  seal broken: ").append(v.fact()).append(" arrived at ")
        .append(v.node()).append(" in tick ").append(v.arrivedAt()).append(", after ").append(v.guard())
        .append(" sealed it in tick ").append(v.sealedAt()).append("  [").append(v.seal()).append("]\n"));
    b.append('\n');
    for (Replay.ReplayedOutput o : r.outputs()) {
      b.append("  ").append(o.relation()).append(" at the end:");
      facts(b, o.finals().facts());
      List<OutputFact> gone = o.observed().minus(o.finals());
      if (!gone.isEmpty()) {
        b.append("  ").append(o.relation()).append(" seen during the run, gone at the end:");
        facts(b, gone);
      }
    }
    return b.toString();
  }

  private static void facts(StringBuilder b, List<OutputFact> facts) {
    if (facts.isEmpty()) {
      b.append(" nothing\n");
      return;
    }
    b.append('\n');
    for (OutputFact f : facts) {
      b.append("    ").append(f.node()).append(": ").append(f.fact()).append('\n');
    }
  }
}

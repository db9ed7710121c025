package calm.analysis.calm;

import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.Constraint;
import calm.syntax.Literal;
import calm.syntax.NegatedLiteral;
import calm.syntax.PositiveLiteral;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The verdict of each constraint (§12 Integrity constraints): the worst of what its own body does (see
 * CalmAnalysis#bodyThreats) and of the coordination points upstream of the relations it reads. An
 * order-dependent constraint gets a C002 warning that names what threatens it.
 */
final class ConstraintVerdicts {
  private ConstraintVerdicts() {}

  static List<ConstraintVerdict> of(
      RelationIndex index,
      List<CoordinationPoint> points,
      List<Constraint> constraints,
      Map<Constraint, List<ConstraintThreat>> bodyThreats,
      Consumer<Diagnostic> report) {
    List<ConstraintVerdict> verdicts = new ArrayList<>(constraints.size());
    for (Constraint constraint : constraints) {
      boolean[] upstream = upstreamOf(index, constraint);
      List<ConstraintThreat> threats = new ArrayList<>();
      TreeSet<Integer> lines = new TreeSet<>();
      for (CoordinationPoint point : points) {
        int head = index.id(point.rule().head().atom().relation().text());
        if (head >= 0 && upstream[head]) {
          lines.add(point.line());
          threats.add(
              new ConstraintThreat(
                  Optional.of(point),
                  point.at(),
                  point.kinds().stream().map(PointKind::label).collect(Collectors.joining(", ")),
                  "coordination point upstream",
                  point.status()));
        }
      }
      threats.addAll(bodyThreats.getOrDefault(constraint, List.of()));
      ConstraintVerdict.Kind verdict = ConstraintVerdict.Kind.SCHEDULE_INDEPENDENT;
      for (ConstraintThreat threat : threats) {
        verdict = verdict.worse(ConstraintVerdict.Kind.of(threat.status()));
      }
      ConstraintVerdict result = new ConstraintVerdict(constraint, verdict, List.copyOf(lines), threats);
      verdicts.add(result);
      if (verdict == ConstraintVerdict.Kind.ORDER_DEPENDENT) {
        report.accept(warning(result));
      }
    }
    return verdicts;
  }

  /** The relations the constraint reads and everything they are derived from, by relation id. */
  private static boolean[] upstreamOf(RelationIndex index, Constraint constraint) {
    boolean[] seen = new boolean[index.size()];
    int[] stack = new int[index.size()];
    int depth = 0;
    for (Literal literal : constraint.body()) {
      String relation =
          literal instanceof PositiveLiteral p
              ? p.atom().relation().text()
              : literal instanceof NegatedLiteral n ? n.atom().relation().text() : null;
      int id = relation == null ? -1 : index.id(relation);
      if (id >= 0 && !seen[id]) {
        seen[id] = true;
        stack[depth++] = id;
      }
    }
    while (depth > 0) {
      int r = stack[--depth];
      for (int from : index.sources(r)) {
        if (!seen[from]) {
          seen[from] = true;
          stack[depth++] = from;
        }
      }
    }
    return seen;
  }

  private static Diagnostic warning(ConstraintVerdict verdict) {
    Constraint constraint = verdict.constraint();
    List<ConstraintThreat> open =
        verdict.threats().stream().filter(t -> t.status() == PointStatus.UNACKNOWLEDGED).toList();
    List<ConstraintThreat> points = open.stream().filter(t -> t.point().isPresent()).toList();
    List<ConstraintThreat> body = open.stream().filter(t -> t.point().isEmpty()).toList();
    List<String> reasons = new ArrayList<>();
    if (!points.isEmpty()) {
      reasons.add(
          "it reads what the open coordination point"
              + (points.size() == 1 ? " at line " : "s at lines ")
              + points.stream().map(ConstraintVerdicts::pointText).collect(Collectors.joining(", "))
              + " derive"
              + (points.size() == 1 ? "s" : ""));
    }
    for (ConstraintThreat threat : body) {
      reasons.add("its body at line " + threat.where().line() + " (" + threat.why() + ")");
    }
    Diagnostic d =
        Diagnostic.of(
            Code.ORDER_DEPENDENT_CONSTRAINT,
            constraint.turnstile(),
            "constraint " + constraint.describe() + " is order-dependent: whether it is violated may depend"
                + " on the order of asynchronous events; " + String.join("; ", reasons));
    for (ConstraintThreat threat : points) {
      d = d.withRelated(threat.where(), "coordination point (" + threat.kind() + ") threatens it here");
    }
    for (ConstraintThreat threat : body) {
      d = d.withRelated(threat.where(), threat.why());
    }
    List<String> help = new ArrayList<>();
    if (!points.isEmpty()) {
      int line = points.get(0).where().line();
      help.add(
          "if the deployment orders these events, acknowledge it with @coordinated(\"why\") before the rule"
              + " at line " + line + "; or seal what that rule reads (its C001 says how)");
    }
    for (ConstraintThreat threat : body) {
      switch (threat.kind()) {
        case "race" -> help.add(
            "persist the event in a table and state the invariant over the table, so the violation does"
                + " not need two things to arrive in the same tick");
        case "negation" -> help.add(
            "seal the negated relation by a key and put the guard atom in the constraint's body, or"
                + " restate the invariant monotonically: as facts that, once present, stay present");
        default -> help.add(
            "test the value only against a threshold in its direction (`N >= K` for count, max and sum,"
                + " `N <= K` for min), or restate the invariant over the facts themselves");
      }
    }
    return d.withHelp(help.toArray(String[]::new));
  }

  private static String pointText(ConstraintThreat threat) {
    CoordinationPoint point = threat.point().get();
    return point.line() + " (" + threat.kind() + " into `" + point.rule().head().atom().relation().text()
        + "`)";
  }
}

package calm.cli;

import calm.eval.SealViolation;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON document of {@code calm explore --format json} (§10 What the commands promise to scripts), and of a replay. */
final class ExploreJson {
  private ExploreJson() {}

  static String exploration(Exploration e) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("runs", e.runs());
    doc.put("seed", e.seed());
    doc.put("completedRuns", e.completedRuns());
    doc.put("sealViolations", e.sealViolations());
    doc.put("errorRuns", e.errorRuns());
    List<Object> breaks = new ArrayList<>();
    for (SealBreak s : e.sealBreaks()) {
      Map<String, Object> m = violation(s.violation());
      m.put("run", s.run());
      m.put("replay", s.seed());
      breaks.add(m);
    }
    doc.put("sealBreaks", breaks);
    List<Object> outputs = new ArrayList<>();
    for (OutputFinding o : e.outputs()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("relation", o.relation());
      m.put("verdict", o.verdict().map(v -> v.label()).orElse("unknown"));
      m.put("observedOutcomes", o.observedOutcomes());
      m.put("finalOutcomes", o.finalOutcomes());
      m.put("eventuallyConsistentNotConfluent", o.eventuallyConsistentNotConfluent());
      m.put("contradictsAnalysis", o.contradictsAnalysis());
      m.put("witness", o.witness().map(ExploreJson::witness).orElse(null));
      outputs.add(m);
    }
    doc.put("outputs", outputs);
    List<Object> constraints = new ArrayList<>();
    for (ConstraintFinding c : e.constraints()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("line", c.constraint().line());
      m.put("name", c.constraint().name().orElse(null));
      m.put("verdict", c.verdict().map(v -> v.label()).orElse("unknown"));
      m.put("violatedRuns", c.violatedRuns());
      m.put("runs", c.runs());
      m.put("violatedRunsKeepingSeals", c.violatedRunsKeepingSeals());
      m.put("runsKeepingSeals", c.runsKeepingSeals());
      m.put("contradictsAnalysis", c.contradictsAnalysis());
      m.put("witness", c.witness().map(ExploreJson::constraintWitness).orElse(null));
      constraints.add(m);
    }
    doc.put("constraints", constraints);
    if (!e.snapshots().isEmpty()) { // only for programs with snapshot points (§11)
      List<Object> snapshots = new ArrayList<>();
      for (calm.eval.explore.SnapshotFinding s : e.snapshots()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("relation", s.relation());
        m.put("line", s.line());
        m.put("outcomes", s.outcomes());
        m.put("witness", s.witness().map(ExploreJson::witness).orElse(null));
        snapshots.add(m);
      }
      doc.put("snapshots", snapshots);
    }
    doc.put("error", e.failure().map(f -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("run", f.run());
      m.put("replay", f.seed());
      m.put("message", f.message());
      return m;
    }).orElse(null));
    return write(doc);
  }

  private static Map<String, Object> witness(Witness w) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", w.kind().label());
    m.put("differingDeliveries", differences(w.differences()));
    m.put("a", side(w.a()));
    m.put("b", side(w.b()));
    m.put("shrinkRuns", w.shrinkRuns());
    return m;
  }

  private static Map<String, Object> constraintWitness(ConstraintWitness w) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("differingDeliveries", differences(w.differences()));
    m.put("violation", constraintViolation(w.violation()));
    for (String name : List.of("a", "b")) {
      ScheduleSide s = name.equals("a") ? w.a() : w.b();
      Map<String, Object> side = new LinkedHashMap<>();
      side.put("run", s.run());
      side.put("seed", s.seed());
      side.put("replay", s.replay());
      side.put("violated", name.equals("a"));
      side.put("timeline", timeline(s.timeline()));
      m.put(name, side);
    }
    m.put("shrinkRuns", w.shrinkRuns());
    return m;
  }

  private static List<Object> differences(List<DeliveryDifference> differences) {
    List<Object> list = new ArrayList<>();
    for (DeliveryDifference d : differences) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("fact", d.fact());
      x.put("route", d.route());
      x.put("a", d.a());
      x.put("b", d.b());
      list.add(x);
    }
    return list;
  }

  /** A constraint violation as `calm run` and `calm explore` both write it in JSON. */
  static Map<String, Object> constraintViolation(ConstraintViolation v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("line", v.constraint().line());
    m.put("name", v.constraint().name().orElse(null));
    m.put("node", v.node());
    m.put("tick", v.tick());
    m.put("facts", v.facts());
    m.put("matches", v.matches());
    return m;
  }

  private static Map<String, Object> side(ScheduleSide s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run", s.run());
    m.put("seed", s.seed());
    m.put("replay", s.replay());
    m.put("only", facts(s.only()));
    m.put("outcome", facts(s.outcome().facts()));
    m.put("timeline", timeline(s.timeline()));
    return m;
  }

  private static List<Object> facts(List<OutputFact> facts) {
    List<Object> list = new ArrayList<>();
    for (OutputFact f : facts) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("node", f.node());
      m.put("fact", f.fact());
      list.add(m);
    }
    return list;
  }

  private static List<Object> timeline(List<TimelineTick> ticks) {
    List<Object> list = new ArrayList<>();
    for (TimelineTick t : ticks) {
      List<Object> events = new ArrayList<>();
      for (TimelineEvent e : t.events()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
        m.put("node", e.node());
        m.put("fact", e.fact());
        if (e.from() != null) {
          m.put("from", e.from());
        }
        m.put("marked", e.marked());
        events.add(m);
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("tick", t.tick());
      m.put("events", events);
      list.add(m);
    }
    return list;
  }

  private static Map<String, Object> violation(SealViolation v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seal", v.seal());
    m.put("node", v.node());
    m.put("fact", v.fact());
    m.put("guard", v.guard());
    m.put("sealedAt", v.sealedAt());
    m.put("arrivedAt", v.arrivedAt());
    return m;
  }

  static String replay(Replay r) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("replay", r.token());
    List<Object> choices = new ArrayList<>();
    for (Replay.Choice c : r.choices()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("number", c.number());
      m.put("fact", c.fact());
      m.put("route", c.route());
      m.put("decision", c.decision());
      choices.add(m);
    }
    doc.put("choices", choices);
    doc.put("timeline", timeline(r.timeline()));
    List<Object> outputs = new ArrayList<>();
    for (Replay.ReplayedOutput o : r.outputs()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("relation", o.relation());
      m.put("observed", facts(o.observed().facts()));
      m.put("final", facts(o.finals().facts()));
      outputs.add(m);
    }
    doc.put("outputs", outputs);
    doc.put("sealViolation", r.violation().map(ExploreJson::violation).orElse(null));
    doc.put("constraintViolations", r.constraintViolations().stream().map(ExploreJson::constraintViolation).toList());
    doc.put("error", r.error().orElse(null));
    return write(doc);
  }

  private static String write(Object doc) {
    return JsonValues.write(doc) + "\n";
  }
}

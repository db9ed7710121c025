package calm.analysis.calm;

import static calm.analysis.calm.PointContext.relationOf;

import calm.analysis.graph.LatticeReads;
import calm.analysis.graph.Schema;
import calm.syntax.Declaration;
import calm.syntax.Literal;
import calm.syntax.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Points of kind {@code snapshot} (§11 Keyed tables, lattices and extern tables): a rule that reads
 * the value of an asynchronous lattice table other than monotonically sees a value that may still
 * rise (or fall, for min): what it does with it depends on how many updates have arrived.
 */
final class SnapshotPoints implements PointFinder {
  private final PointContext context;
  private final Schema schema;
  private final AsyncReach reach;

  SnapshotPoints(PointContext context) {
    this.context = context;
    this.schema = context.schema();
    this.reach = context.reach();
  }

  /**
   * The snapshot reads of a point, at most one per literal, found by identity ({@link LatticeReads#of}
   * says why).
   */
  private static final class Reads extends ArrayList<LatticeReads.Snapshot> {
    private static final long serialVersionUID = 1L;
  }

  @Override
  public PointKind kind() {
    return PointKind.SNAPSHOT;
  }

  @Override
  public void find(PointDraft draft, List<Literal> asynchronous) {
    Rule rule = draft.rule;
    for (LatticeReads.Snapshot snapshot : of(rule)) {
      draft.add(PointKind.SNAPSHOT, snapshot.literal());
      reads(draft).add(snapshot);
      if (snapshot.aggregate()) {
        // an aggregate against the lattice's direction is never monotone (§11 Keyed tables, lattices and extern tables)
        context.monotoneAggregates().remove(rule);
        draft.add(PointKind.AGGREGATION, snapshot.literal());
      }
    }
  }

  @Override
  public String reason(PointDraft draft, Literal literal) {
    LatticeReads.Snapshot snapshot = LatticeReads.readOf(reads(draft), literal);
    return snapshot == null
        ? "snapshot of asynchronous lattice `" + relationOf(literal) + "`"
        : reason(snapshot);
  }

  /** An aggregation's help covers a snapshot that it aggregates. */
  @Override
  public void help(PointDraft draft, List<String> help) {
    if (!draft.has(PointKind.AGGREGATION)) {
      help.addAll(help(reads(draft).get(0)));
    } else {
      // a sum or count that dropped the key: naming it is the fix that keeps the aggregate monotone
      reads(draft).stream()
          .filter(s -> s.fix() == LatticeReads.Fix.KEY)
          .findFirst()
          .ifPresent(s -> help.add(0, help(s).get(0)));
    }
  }

  private static Reads reads(PointDraft draft) {
    Reads reads = draft.detail(PointKind.SNAPSHOT, Reads.class);
    if (reads == null) {
      reads = new Reads();
      draft.detail(PointKind.SNAPSHOT, reads);
    }
    return reads;
  }

  /**
   * The rule's snapshot reads of asynchronous lattice tables: the reads {@link LatticeReads} finds,
   * and a threshold test whose bound {@code K} may lose facts or is an event's (§11 Keyed tables, lattices
   * and extern tables: K is a constant or comes from a relation whose facts only ever appear, as for monotone
   * aggregates) — whether {@code V >= K} holds then depends on whether V rose before K went away.
   */
  private List<LatticeReads.Snapshot> of(Rule rule) {
    if (!schema.hasLatticeTables()) {
      return List.of();
    }
    List<LatticeReads.Snapshot> found = new ArrayList<>(
        LatticeReads.of(schema, rule).stream().filter(s -> reach.isAsynchronous(s.relation())).toList());
    for (LatticeReads.Threshold t : LatticeReads.thresholds(schema, rule)) {
      if (!reach.isAsynchronous(t.relation()) || LatticeReads.reads(found, t.literal())) {
        continue;
      }
      context.monotone().blameBound(rule, t.bound()).ifPresent(why -> found.add(new LatticeReads.Snapshot(
          t.literal(), t.relation(), "the threshold `" + t.test().left() + " " + t.test().operator().symbol()
              + " " + t.test().right() + "` is monotone only against a bound that stays: " + why,
          LatticeReads.Fix.BOUND, false)));
    }
    return found;
  }

  private static String reason(LatticeReads.Snapshot snapshot) {
    return "snapshot of asynchronous lattice `" + snapshot.relation() + "`: " + snapshot.why();
  }

  /** The remedy that fits the read first, then sealing, which fits every read. */
  private List<String> help(LatticeReads.Snapshot snapshot) {
    Declaration d = schema.get(snapshot.relation());
    String lattice = d.columns().get(d.arity() - 1).typeText();
    boolean max = lattice.startsWith("max");
    String seal = "or seal `" + snapshot.relation() + "` by its key (`seal " + snapshot.relation() + "("
        + keyPattern(d) + ") by done(K).`) and put the guard atom in this rule, so the value is read once"
        + " it is final";
    return switch (snapshot.fix()) {
      case THRESHOLD -> List.of(
          "test a threshold in the lattice's direction instead of reading the value (`V "
              + (max ? ">=" : "<=") + " K` for " + lattice + "): it stays true once true",
          seal);
      case SAME_LATTICE -> List.of(
          "type the receiving column as the same lattice (`" + lattice + "`), so the value flows on as"
              + " a lower bound that only " + (max ? "rises" : "falls"),
          seal);
      case SEAL -> List.of(seal.substring(3));
      case BOUND -> List.of(
          "compare against a constant or a value kept in a table that no rule deletes from (its facts"
              + " only ever appear), so that a test once true stays true",
          seal);
      case NON_NEGATIVE -> List.of(
          "test the summed value non-negative in the body (`V >= 0`), so that every key adds a value"
              + " that only rises",
          seal);
      case KEY -> List.of(
          "name the key in the atom (`" + snapshot.relation() + "(K, V)`, not `" + snapshot.relation()
              + "(_, V)`), so each key adds its own value, which only rises",
          seal);
    };
  }

  private static String keyPattern(Declaration d) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < d.arity(); i++) {
      s.append(i == 0 ? "" : ", ").append(i == 0 && d.keyColumns() > 0 ? "K" : "_");
    }
    return s.toString();
  }
}

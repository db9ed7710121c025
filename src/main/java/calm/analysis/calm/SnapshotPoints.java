package calm.analysis.calm;

import calm.analysis.graph.LatticeReads;
import calm.analysis.graph.Schema;
import calm.syntax.Declaration;
import calm.syntax.Rule;
import java.util.List;

/**
 * Points of kind {@code snapshot} (§11): a rule that reads the value of an asynchronous lattice table
 * other than monotonically sees a value that may still rise (or fall, for min): what it does with it
 * depends on how many updates have arrived.
 */
final class SnapshotPoints {
  private final Schema schema;
  private final AsyncReach reach;

  SnapshotPoints(Schema schema, AsyncReach reach) {
    this.schema = schema;
    this.reach = reach;
  }

  /** The rule's snapshot reads of asynchronous lattice tables. */
  List<LatticeReads.Snapshot> of(Rule rule) {
    if (!schema.hasLatticeTables()) {
      return List.of();
    }
    return LatticeReads.of(schema, rule).stream().filter(s -> reach.isAsynchronous(s.relation())).toList();
  }

  static String reason(LatticeReads.Snapshot snapshot) {
    return "snapshot of asynchronous lattice `" + snapshot.relation() + "`: " + snapshot.why();
  }

  /** The remedy that fits the read first, then sealing, which fits every read. */
  List<String> help(LatticeReads.Snapshot snapshot) {
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

package calm.eval;

import calm.syntax.RelationKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A run's starting point, encoded once so that many runs can start from it cheaply: the nodes, the
 * facts each node starts with, and the input events still to arrive.
 */
public final class World {
  private final List<String> nodes;
  private final List<List<Initial>> initial;
  private final List<Envelope> inputs;

  /**
   * Facts a node starts with: a block of one relation's rows, inserted in bulk (a facts file's block is
   * shared by every node it is placed on, not copied).
   */
  record Initial(int relation, FactRows rows) {}

  private World(List<String> nodes, List<List<Initial>> initial, List<Envelope> inputs) {
    this.nodes = nodes;
    this.initial = initial;
    this.inputs = inputs;
  }

  /**
   * Places the program's facts and {@code loaded} facts (per relation name, e.g. from --facts files)
   * per the scenario's placement; facts of input relations become input events at
   * {@link Scenario#ANY_TICK}.
   *
   * @throws IllegalArgumentException when the scenario names an unknown node or relation
   */
  public static World of(CompiledProgram program, Scenario scenario, Map<String, List<long[]>> loaded) {
    Map<String, FactRows> rows = new java.util.HashMap<>();
    for (Map.Entry<String, List<long[]>> e : loaded.entrySet()) {
      program.lookup(e.getKey()).ifPresent(r -> rows.put(e.getKey(), FactRows.of(r.arity(), e.getValue())));
    }
    return ofRows(program, scenario, rows);
  }

  /** As {@link #of}, the loaded facts packed per relation (as {@link FactsFiles#readRows} reads them). */
  public static World ofRows(CompiledProgram program, Scenario scenario, Map<String, FactRows> loaded) {
    List<String> nodes = List.copyOf(scenario.nodes());
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("a run needs at least one node");
    }
    List<List<Initial>> initial = new ArrayList<>();
    nodes.forEach(n -> initial.add(new ArrayList<>()));
    List<Envelope> inputs = new ArrayList<>();
    for (String relation : scenario.placement().keySet()) {
      if (program.lookup(relation).isEmpty()) {
        throw new IllegalArgumentException("the scenario places unknown relation '" + relation + "'");
      }
    }
    for (Relation r : program.relations()) {
      List<long[]> written = program.programFacts().getOrDefault(r.id(), List.of());
      FactRows read = loaded.get(r.name());
      if (written.isEmpty() && (read == null || read.size() == 0)) {
        continue;
      }
      List<FactRows> blocks = new ArrayList<>(2); // the program's facts first, then the file's
      if (!written.isEmpty()) {
        blocks.add(FactRows.of(r.arity(), written));
      }
      if (read != null && read.size() > 0) {
        blocks.add(read);
      }
      for (String node : scenario.placementOf(r.name())) {
        int n = nodeIndex(nodes, node);
        for (FactRows block : blocks) {
          if (r.kind() == RelationKind.INPUT) {
            for (int i = 0; i < block.size(); i++) {
              inputs.add(new Envelope(inputs.size(), true, node, r, block.row(i), 0, Scenario.ANY_TICK, null));
            }
          } else {
            initial.get(n).add(new Initial(r.id(), block));
          }
        }
      }
    }
    for (Scenario.NodeFact f : scenario.facts()) {
      Relation r = relationOf(program, f.fact());
      FactRows one = new FactRows(r.arity(), 1);
      one.add(encode(program, r, f.fact()));
      initial.get(nodeIndex(nodes, f.node())).add(new Initial(r.id(), one));
    }
    for (Scenario.InputEvent e : scenario.inputs()) {
      Relation r = relationOf(program, e.fact());
      nodeIndex(nodes, e.node());
      inputs.add(new Envelope(inputs.size(), true, e.node(), r, encode(program, r, e.fact()), 0, e.tick(), null));
    }
    return new World(nodes, initial, inputs);
  }

  public List<String> nodes() {
    return nodes;
  }

  List<Initial> initialFacts(int node) {
    return Collections.unmodifiableList(initial.get(node));
  }

  List<Envelope> inputs() {
    return inputs;
  }

  private static int nodeIndex(List<String> nodes, String node) {
    int i = nodes.indexOf(node);
    if (i < 0) {
      throw new IllegalArgumentException("unknown node '" + node + "'; the nodes are " + nodes);
    }
    return i;
  }

  private static Relation relationOf(CompiledProgram program, GroundFact fact) {
    return program.lookup(fact.relation())
        .orElseThrow(() -> new IllegalArgumentException("unknown relation '" + fact.relation() + "'"));
  }

  private static long[] encode(CompiledProgram program, Relation r, GroundFact fact) {
    if (fact.values().size() != r.arity()) {
      throw new IllegalArgumentException(
          "'" + r.name() + "' has " + r.arity() + " columns, " + fact + " has " + fact.values().size());
    }
    long[] t = new long[r.arity()];
    for (int i = 0; i < t.length; i++) {
      Object v = fact.values().get(i);
      boolean isString = r.types().get(i) == calm.syntax.Type.STRING;
      if (isString != (v instanceof String)) {
        throw new IllegalArgumentException(
            "column " + r.columnNames().get(i) + " of '" + r.name() + "' holds " + r.types().get(i).keyword()
                + ": " + fact);
      }
      t[i] = program.encode(v, r.types().get(i));
    }
    return t;
  }
}

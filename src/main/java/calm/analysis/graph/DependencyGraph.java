package calm.analysis.graph;

import calm.syntax.Declaration;
import calm.syntax.Rule;
import com.google.common.primitives.ImmutableIntArray;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node per declared relation and an edge per (rule, body atom): the graph of §8 The CALM analysis. Rules
 * that name undeclared relations are expected to have been rejected by the checks; their edges are skipped.
 *
 * <p>The edges are kept in lists, in the order the rules make them; the JGraphT view, which the
 * algorithms that need one (shortest paths, for a cycle's message) take, is built on first request.
 * Every check and the CALM analysis only walk the edges, and on a large program filling JGraphT's
 * edge maps for hundreds of thousands of edges cost more than all the walking.
 */
public final class DependencyGraph {
  private final Schema schema;
  private final List<Dependency> edges;
  private final Map<String, List<Dependency>> incoming;
  private final Map<String, List<Dependency>> outgoing;
  private final int[] fromIds;
  private final int[] toIds;

  private DependencyGraph(
      Schema schema,
      List<Dependency> edges,
      Map<String, List<Dependency>> incoming,
      Map<String, List<Dependency>> outgoing,
      int[] fromIds,
      int[] toIds) {
    this.schema = schema;
    this.edges = Collections.unmodifiableList(edges);
    this.incoming = incoming;
    this.outgoing = outgoing;
    this.fromIds = fromIds;
    this.toIds = toIds;
  }

  /** A relation's number (its place among the declarations) and its edges, while building. */
  private record Node(int id, List<Dependency> in, List<Dependency> out) {}

  public static DependencyGraph of(Schema schema, List<Rule> rules) {
    Map<String, Node> nodes = new LinkedHashMap<>();
    for (Declaration declaration : schema.declarations()) {
      nodes.put(declaration.name().text(), new Node(nodes.size(), new ArrayList<>(2), new ArrayList<>(2)));
    }
    List<Dependency> edges = new ArrayList<>();
    ImmutableIntArray.Builder fromIds = ImmutableIntArray.builder();
    ImmutableIntArray.Builder toIds = ImmutableIntArray.builder();
    for (Rule rule : rules) {
      String head = rule.head().atom().relation().text();
      Node to = nodes.get(head);
      if (to == null) {
        continue;
      }
      List<calm.syntax.Literal> snapshots =
          LatticeReads.of(schema, rule).stream().map(LatticeReads.Snapshot::literal).toList();
      Dependency.ofRule(rule, head, snapshots, d -> {
        Node from = nodes.get(d.from());
        if (from != null) {
          from.out().add(d);
          to.in().add(d);
          edges.add(d);
          fromIds.add(from.id());
          toIds.add(to.id());
        }
      });
    }
    Map<String, List<Dependency>> incoming = new LinkedHashMap<>();
    Map<String, List<Dependency>> outgoing = new LinkedHashMap<>();
    nodes.forEach((name, node) -> {
      incoming.put(name, node.in());
      outgoing.put(name, node.out());
    });
    return new DependencyGraph(
        schema, edges, incoming, outgoing, fromIds.build().toArray(), toIds.build().toArray());
  }

  /**
   * The relation an edge (by its place in {@link #dependencies()}) comes from, as its place among the
   * schema's declarations: passes over large programs index arrays by it instead of hashing names.
   */
  public int fromId(int edge) {
    return fromIds[edge];
  }

  /** The relation an edge goes to, numbered as in {@link #fromId(int)}. */
  public int toId(int edge) {
    return toIds[edge];
  }

  public Schema schema() {
    return schema;
  }

  /** The declared relations, in declaration order. */
  public Set<String> relations() {
    return Collections.unmodifiableSet(incoming.keySet());
  }

  /** Every edge, in the order of the rules and of their bodies. */
  public List<Dependency> dependencies() {
    return edges;
  }

  /** Edges into {@code relation}: what it is derived from. */
  public List<Dependency> incoming(String relation) {
    return Collections.unmodifiableList(incoming.getOrDefault(relation, List.of()));
  }

  /** Edges out of {@code relation}: the rules that read it. */
  public List<Dependency> outgoing(String relation) {
    return Collections.unmodifiableList(outgoing.getOrDefault(relation, List.of()));
  }
}

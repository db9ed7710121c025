package calm.analysis.graph;

import calm.syntax.Rule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

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
  private final RelationIds ids;
  private final List<Dependency> edges;
  private final List<Dependency>[] incoming;
  private final List<Dependency>[] outgoing;
  /** Made on first use: most passes ask for the relations by number. */
  private final com.google.common.base.Supplier<Set<String>> relations;
  private final int[] fromIds;
  private final int[] toIds;

  private DependencyGraph(
      RelationIds ids,
      List<Dependency> edges,
      List<Dependency>[] incoming,
      List<Dependency>[] outgoing,
      int[] fromIds,
      int[] toIds) {
    this.ids = ids;
    this.edges = Collections.unmodifiableList(edges);
    this.incoming = incoming;
    this.outgoing = outgoing;
    this.relations =
        com.google.common.base.Suppliers.memoize(
            () -> Collections.unmodifiableSet(new LinkedHashSet<>(ids.names())));
    this.fromIds = fromIds;
    this.toIds = toIds;
  }

  public static DependencyGraph of(Schema schema, List<Rule> rules) {
    return of(RelationIds.of(schema, rules), rules);
  }

  /** The graph of {@code rules}, whose relations {@code ids} has resolved. */
  public static DependencyGraph of(RelationIds ids, List<Rule> rules) {
    return of(ids.schema(), () -> ids, rules);
  }

  /**
   * As {@link #of(RelationIds, List)}, asking for the relation numbers only once the rules'
   * dependencies are found: the numbers are what the checks need first, and on a large program
   * another thread can be making them meanwhile (100,000 rules: about 50 ms each, side by side).
   */
  public static DependencyGraph of(Schema schema, Supplier<RelationIds> numbers, List<Rule> rules) {
    List<Dependency> found = new ArrayList<>(rules.size() * 2);
    int[][] place = {new int[Math.max(16, rules.size() * 2)], new int[Math.max(16, rules.size() * 2)]};
    for (int r = 0; r < rules.size(); r++) {
      Rule rule = rules.get(r);
      int rule0 = r;
      Dependency.ofRule(rule, r, rule.head().atom().relation().text(), LatticeReads.of(schema, rule), (literal, d) -> {
        int e = found.size();
        if (e == place[0].length) {
          place[0] = Arrays.copyOf(place[0], e * 2);
          place[1] = Arrays.copyOf(place[1], e * 2);
        }
        found.add(d);
        place[0][e] = rule0;
        place[1][e] = literal;
      });
    }
    RelationIds ids = numbers.get();
    int n = ids.size();
    List<Dependency> edges = new ArrayList<>(found.size());
    int[][] ends = {new int[Math.max(16, found.size())], new int[Math.max(16, found.size())]};
    int[] outCount = new int[n];
    int[] inCount = new int[n];
    for (int k = 0; k < found.size(); k++) {
      int to = ids.head(place[0][k]);
      int from = to == RelationIds.UNDECLARED ? RelationIds.UNDECLARED : ids.body(place[0][k], place[1][k]);
      if (from != RelationIds.UNDECLARED) {
        int e = edges.size();
        edges.add(found.get(k));
        ends[0][e] = from;
        ends[1][e] = to;
        outCount[from]++;
        inCount[to]++;
      }
    }
    int m = edges.size();
    int[] fromIds = Arrays.copyOf(ends[0], m);
    int[] toIds = Arrays.copyOf(ends[1], m);
    Dependency[][] out = new Dependency[n][];
    Dependency[][] in = new Dependency[n][];
    for (int r = 0; r < n; r++) {
      out[r] = new Dependency[outCount[r]];
      in[r] = new Dependency[inCount[r]];
    }
    Arrays.fill(outCount, 0);
    Arrays.fill(inCount, 0);
    for (int e = 0; e < m; e++) {
      out[fromIds[e]][outCount[fromIds[e]]++] = edges.get(e);
      in[toIds[e]][inCount[toIds[e]]++] = edges.get(e);
    }
    @SuppressWarnings("unchecked")
    List<Dependency>[] incoming = new List[n];
    @SuppressWarnings("unchecked")
    List<Dependency>[] outgoing = new List[n];
    for (int r = 0; r < n; r++) {
      incoming[r] = Collections.unmodifiableList(Arrays.asList(in[r]));
      outgoing[r] = Collections.unmodifiableList(Arrays.asList(out[r]));
    }
    return new DependencyGraph(ids, edges, incoming, outgoing, fromIds, toIds);
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
    return ids.schema();
  }

  /** The relations and each rule's atoms as numbers, as {@link #fromId(int)} numbers them. */
  public RelationIds ids() {
    return ids;
  }

  /** The declared relations, in declaration order. */
  public Set<String> relations() {
    return relations.get();
  }

  /** Every edge, in the order of the rules and of their bodies. */
  public List<Dependency> dependencies() {
    return edges;
  }

  /** Edges into {@code relation}: what it is derived from. */
  public List<Dependency> incoming(String relation) {
    int id = ids.id(relation);
    return id == RelationIds.UNDECLARED ? List.of() : incoming[id];
  }

  /** Edges out of {@code relation}: the rules that read it. */
  public List<Dependency> outgoing(String relation) {
    int id = ids.id(relation);
    return id == RelationIds.UNDECLARED ? List.of() : outgoing[id];
  }

  /** Edges into the relation numbered {@code id}. */
  public List<Dependency> incoming(int id) {
    return incoming[id];
  }

  /** Edges out of the relation numbered {@code id}. */
  public List<Dependency> outgoing(int id) {
    return outgoing[id];
  }
}

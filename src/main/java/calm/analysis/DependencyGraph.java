package calm.analysis;

import calm.syntax.Declaration;
import calm.syntax.Rule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;

/**
 * A node per declared relation and an edge per (rule, body atom): the graph of §8. Rules that name
 * undeclared relations are expected to have been rejected by the checks; their edges are skipped.
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
  private Graph<String, Dependency> graph;

  private DependencyGraph(
      Schema schema,
      List<Dependency> edges,
      Map<String, List<Dependency>> incoming,
      Map<String, List<Dependency>> outgoing) {
    this.schema = schema;
    this.edges = Collections.unmodifiableList(edges);
    this.incoming = incoming;
    this.outgoing = outgoing;
  }

  public static DependencyGraph of(Schema schema, List<Rule> rules) {
    Map<String, List<Dependency>> incoming = new LinkedHashMap<>();
    Map<String, List<Dependency>> outgoing = new LinkedHashMap<>();
    for (Declaration declaration : schema.declarations()) {
      incoming.put(declaration.name().text(), new ArrayList<>(2));
      outgoing.put(declaration.name().text(), new ArrayList<>(2));
    }
    List<Dependency> edges = new ArrayList<>();
    for (Rule rule : rules) {
      String head = rule.head().atom().relation().text();
      List<Dependency> into = incoming.get(head);
      if (into == null) {
        continue;
      }
      Dependency.ofRule(rule, head, d -> {
        List<Dependency> from = outgoing.get(d.from());
        if (from != null) {
          from.add(d);
          into.add(d);
          edges.add(d);
        }
      });
    }
    return new DependencyGraph(schema, edges, incoming, outgoing);
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

  /** The graph as JGraphT sees it, read-only by convention; built on first request. */
  public synchronized Graph<String, Dependency> asGraph() {
    if (graph == null) {
      Graph<String, Dependency> built = new LightGraph<>();
      incoming.keySet().forEach(built::addVertex);
      for (Dependency d : edges) {
        built.addEdge(d.from(), d.to(), d);
      }
      graph = built;
    }
    return graph;
  }
}

package calm.analysis;

import calm.syntax.Declaration;
import calm.syntax.Rule;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.jgrapht.Graph;

/**
 * A node per declared relation and an edge per (rule, body atom): the graph of §8. Rules that name
 * undeclared relations are expected to have been rejected by the checks; their edges are skipped.
 */
public final class DependencyGraph {
  private final Graph<String, Dependency> graph;
  private final Schema schema;

  private DependencyGraph(Graph<String, Dependency> graph, Schema schema) {
    this.graph = graph;
    this.schema = schema;
  }

  public static DependencyGraph of(Schema schema, List<Rule> rules) {
    Graph<String, Dependency> graph = new LightGraph<>();
    for (Declaration declaration : schema.declarations()) {
      graph.addVertex(declaration.name().text());
    }
    for (Rule rule : rules) {
      String head = rule.head().atom().relation().text();
      if (!graph.containsVertex(head)) {
        continue;
      }
      Dependency.ofRule(rule, head, d -> {
        if (graph.containsVertex(d.from())) {
          graph.addEdge(d.from(), head, d);
        }
      });
    }
    return new DependencyGraph(graph, schema);
  }

  public Schema schema() {
    return schema;
  }

  public Set<String> relations() {
    return Collections.unmodifiableSet(graph.vertexSet());
  }

  public Set<Dependency> dependencies() {
    return Collections.unmodifiableSet(graph.edgeSet());
  }

  /** Edges into {@code relation}: what it is derived from. */
  public Set<Dependency> incoming(String relation) {
    return graph.incomingEdgesOf(relation);
  }

  /** Edges out of {@code relation}: the rules that read it. */
  public Set<Dependency> outgoing(String relation) {
    return graph.outgoingEdgesOf(relation);
  }

  /** The underlying JGraphT graph, read-only by convention. */
  public Graph<String, Dependency> asGraph() {
    return graph;
  }
}

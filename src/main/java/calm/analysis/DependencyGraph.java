package calm.analysis;

import calm.syntax.Declaration;
import calm.syntax.HeadForm;
import calm.syntax.Literal;
import calm.syntax.NegatedLiteral;
import calm.syntax.PositiveLiteral;
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
    Graph<String, Dependency> graph = new Stratification.LightGraph<>();
    for (Declaration declaration : schema.declarations()) {
      graph.addVertex(declaration.name().text());
    }
    for (Rule rule : rules) {
      String head = rule.head().atom().relation().text();
      if (!graph.containsVertex(head)) {
        continue;
      }
      Time time = Time.of(rule.head().form());
      boolean aggregated = rule.isAggregate();
      boolean deleting = rule.head().form() == HeadForm.DELETE;
      for (Literal literal : rule.body()) {
        String body = null;
        if (literal instanceof PositiveLiteral p) {
          body = p.atom().relation().text();
        } else if (literal instanceof NegatedLiteral n) {
          body = n.atom().relation().text();
        }
        if (body != null && graph.containsVertex(body)) {
          boolean negated = literal instanceof NegatedLiteral;
          graph.addEdge(
              body, head, new Dependency(body, head, rule, literal, time, negated, aggregated, deleting));
        }
      }
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

package calm.analysis.graph;

import org.jgrapht.graph.AbstractBaseGraph;
import org.jgrapht.graph.DefaultGraphSpecificsStrategy;
import org.jgrapht.graph.DefaultGraphType;

/**
 * A directed pseudograph without JGraphT's vertex-pair index, which only {@code getEdge(u, v)} needs:
 * adding an edge is then a list append rather than a hash lookup, and a large program's graphs have
 * hundreds of thousands of edges.
 */
public final class LightGraph<V, E> extends AbstractBaseGraph<V, E> {
  private static final long serialVersionUID = 1L;

  public LightGraph() {
    super(null, null, DefaultGraphType.directedPseudograph(), new DefaultGraphSpecificsStrategy<>());
  }
}

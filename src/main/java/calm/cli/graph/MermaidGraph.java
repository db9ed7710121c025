package calm.cli.graph;

import calm.analysis.calm.DataflowGraph;
import calm.analysis.calm.DataflowGraph.Edge;
import calm.analysis.calm.DataflowGraph.Node;
import calm.analysis.calm.PointStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Draws a {@link DataflowGraph} as a Mermaid flowchart, which GitHub renders in Markdown. */
public final class MermaidGraph {
  private MermaidGraph() {}

  public static String render(DataflowGraph graph) {
    return drawing(graph).text();
  }

  /**
   * The drawing as items: the strata with their nodes, the edges, the constraints and the legend, the
   * classes of the nodes that have any, then the class definitions and the coloured links.
   */
  public static Drawing drawing(DataflowGraph graph) {
    List<Object> items = new ArrayList<>(2 * graph.nodes().size() + graph.edges().size() + 8);
    items.add("flowchart LR\n");
    List<List<Node>> byStratum = graph.nodesByStratum();
    for (int s = 0; s < byStratum.size(); s++) {
      items.add("  subgraph stratum_" + s + "[\"stratum " + s + "\"]\n");
      items.addAll(byStratum.get(s));
      items.add("  end\n");
    }
    Map<PointStatus, List<Integer>> coloured = new EnumMap<>(PointStatus.class);
    int link = 0;
    for (Edge e : graph.edges()) {
      items.add(e);
      final int index = link++;
      e.point().ifPresent(status -> coloured.computeIfAbsent(status, k -> new ArrayList<>()).add(index));
    }
    StringBuilder out = new StringBuilder();
    for (DataflowGraph.ConstraintNode c : graph.constraints()) {
      out.append("  ").append(c.id()).append("{{\"").append(c.label().replace("\"", "#quot;"))
          .append("\"}}\n");
      for (String relation : c.reads()) {
        out.append("  ").append(id(relation)).append(" -.-o ").append(c.id()).append('\n');
      }
      String status = PointColours.className(c.verdict());
      if (status != null) {
        out.append("  class ").append(c.id()).append(' ').append(status).append('\n');
      }
    }
    // the legend
    out.append("""
          subgraph legend["legend"]
            legend_table["table"]
            legend_view("scratch view")
            legend_event(["event"])
            legend_output["output"]:::output
            legend_open["open point"]:::open
            legend_sealed["sealed point"]:::sealed
            legend_acknowledged["acknowledged point"]:::acknowledged
            legend_event -.->|"A async"| legend_table
            legend_table ==>|"N non-monotone"| legend_view
            legend_view -->|"M monotone"| legend_output
          end
        """);
    items.add(out.toString());
    for (Node n : graph.nodes()) {
      if (n.output() || n.point().isPresent()) {
        items.add(new Classes(n));
      }
    }
    items.add(classDefinitions(coloured));
    return new Drawing(items, MermaidGraph::draw);
  }

  /** The {@code class} lines of a node: output, and the status of its points. */
  private record Classes(Node node) {}

  private static void draw(Object item, StringBuilder out) {
    if (item instanceof Node n) {
      out.append("    ").append(node(n)).append('\n');
    } else if (item instanceof Edge e) {
      String arrow = e.async() ? "-.->" : e.nonMonotone() ? "==>" : "-->";
      out.append("  ").append(id(e.from())).append(' ').append(arrow)
          .append("|\"").append(e.label()).append("\"| ").append(id(e.to())).append('\n');
    } else if (item instanceof Classes c) {
      Node n = c.node();
      if (n.output()) {
        out.append("  class ").append(id(n.name())).append(" output\n");
      }
      n.point().ifPresent(status ->
          out.append("  class ").append(id(n.name())).append(' ').append(PointColours.className(status)).append('\n'));
    } else {
      out.append((String) item);
    }
  }

  private static String classDefinitions(Map<PointStatus, List<Integer>> coloured) {
    StringBuilder out = new StringBuilder();
    out.append("  classDef output stroke-width:4px\n");
    for (PointStatus status : PointStatus.values()) {
      String colour = PointColours.of(status);
      out.append("  classDef ").append(PointColours.className(status))
          .append(" stroke:").append(colour).append(",stroke-width:3px,color:").append(colour).append('\n');
      List<Integer> links = coloured.get(status);
      if (links != null) {
        for (int from = 0; from < links.size(); from += 500) {
          List<Integer> chunk = links.subList(from, Math.min(links.size(), from + 500));
          out.append("  linkStyle ")
              .append(String.join(",", chunk.stream().map(String::valueOf).toList()))
              .append(" stroke:").append(colour).append(",stroke-width:2px\n");
        }
      }
    }
    return out.toString();
  }

  private static String node(Node n) {
    String label = "\"" + n.name() + (n.detail().isEmpty() ? "" : "<br/>" + n.detail().replace("<", "&lt;").replace(">", "&gt;")) + "\"";
    return switch (n.shape()) {
      case TABLE -> id(n.name()) + "[" + label + "]";
      case VIEW -> id(n.name()) + "(" + label + ")";
      case EVENT -> id(n.name()) + "([" + label + "])";
    };
  }

  /** Relation names may be Mermaid keywords (`end`, `graph`): prefix them. */
  private static String id(String relation) {
    return "r_" + relation;
  }
}

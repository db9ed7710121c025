package calm.cli.graph;

import calm.analysis.calm.DataflowGraph;
import calm.analysis.calm.DataflowGraph.Edge;
import calm.analysis.calm.DataflowGraph.Node;
import java.util.ArrayList;
import java.util.List;

/** Draws a {@link DataflowGraph} in Graphviz's DOT language. */
public final class DotGraph {
  private DotGraph() {}

  public static String render(DataflowGraph graph, String title) {
    return drawing(graph, title).text();
  }

  /** The drawing as items: the header, each stratum's cluster of nodes, the edges, then the rest. */
  public static Drawing drawing(DataflowGraph graph, String title) {
    List<Object> items = new ArrayList<>(graph.nodes().size() + graph.edges().size() + 8);
    StringBuilder header = new StringBuilder("digraph calm {\n");
    header.append("  graph [rankdir=LR, fontname=\"Helvetica\", labelloc=t, label=").append(quote(title)).append("];\n");
    header.append("  node [fontname=\"Helvetica\"];\n");
    header.append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    items.add(header.toString());
    List<List<Node>> byStratum = graph.nodesByStratum();
    for (int s = 0; s < byStratum.size(); s++) {
      items.add(
          "  subgraph cluster_stratum_" + s + " {\n    label=\"stratum " + s
              + "\"; style=dashed; color=\"#bbbbbb\"; fontcolor=\"#888888\";\n");
      items.addAll(byStratum.get(s));
      items.add("  }\n");
    }
    items.addAll(graph.edges());
    StringBuilder rest = new StringBuilder();
    constraints(graph, rest);
    legend(rest);
    rest.append("}\n");
    items.add(rest.toString());
    return new Drawing(items, DotGraph::draw);
  }

  private static void draw(Object item, StringBuilder out) {
    if (item instanceof Node n) {
      out.append("    ");
      quote(n.name(), out).append(" [");
      nodeAttributes(n, out).append("];\n");
    } else if (item instanceof Edge e) {
      out.append("  ");
      quote(e.from(), out).append(" -> ");
      quote(e.to(), out).append(" [");
      edgeAttributes(e, out).append("];\n");
    } else {
      out.append((String) item);
    }
  }

  /** Each constraint as an octagon that its relations point at, coloured by its verdict. */
  private static void constraints(DataflowGraph graph, StringBuilder out) {
    for (DataflowGraph.ConstraintNode c : graph.constraints()) {
      String colour = PointColours.of(c.verdict());
      out.append("  ").append(quote(c.id())).append(" [shape=octagon, label=").append(quote(c.label()))
          .append(colour == null ? "" : ", color=\"" + colour + "\", fontcolor=\"" + colour + "\", penwidth=2")
          .append(", tooltip=").append(quote("constraint, " + c.verdict().words())).append("];\n");
      for (String relation : c.reads()) {
        out.append("  ").append(quote(relation)).append(" -> ").append(quote(c.id()))
            .append(" [style=dotted, arrowhead=tee];\n");
      }
    }
  }

  // the attributes are appended as they are decided: a 100,000-rule program draws about as many
  // nodes and edges, and a list and a joined string for each was most of the drawing's garbage

  private static StringBuilder nodeAttributes(Node n, StringBuilder out) {
    switch (n.shape()) {
      case TABLE -> out.append("shape=box");
      case VIEW -> out.append("shape=box, style=rounded");
      case EVENT -> out.append("shape=ellipse");
    }
    if (!n.detail().isEmpty()) {
      out.append(", label=\"").append(n.name()).append("\\n").append(n.detail().replace("\"", "\\\"")).append('"');
    }
    if (n.output()) {
      out.append(", peripheries=2");
    }
    n.point().ifPresent(status -> pointColours(status, out));
    String tooltip = n.kind().keyword() + (n.output() ? ", output" : "");
    if (n.point().isPresent()) {
      tooltip += ", written by a " + PointColours.className(n.point().get()) + " coordination point";
    }
    out.append(", tooltip=");
    return quote(tooltip, out);
  }

  private static StringBuilder edgeAttributes(Edge e, StringBuilder out) {
    out.append("label=\"").append(e.label()).append('"');
    if (e.async()) {
      out.append(", style=dashed");
    }
    if (e.nonMonotone()) {
      out.append(", arrowhead=odot");
    }
    e.point().ifPresent(status -> pointColours(status, out));
    out.append(", tooltip=\"line ");
    List<Integer> lines = e.lines();
    for (int i = 0; i < lines.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(lines.get(i).intValue());
    }
    return out.append('"');
  }

  private static void pointColours(calm.analysis.calm.PointStatus status, StringBuilder out) {
    String colour = PointColours.of(status);
    out.append(", color=\"").append(colour).append("\", fontcolor=\"").append(colour).append("\", penwidth=2");
  }

  private static void legend(StringBuilder out) {
    out.append("""
          subgraph cluster_legend {
            label="legend"; style=solid; color="#888888"; fontcolor="#444444";
            node [fontsize=10];
            legend_table [shape=box, label="table"];
            legend_view [shape=box, style=rounded, label="scratch view"];
            legend_event [shape=ellipse, label="event: input, channel,\\nscratch of events"];
            legend_output [shape=box, peripheries=2, label="output"];
            legend_m1 [shape=point]; legend_m2 [shape=point];
            legend_a1 [shape=point]; legend_a2 [shape=point];
            legend_n1 [shape=point]; legend_n2 [shape=point];
            legend_o1 [shape=point]; legend_o2 [shape=point];
            legend_s1 [shape=point]; legend_s2 [shape=point];
            legend_k1 [shape=point]; legend_k2 [shape=point];
            legend_m1 -> legend_m2 [label="M monotone"];
            legend_a1 -> legend_a2 [label="A async", style=dashed];
            legend_n1 -> legend_n2 [label="N non-monotone", arrowhead=odot];
            legend_o1 -> legend_o2 [label="D open coordination point", color="%s", fontcolor="%s", penwidth=2];
            legend_s1 -> legend_s2 [label="D sealed point", color="%s", fontcolor="%s", penwidth=2];
            legend_k1 -> legend_k2 [label="D acknowledged point", color="%s", fontcolor="%s", penwidth=2];
          }
        """.formatted(
            PointColours.OPEN, PointColours.OPEN, PointColours.SEALED, PointColours.SEALED, PointColours.ACKNOWLEDGED, PointColours.ACKNOWLEDGED));
  }

  static String quote(String s) {
    return quote(s, new StringBuilder(s.length() + 2)).toString();
  }

  /** {@code s} in double quotes, its backslashes and double quotes escaped, appended to {@code out}. */
  static StringBuilder quote(String s, StringBuilder out) {
    out.append('"');
    // the runs between escapes appended whole: a name rarely has one, and a character at a time was
    // half of drawing 100,000 rules
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' || c == '"') {
        out.append(s, run, i).append('\\');
        run = i;
      }
    }
    return out.append(s, run, s.length()).append('"');
  }
}

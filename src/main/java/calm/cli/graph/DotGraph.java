package calm.cli.graph;

import calm.analysis.calm.DataflowGraph;
import calm.analysis.calm.DataflowGraph.Edge;
import calm.analysis.calm.DataflowGraph.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Draws a {@link DataflowGraph} in Graphviz's DOT language. */
public final class DotGraph {
  private DotGraph() {}

  public static String render(DataflowGraph graph, String title) {
    StringBuilder out = new StringBuilder(64 + 96 * (graph.nodes().size() + graph.edges().size()));
    out.append("digraph calm {\n");
    out.append("  graph [rankdir=LR, fontname=\"Helvetica\", labelloc=t, label=").append(quote(title)).append("];\n");
    out.append("  node [fontname=\"Helvetica\"];\n");
    out.append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    List<List<Node>> byStratum = graph.nodesByStratum();
    for (int s = 0; s < byStratum.size(); s++) {
      out.append("  subgraph cluster_stratum_").append(s).append(" {\n");
      out.append("    label=\"stratum ").append(s).append("\"; style=dashed; color=\"#bbbbbb\"; fontcolor=\"#888888\";\n");
      for (Node n : byStratum.get(s)) {
        out.append("    ").append(quote(n.name())).append(" [").append(nodeAttributes(n)).append("];\n");
      }
      out.append("  }\n");
    }
    for (Edge e : graph.edges()) {
      out.append("  ").append(quote(e.from())).append(" -> ").append(quote(e.to()))
          .append(" [").append(edgeAttributes(e)).append("];\n");
    }
    constraints(graph, out);
    legend(out);
    out.append("}\n");
    return out.toString();
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

  private static String nodeAttributes(Node n) {
    List<String> a = new ArrayList<>();
    switch (n.shape()) {
      case TABLE -> a.add("shape=box");
      case VIEW -> a.add("shape=box, style=rounded");
      case EVENT -> a.add("shape=ellipse");
    }
    String tooltip = n.kind().keyword() + (n.output() ? ", output" : "");
    if (!n.detail().isEmpty()) {
      a.add("label=\"" + n.name() + "\\n" + n.detail().replace("\"", "\\\"") + "\"");
    }
    if (n.output()) {
      a.add("peripheries=2");
    }
    n.point().ifPresent(status -> {
      a.add("color=\"" + PointColours.of(status) + "\"");
      a.add("fontcolor=\"" + PointColours.of(status) + "\"");
      a.add("penwidth=2");
    });
    if (n.point().isPresent()) {
      tooltip += ", written by a " + PointColours.className(n.point().get()) + " coordination point";
    }
    a.add("tooltip=" + quote(tooltip));
    return String.join(", ", a);
  }

  private static String edgeAttributes(Edge e) {
    List<String> a = new ArrayList<>();
    a.add("label=\"" + e.label() + "\"");
    if (e.async()) {
      a.add("style=dashed");
    }
    if (e.nonMonotone()) {
      a.add("arrowhead=odot");
    }
    e.point().ifPresent(status -> {
      a.add("color=\"" + PointColours.of(status) + "\"");
      a.add("fontcolor=\"" + PointColours.of(status) + "\"");
      a.add("penwidth=2");
    });
    a.add("tooltip=\"line " + e.lines().stream().map(String::valueOf).collect(Collectors.joining(", ")) + "\"");
    return String.join(", ", a);
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
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}

package calm.analysis.calm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.cli.Main;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code calm graph}, run in-process the way the launcher runs it. */
class GraphCommandTest {
  @TempDir Path dir;

  private Path program(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/golden/check/calm-" + name + "/program.calm")) {
      Path file = dir.resolve(name + ".calm");
      Files.write(file, in.readAllBytes());
      return file;
    }
  }

  private String draw(String name, String format) throws IOException {
    Path out = dir.resolve(name + "." + format);
    int status = Main.execute("graph", program(name).toString(), "--format", format, "--output", out.toString());
    assertEquals(0, status);
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  @Test
  void dotShowsShapesEdgesPointsStrataAndALegend() throws IOException {
    String dot = draw("disorderly-cart", "dot");
    assertTrue(dot.startsWith("digraph calm {"), dot);
    assertTrue(dot.contains("\"action_log\" [shape=box"), "tables are boxes");
    assertTrue(dot.contains("\"checkout_msg\" [shape=ellipse"), "events are ovals");
    assertTrue(dot.contains("\"client_action\" -> \"action_msg\" [label=\"A\", style=dashed"), "async edges dashed");
    assertTrue(
        dot.contains("\"action_log\" -> \"item_sum\" [label=\"D\", arrowhead=odot, color=\"" + "#d62728"),
        "the open point's edge is red and marked non-monotone");
    assertTrue(dot.contains("subgraph cluster_stratum_1"), "the aggregate sits one stratum up");
    assertTrue(dot.contains("subgraph cluster_legend"));
    assertTrue(dot.contains("\"response_msg\" [shape=ellipse, peripheries=2"), "outputs have a double border");
  }

  @Test
  void sealedAndAcknowledgedPointsHaveTheirOwnColours() throws IOException {
    assertTrue(draw("disorderly-cart-sealed", "dot").contains("\"action_log\" -> \"item_sum\" [label=\"D\", arrowhead=odot, color=\"#1f77b4\""));
    assertTrue(draw("coordinated", "dot").contains("\"cart\" -> \"order_total\" [label=\"D\", arrowhead=odot, color=\"#9467bd\""));
  }

  @Test
  void monotoneAggregateEdgesAreNotMarkedNonMonotone() throws IOException {
    String dot = draw("quorum", "dot");
    assertTrue(dot.contains("\"votes\" -> \"tally\" [label=\"M\""), dot);
  }

  @Test
  void mermaidDrawsTheSameGraph() throws IOException {
    String mermaid = draw("disorderly-cart", "mermaid");
    assertTrue(mermaid.startsWith("flowchart LR\n"));
    assertTrue(mermaid.contains("r_client_action -.->|\"A\"| r_action_msg"));
    assertTrue(mermaid.contains("r_action_log[\"action_log\"]"));
    assertTrue(mermaid.contains("r_checkout_msg([\"checkout_msg\"])"));
    assertTrue(mermaid.contains("subgraph stratum_1[\"stratum 1\"]"));
    assertTrue(mermaid.contains("class r_item_sum open"));
    assertTrue(mermaid.contains("classDef open stroke:#d62728"));
    assertTrue(mermaid.contains("subgraph legend"));
  }

  @Test
  void refusesAFileWithErrors() throws IOException {
    Path broken = dir.resolve("broken.calm");
    Files.writeString(broken, "table t(x: int).\nt(X) :- t(X)\n");
    assertEquals(1, Main.execute("graph", broken.toString(), "--output", dir.resolve("x.dot").toString()));
    assertTrue(Files.notExists(dir.resolve("x.dot")));
  }

  @Test
  void badOptionsAndMissingFilesAreExitStatusTwo() throws IOException {
    assertEquals(2, Main.execute("graph", program("likes").toString(), "--format", "png"));
    assertEquals(2, Main.execute("graph", dir.resolve("missing.calm").toString()));
  }

  @Test
  void svgWithoutGraphvizSaysHowToInstallIt() throws IOException {
    boolean hasDot;
    try {
      hasDot = new ProcessBuilder("dot", "-V").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      hasDot = false;
    }
    Assumptions.assumeFalse(hasDot, "Graphviz is installed here");
    assertEquals(2, Main.execute("graph", program("likes").toString(), "--format", "svg"));
  }

  /** The model is declared through picocli's programmatic API: a reused command line starts from its defaults. */
  @Test
  void aReusedCommandLineDrawsDotToStandardOutputAgain() throws IOException {
    Path file = program("quorum");
    Main.Reusable reusable = new Main.Reusable();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path mermaid = dir.resolve("quorum.mmd");
    assertEquals(0, reusable.execute(new PrintWriter(out), new PrintWriter(err), "graph", file.toString(),
        "--format", "mermaid", "-o", mermaid.toString()));
    assertEquals("", out.toString());
    assertTrue(Files.readString(mermaid).startsWith("flowchart"), Files.readString(mermaid));
    assertEquals(0, reusable.execute(new PrintWriter(out), new PrintWriter(err), "graph", file.toString()), err.toString());
    assertTrue(out.toString().startsWith("digraph calm {"), out.toString());
  }
}

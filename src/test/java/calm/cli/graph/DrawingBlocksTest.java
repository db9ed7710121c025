package calm.cli.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.analysis.CheckedProgram;
import calm.analysis.Checker;
import calm.analysis.calm.DataflowGraph;
import calm.syntax.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code calm graph} writes a drawing block by block as the blocks are made: however finely it is cut,
 * the blocks in order are the whole drawing, each ending at a line's end.
 */
class DrawingBlocksTest {
  @ParameterizedTest
  @ValueSource(strings = {"calm-disorderly-cart-sealed", "calm-keyed-lattice-extern", "constraint-verdicts"})
  void blocksInOrderAreTheWholeDrawing(String name) throws IOException {
    DataflowGraph graph = graph(name);
    for (Drawing drawing : new Drawing[] {DotGraph.drawing(graph, name + ".calm"), MermaidGraph.drawing(graph)}) {
      String whole = drawing.text();
      for (int items : new int[] {1, 2, 3, 1024}) {
        Drawing cut = drawing.inBlocksOf(items);
        StringBuilder joined = new StringBuilder();
        for (int b = 0; b < cut.blocks(); b++) {
          String block = cut.block(b);
          assertTrue(block.isEmpty() || block.endsWith("\n"), () -> "a block of whole lines: " + block);
          joined.append(block);
        }
        assertEquals(whole, joined.toString(), "blocks of " + items + " items");
      }
      assertTrue(drawing.inBlocksOf(1).blocks() > 10, "cut finely, a drawing is many blocks");
    }
    assertEquals(DotGraph.render(graph, name + ".calm"), DotGraph.drawing(graph, name + ".calm").text());
    assertEquals(MermaidGraph.render(graph), MermaidGraph.drawing(graph).text());
  }

  private static DataflowGraph graph(String name) throws IOException {
    try (InputStream in = DrawingBlocksTest.class.getResourceAsStream("/golden/check/" + name + "/program.calm")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      CheckedProgram checked = Checker.standard().run(new SourceFile(name + ".calm", text)).checked().orElseThrow();
      return DataflowGraph.of(checked.calmAnalysis(), checked.stratification());
    }
  }
}

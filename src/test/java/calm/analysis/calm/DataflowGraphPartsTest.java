package calm.analysis.calm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.analysis.CheckedProgram;
import calm.analysis.Checker;
import calm.syntax.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The drawing's nodes and arrows are made in parts of relations side by side: any cut draws the same. */
class DataflowGraphPartsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "calm-coordinated",
        "calm-coordinated-sealed",
        "calm-destructive-cart",
        "calm-disorderly-cart",
        "calm-disorderly-cart-sealed",
        "calm-keyed-lattice-extern",
        "calm-lattice-reads",
        "calm-likes",
        "constraint-verdicts"
      })
  void partsOfAnySizeMakeTheGraphOfOnePart(String name) throws IOException {
    CheckedProgram checked = checked(name);
    CalmAnalysis analysis = checked.calmAnalysis();
    int relations = analysis.graph().ids().size();
    assertTrue(relations > 2, "a program of several relations");
    DataflowGraph whole = DataflowGraph.of(analysis, checked.stratification(), relations);
    assertTrue(!whole.edges().isEmpty(), "a program with arrows");
    for (int perPart : new int[] {1, 2, 3}) {
      assertEquals(whole, DataflowGraph.of(analysis, checked.stratification(), perPart), "parts of " + perPart);
    }
    assertEquals(whole, DataflowGraph.of(analysis, checked.stratification()));
  }

  private static CheckedProgram checked(String name) throws IOException {
    try (InputStream in = DataflowGraphPartsTest.class.getResourceAsStream("/golden/check/" + name + "/program.calm")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Checker.standard().run(new SourceFile(name + ".calm", text)).checked().orElseThrow();
    }
  }
}

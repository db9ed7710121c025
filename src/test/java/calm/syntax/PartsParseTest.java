package calm.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Two threads read a large file's parts in turn; what comes out is what one reading of the whole file gives. */
class PartsParseTest {
  private static String program(int rules) {
    StringBuilder text = new StringBuilder("table edge(x: int, y: int).\ntable path(x: int, y: int).\n");
    for (int i = 0; i < rules; i++) {
      text.append("edge(").append(i).append(", ").append(i + 1).append(").\n");
      text.append("path(X, Z) :- path(X, Y), // step ").append(i).append(".\n  edge(Y, Z).\n");
      if (i % 97 == 0) {
        text.append("/* a comment.\n   */\nedge(X, ").append(i).append(").\n"); // not ground: reported
      }
    }
    return text.toString();
  }

  @Test
  void partsOfAnySizeGiveTheItemsAndDiagnosticsOfTheWholeFile() {
    SourceFile source = new SourceFile("parts.calm", program(2_000));
    List<Diagnostic> whole = new ArrayList<>();
    List<Item> expected = StreamingParse.inParts(source, Integer.MAX_VALUE, whole).orElseThrow();
    assertEquals(21, whole.size());
    assertTrue(whole.stream().allMatch(d -> d.code() == Code.NON_GROUND_FACT), whole.toString());
    for (int partChars : new int[] {1, 50, 4_096}) {
      List<Diagnostic> diagnostics = new ArrayList<>();
      Optional<List<Item>> items = StreamingParse.inParts(source, partChars, diagnostics);
      assertEquals(expected, items.orElseThrow(), "parts of " + partChars);
      assertEquals(whole, diagnostics, "parts of " + partChars);
    }
  }

  @Test
  void aNameIsOneStringInEveryPart() {
    SourceFile source = new SourceFile("names.calm", program(500));
    List<Item> items = StreamingParse.inParts(source, 1, new ArrayList<>()).orElseThrow();
    Rule first = (Rule) items.stream().filter(Rule.class::isInstance).findFirst().orElseThrow();
    Rule last = (Rule) items.get(items.size() - 1);
    assertSame(first.head().atom().relation().text(), last.head().atom().relation().text());
  }

  @Test
  void aPartThatFailsGivesTheWholeFileToTheCarefulPath() {
    String text = program(1_000);
    int middle = text.indexOf("edge(500, 501).");
    SourceFile source = new SourceFile("broken.calm", text.substring(0, middle) + "edge(500 501).\n" + text.substring(middle));
    List<Diagnostic> diagnostics = new ArrayList<>();
    assertEquals(Optional.empty(), StreamingParse.inParts(source, 64, diagnostics));
    assertEquals(List.of(), diagnostics);
  }
}

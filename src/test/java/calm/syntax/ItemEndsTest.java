package calm.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A large file is cut only after a line that ends with an item's '.', never inside a comment or a string. */
class ItemEndsTest {
  private static List<Integer> cuts(String text, int partChars) {
    ItemEnds ends = new ItemEnds(text, partChars);
    List<Integer> cuts = new ArrayList<>();
    for (int at = ends.after(0); at < text.length(); at = ends.after(at)) {
      cuts.add(at);
    }
    return cuts;
  }

  /** Where each of {@code lines} (text of {@code text}, a whole line each) starts. */
  private static List<Integer> startsOf(String text, String... lines) {
    List<Integer> starts = new ArrayList<>();
    for (String line : lines) {
      starts.add(text.indexOf(line));
    }
    return starts;
  }

  @Test
  void everyLineThatEndsAnItemIsACutWhenPartsAreOneCharacterLong() {
    String text = "a(1).\nb(X) :-\n  c(X).\nd(2).\n";
    assertEquals(startsOf(text, "b(X) :-", "d(2)."), cuts(text, 1));
  }

  @Test
  void aDotInACommentOrAStringEndsNoItem() {
    String text =
        "a(1).\n"
            + "/* a comment.\n"
            + "   of two lines. */\n"
            + "b(X) :- c(X), // a note.\n"
            + "  d(X).\n"
            + "e(\"f.\n"
            + "g(\"h.\").\n"
            + "i(\"//\").\n"
            + "j(1).\n";
    // "e(\"f." is an unterminated string: its line ends no item either
    assertEquals(startsOf(text, "/* a comment.", "e(\"f.", "i(\"//\").", "j(1)."), cuts(text, 1));
  }

  @Test
  void aLineMayEndInACarriageReturnAndALineFeed() {
    String text = "a(1).\r\nb(2).\r\nc(3).\r\n";
    assertEquals(startsOf(text, "b(2).", "c(3)."), cuts(text, 1));
  }

  @Test
  void partsAreAtLeastTheirSizeLong() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      text.append("t(").append(i).append(").\n");
    }
    List<Integer> cuts = cuts(text.toString(), 100);
    int previous = 0;
    for (int cut : cuts) {
      assertEquals('\n', text.charAt(cut - 1));
      assertEquals(true, cut - previous >= 100, "a part of " + (cut - previous) + " characters");
      assertEquals(true, cut - previous < 100 + 10, "a part of " + (cut - previous) + " characters");
      previous = cut;
    }
    assertEquals(true, cuts.size() > 50, cuts.size() + " cuts");
  }

  @Test
  void aFileWithoutALineThatEndsAnItemIsOnePart() {
    String text = "/* " + "x.\n".repeat(100) + "*/\na(1).";
    assertEquals(List.of(), cuts(text, 1));
  }
}

package calm.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** A span's end is packed when it fits; packed or not, a span is its four numbers. */
class SpanTest {
  @Test
  void keepsItsNumbersPackedOrWide() {
    int[][] cases = {
      {1, 1, 1, 2}, {7, 3, 7, 8_388_607}, {7, 3, 7, 8_388_608}, {10, 1, 265, 4}, {10, 1, 266, 4},
      {2_000_000_000, 5, 2_000_000_001, 9}, {1, 9, 1, Integer.MAX_VALUE}, {5, 1, 3, 1}, {1, 1, 1, -1},
    };
    for (int[] c : cases) {
      Span span = Span.of(c[0], c[1], c[2], c[3]);
      assertEquals(c[0], span.line());
      assertEquals(c[1], span.column());
      assertEquals(c[2], span.endLine());
      assertEquals(c[3], span.endColumn());
      assertEquals(c[0] + ":" + c[1] + "-" + c[2] + ":" + c[3], span.toString());
      // the hash code of the record Span was
      assertEquals(((c[0] * 31 + c[1]) * 31 + c[2]) * 31 + c[3], span.hashCode());
      assertEquals(span, Span.of(c[0], c[1], c[2], c[3]));
    }
  }

  @Test
  void comparesAndJoinsAcrossTheTwoForms() {
    Span packed = Span.of(3, 4, 3, 9);
    Span wide = Span.of(3, 4, 400, 2);
    assertNotEquals(packed, wide);
    assertEquals(Span.of(3, 4, 400, 2), packed.to(wide));
    assertEquals(Span.of(3, 4, 400, 2), wide.to(packed));
    assertEquals(Span.of(1, 1, 3, 9), Span.point(1, 1).to(packed));
  }
}

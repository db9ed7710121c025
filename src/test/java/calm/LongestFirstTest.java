package calm;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;

/** A renamed long pole would silently lose its place at the front: each name must be a test class. */
class LongestFirstTest {
  @Test
  void everyLongPoleIsATestClass() {
    for (String name : LongestFirst.longPoles()) {
      assertDoesNotThrow(() -> Class.forName(name), name);
    }
  }
}

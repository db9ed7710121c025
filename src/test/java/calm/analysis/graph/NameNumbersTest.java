package calm.analysis.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link NameNumbers} answers as the map it replaced: the last place of a name given twice, else absent. */
class NameNumbersTest {
  @Test
  void answersAsAMapWould() {
    Random random = new Random(19);
    for (int round = 0; round < 200; round++) {
      int n = random.nextInt(round < 20 ? 4 : 600);
      String[] names = new String[n];
      Map<String, Integer> expected = new HashMap<>();
      for (int i = 0; i < n; i++) {
        names[i] = name(random, n);
        expected.put(names[i], i);
      }
      NameNumbers numbers = new NameNumbers(names);
      for (int probe = 0; probe < 2 * n + 10; probe++) {
        // a fresh String: equal to a name, never the same reference
        String asked = new String(name(random, n).toCharArray());
        assertEquals(expected.getOrDefault(asked, NameNumbers.ABSENT).intValue(), numbers.number(asked), asked);
      }
      for (String name : names) {
        assertEquals(expected.get(name).intValue(), numbers.number(name), name);
      }
    }
  }

  /** Names from a small space (so some repeat) with hash collisions among them ("Aa" and "BB" hash alike). */
  private static String name(Random random, int n) {
    return switch (random.nextInt(4)) {
      case 0 -> "Aa".repeat(1 + random.nextInt(3)) + "BB".repeat(random.nextInt(3));
      case 1 -> "BB".repeat(1 + random.nextInt(3)) + "Aa".repeat(random.nextInt(3));
      default -> "r" + random.nextInt(Math.max(1, 2 * n));
    };
  }
}

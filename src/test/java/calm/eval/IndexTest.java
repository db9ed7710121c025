package calm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An index finds exactly the rows whose indexed columns equal a key, against a plain filter over the
 * rows, through growth and clearing, for one-column keys (kept beside their slots) and wider ones.
 */
class IndexTest {
  @Test
  void findsExactlyTheRowsWithTheKey() {
    Random random = new Random(7);
    int[][] indexes = {{0}, {1}, {2}, {0, 2}, {1, 2}};
    long[] spreads = {3, 50, 5_000, 1L << 40};
    for (int trial = 0; trial < 60; trial++) {
      TupleStore store = new TupleStore(3, List.of(indexes));
      List<long[]> model = new ArrayList<>();
      int rounds = 1 + random.nextInt(3);
      for (int round = 0; round < rounds; round++) {
        if (round > 0 && random.nextInt(3) == 0) {
          store.clear();
          model.clear();
        }
        long spread = spreads[random.nextInt(spreads.length)];
        int n = random.nextInt(2_000);
        for (int i = 0; i < n; i++) {
          long[] t = new long[3];
          for (int c = 0; c < 3; c++) {
            t[c] = Math.floorMod(random.nextLong(), spread) - (random.nextBoolean() ? spread / 2 : 0);
          }
          if (store.add(t)) {
            model.add(t);
          }
        }
        // the plain filter, done once a round: every row under its key, newest first (a chain runs
        // from the newest row back); a probe then reads the rows the filter would have kept
        List<Map<List<Long>, List<Integer>>> filtered = new ArrayList<>();
        for (int[] columns : indexes) {
          Map<List<Long>, List<Integer>> rowsByKey = new HashMap<>();
          for (int r = model.size() - 1; r >= 0; r--) {
            rowsByKey.computeIfAbsent(keyOf(model.get(r), columns), k -> new ArrayList<>()).add(r);
          }
          filtered.add(rowsByKey);
        }
        for (int probe = 0; probe < 200; probe++) {
          long[] from = model.isEmpty() || random.nextInt(4) == 0 ? new long[] {1, -1, 99} : model.get(random.nextInt(model.size()));
          for (int x = 0; x < indexes.length; x++) {
            int[] columns = indexes[x];
            long[] key = new long[columns.length];
            for (int i = 0; i < columns.length; i++) {
              key[i] = from[columns[i]];
            }
            List<Integer> expected = filtered.get(x).getOrDefault(keyOf(from, columns), List.of());
            List<Integer> found = new ArrayList<>();
            Index index = store.indexes[x];
            for (int r = index.first(store, key); r >= 0; r = index.next(r)) {
              found.add(r);
            }
            assertEquals(expected, found, "index on " + java.util.Arrays.toString(columns));
          }
        }
      }
    }
  }

  private static List<Long> keyOf(long[] row, int[] columns) {
    List<Long> key = new ArrayList<>(columns.length);
    for (int column : columns) {
      key.add(row[column]);
    }
    return key;
  }
}

package calm.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.syntax.Lattice;
import calm.syntax.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A store of several {@link RowChunks} chunks behaves as a store of one: its set, its indexes, its
 * clustered index, its removals, its sorted output and a keyed store's compaction, each against a model
 * of plain collections.
 */
class StoreAcrossChunksTest {
  private static final int ROWS = 3 * RowChunks.ROWS + 500;

  private static List<List<Long>> distinctRows(int arity, long base, int domain, long seed) {
    Random random = new Random(seed);
    Set<List<Long>> rows = new LinkedHashSet<>();
    while (rows.size() < ROWS) {
      List<Long> row = new ArrayList<>();
      for (int c = 0; c < arity; c++) {
        row.add(base + random.nextInt(c == 0 && arity > 1 ? 50 : domain)); // few keys: long chains
      }
      rows.add(row);
    }
    return new ArrayList<>(rows);
  }

  private static long[] array(List<Long> row) {
    return row.stream().mapToLong(Long::longValue).toArray();
  }

  @Test
  void theSetTheIndexesAndRemovalsSeeEveryRow() {
    List<List<Long>> rows = distinctRows(3, 1L << 40, 3000, 1); // too wide to pack: the general table
    TupleStore store = new TupleStore(3, List.of(new int[] {0}, new int[] {1, 2}));
    for (List<Long> row : rows) {
      assertTrue(store.add(array(row)));
    }
    for (List<Long> row : rows) {
      assertEquals(false, store.add(array(row)), "a duplicate is found in any chunk");
    }
    assertEquals(ROWS, store.size());
    for (int r = 0; r < ROWS; r++) {
      assertArrayEquals(array(rows.get(r)), store.row(r));
    }
    long key = rows.get(ROWS - 1).get(0);
    List<Integer> chain = new ArrayList<>();
    for (int r = store.indexes[0].first(store, new long[] {key}); r >= 0; r = store.indexes[0].next(r)) {
      chain.add(r);
    }
    List<Integer> expected = new ArrayList<>();
    for (int r = ROWS - 1; r >= 0; r--) {
      if (rows.get(r).get(0) == key) {
        expected.add(r);
      }
    }
    assertEquals(expected, chain, "newest first, across chunks");

    ClusteredIndex clustered = new ClusteredIndex(3, new int[] {0});
    clustered.sync(store);
    int entry = clustered.find(new long[] {key});
    List<Long> values = new ArrayList<>();
    for (int i = 0; i < clustered.lengths[entry]; i++) {
      values.add(clustered.value(entry, i));
    }
    List<Long> expectedValues = new ArrayList<>();
    for (List<Long> row : rows) {
      if (row.get(0) == key) {
        expectedValues.addAll(row.subList(1, 3));
      }
    }
    assertEquals(expectedValues, values);

    TupleStore removed = new TupleStore(3, List.of());
    for (int r = 0; r < ROWS; r += 2) {
      removed.add(array(rows.get(r)));
    }
    assertEquals((ROWS + 1) / 2, store.removeAll(removed));
    for (int r = 1, kept = 0; r < ROWS; r += 2, kept++) {
      assertArrayEquals(array(rows.get(r)), store.row(kept));
    }
  }

  @Test
  void sortedOutputReadsEveryChunk() {
    for (int arity : new int[] {1, 2, 3}) {
      List<List<Long>> rows = distinctRows(arity, 0, 1 << 20, arity);
      TupleStore store = new TupleStore(arity, List.of());
      rows.forEach(row -> store.add(array(row)));
      Comparator<List<Long>> order = (a, b) -> {
        for (int c = 0; c < a.size(); c++) {
          int cmp = Long.compare(a.get(c), b.get(c));
          if (cmp != 0) {
            return cmp;
          }
        }
        return 0;
      };
      List<Long> expected =
          rows.stream().sorted(order).flatMap(List::stream).collect(Collectors.toList());
      long[] sorted = SortedRows.sorted(store, java.util.Collections.nCopies(arity, Type.INT), new StringPool());
      assertArrayEquals(expected.stream().mapToLong(Long::longValue).toArray(), sorted, "arity " + arity);
    }
  }

  @Test
  void aKeyedLatticeStoreCompactsAcrossChunks() {
    TupleStore store = new TupleStore(2, List.of());
    store.keyBy(new Keying(1, List.of(Lattice.NONE, Lattice.MAX), List.of(Type.INT, Type.INT), new StringPool()));
    Map<Long, Long> model = new HashMap<>();
    Random random = new Random(3);
    for (int i = 0; i < ROWS; i++) {
      long key = random.nextInt(RowChunks.ROWS);
      long value = random.nextInt(1_000_000);
      store.add(new long[] {key, value});
      model.merge(key, value, Math::max);
    }
    store.compact();
    assertEquals(model.size(), store.size());
    for (int r = 0; r < store.size(); r++) {
      long[] row = store.row(r);
      assertEquals(model.get(row[0]), row[1], "key " + row[0]);
    }
  }
}

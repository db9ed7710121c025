package calm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The set behaves as a set through every change of representation (small, packed, general). */
class TupleStoreTest {
  private static final long[][] RANGES = {
    {0, 100}, {0, 40_000}, {-5, 5}, {Integer.MAX_VALUE - 3L, Integer.MAX_VALUE + 3L},
    {Long.MIN_VALUE, Long.MIN_VALUE + 5}, {0x8000_0000_5EED_F00DL - 2, 0x8000_0000_5EED_F00DL + 2}
  };

  /** Rows appended without probes (a rule that derives each once) are in the set when it is next used. */
  @Test
  void rowsAppendedWithoutProbesJoinTheSet() {
    Random random = new Random(12);
    for (int arity = 1; arity <= 3; arity++) {
      for (long[] range : RANGES) {
        TupleStore store = new TupleStore(arity, List.of(new int[] {0}).subList(0, arity > 1 ? 1 : 0));
        Set<List<Long>> model = new java.util.LinkedHashSet<>();
        for (int attempt = 0; attempt < 2000; attempt++) { // narrow ranges give fewer distinct rows
          List<Long> t = new ArrayList<>();
          for (int c = 0; c < arity; c++) {
            t.add(range[0] + random.nextInt((int) Math.min(range[1] - range[0], 1000) + 1));
          }
          model.add(t);
        }
        List<List<Long>> rows = new ArrayList<>(model);
        long[] packed = new long[arity * rows.size()];
        for (int i = 0; i < rows.size(); i++) {
          for (int c = 0; c < arity; c++) {
            packed[i * arity + c] = rows.get(i).get(c);
          }
        }
        store.trustAppends(true);
        assertEquals(rows.size(), store.addAll(packed, rows.size(), new long[arity]));
        store.trustAppends(false);
        store.trustAppends(true); // not empty now: duplicates are found again
        assertEquals(0, store.addAll(packed, Math.min(10, rows.size()), new long[arity]));
        store.trustAppends(false);
        for (List<Long> t : rows) {
          assertEquals(false, store.add(t.stream().mapToLong(Long::longValue).toArray()));
        }
        assertEquals(rows.size(), store.size());
        long[] fresh = new long[arity];
        fresh[0] = 0x1234_5678_9ABCL;
        assertEquals(false, store.contains(fresh));
        assertEquals(true, store.add(fresh));
        assertEquals(true, store.contains(fresh));
        if (arity > 1) {
          long key = rows.get(0).get(0);
          int found = 0;
          for (int r = store.indexes[0].first(store, new long[] {key}); r >= 0; r = store.indexes[0].next(r)) {
            assertEquals(key, store.get(r, 0));
            found++;
          }
          assertEquals(rows.stream().filter(t -> t.get(0) == key).count(), found);
        }
      }
    }
  }

  /**
   * Two columns of small non-negative values become a bitmap of pairs as the set grows; values out of
   * its range grow it, or (negative, or too large for a bitmap as cheap as a table) send the set back to
   * its table; through all of it the store is the same set as a model.
   */
  @Test
  void aBitmapOfSmallPairsBehavesAsASet() {
    Random random = new Random(13);
    for (int trial = 0; trial < 6; trial++) {
      TupleStore store = new TupleStore(2, List.of(new int[] {0}));
      Set<List<Long>> model = new HashSet<>();
      boolean wasBitmap = false;
      boolean leftBitmap = false;
      long[] bounds = {4, 16, 64, 256, 1024, 4096, 1024, 30_000, -3, 40_000, 100};
      for (long bound : bounds) {
        int count = bound < 0 ? 3 : 600 + random.nextInt(2000);
        for (int i = 0; i < count; i++) {
          long a = bound < 0 ? bound + random.nextInt(3) : random.nextInt((int) bound);
          long b = bound < 0 ? random.nextInt(5) : random.nextInt((int) bound);
          long[] t = {a, b};
          boolean batch = (trial & 1) == 1;
          if (batch) {
            assertEquals(model.add(asList(t)) ? 1 : 0, store.addAll(t, 1, new long[2]));
          } else {
            assertEquals(model.add(asList(t)), store.add(t));
          }
          boolean bitmap = store.isBitmap();
          leftBitmap |= wasBitmap && !bitmap;
          wasBitmap |= bitmap;
        }
        assertEquals(model.size(), store.size());
        for (List<Long> t : model) {
          assertEquals(true, store.contains(new long[] {t.get(0), t.get(1)}));
        }
        for (int i = 0; i < 2000; i++) {
          long[] probe = {random.nextInt(5000) - 10, random.nextInt(5000) - 10};
          assertEquals(model.contains(asList(probe)), store.contains(probe));
        }
        if (trial == 2 && bound == 256) { // a bitmap emptied is an empty set, and fills again
          assertEquals(true, store.isBitmap());
          store.clear();
          model.clear();
          assertEquals(false, store.contains(new long[] {1, 1}));
          assertEquals(true, store.add(new long[] {1, 1}));
          model.add(List.of(1L, 1L));
        }
        if (trial == 4 && bound == 64) { // row numbers need the table: the set leaves the bitmap
          assertEquals(true, store.isBitmap());
          long[] held = {store.get(0, 0), store.get(0, 1)};
          assertEquals(0, store.rowOf(held));
          assertEquals(false, store.isBitmap());
        }
      }
      assertEquals(true, wasBitmap, "the set became a bitmap");
      assertEquals(true, leftBitmap, "the set left the bitmap");
      Set<List<Long>> rows = new HashSet<>();
      for (long[] t : store.tuples()) {
        rows.add(asList(t));
      }
      assertEquals(model, rows);
    }
  }

  /**
   * A few first values with many second values each (a reach from some sources) take a row of bits
   * per first value, which a bitmap over every pair of their range would not be cheap enough for; when
   * first values keep coming, each with a pair or two, the rows would outgrow the table and the set
   * goes back to it. Both ways the store is the same set as a model.
   */
  @Test
  void rowsOfBitsPerFirstValueBehaveAsASet() {
    Random random = new Random(14);
    TupleStore store = new TupleStore(2, List.of(new int[] {0}));
    Set<List<Long>> model = new HashSet<>();
    long[] sources = {7, 300, 1_200, 5_000, 9_000};
    for (int i = 0; i < 40_000; i++) {
      long[] t = {sources[random.nextInt(sources.length)], random.nextInt(12_000)};
      assertEquals(model.add(asList(t)), store.add(t));
    }
    assertEquals(true, store.isBitmap(), "five sources over 12,000 targets: a row of bits each");
    assertEquals(model.size(), store.size());
    for (int i = 0; i < 5_000; i++) {
      long[] probe = {random.nextInt(10_000) - 5, random.nextInt(13_000) - 5};
      assertEquals(model.contains(asList(probe)), store.contains(probe));
    }
    boolean left = false;
    for (int a = 0; a < 16_000 && !left; a++) {
      long[] t = {a, random.nextInt(12_000)};
      assertEquals(model.add(asList(t)), store.add(t));
      left = !store.isBitmap();
    }
    assertEquals(true, left, "a row for every new first value would outgrow the table");
    assertEquals(model.size(), store.size());
    for (List<Long> t : model) {
      assertEquals(true, store.contains(new long[] {t.get(0), t.get(1)}));
    }
    store.clear();
    assertEquals(false, store.contains(new long[] {7, 1}));
  }

  @Test
  void behavesAsASetWhateverTheValues() {
    Random random = new Random(11);
    for (int arity = 0; arity <= 3; arity++) {
      for (int trial = 0; trial < 40; trial++) {
        TupleStore store = new TupleStore(arity, List.of(new int[] {0}).subList(0, arity > 1 ? 1 : 0));
        Set<List<Long>> model = new HashSet<>();
        int phases = 1 + random.nextInt(RANGES.length);
        for (int phase = 0; phase < phases; phase++) {
          long[] range = RANGES[random.nextInt(RANGES.length)];
          List<long[]> batch = new ArrayList<>();
          for (int i = 0; i < 300; i++) {
            long[] t = new long[arity];
            for (int c = 0; c < arity; c++) {
              t[c] = range[0] + (long) random.nextInt((int) Math.min(range[1] - range[0], 1000) + 1);
            }
            batch.add(t);
          }
          if (random.nextBoolean()) {
            for (long[] t : batch) {
              assertEquals(model.add(asList(t)), store.add(t));
            }
          } else {
            long[] packedBatch = new long[Math.max(arity, 1) * batch.size()];
            int expectedNew = 0;
            for (int i = 0; i < batch.size(); i++) {
              System.arraycopy(batch.get(i), 0, packedBatch, i * arity, arity);
              expectedNew += model.add(asList(batch.get(i))) ? 1 : 0;
            }
            assertEquals(expectedNew, store.addAll(packedBatch, batch.size(), new long[arity]));
          }
          assertEquals(model.size(), store.size());
          for (long[] t : batch) {
            assertEquals(true, store.contains(t));
            long[] other = t.clone();
            if (arity > 0) {
              other[arity - 1] ^= 0x4000_0000_0000L;
              assertEquals(model.contains(asList(other)), store.contains(other));
            }
          }
        }
        Set<List<Long>> rows = new HashSet<>();
        for (long[] t : store.tuples()) {
          rows.add(asList(t));
        }
        assertEquals(model, rows);
        if (arity > 1) { // the index finds exactly the rows with the key
          long key = store.get(0, 0);
          int found = 0;
          for (int r = store.indexes[0].first(store, new long[] {key}); r >= 0; r = store.indexes[0].next(r)) {
            assertEquals(key, store.get(r, 0));
            found++;
          }
          assertEquals(model.stream().filter(t -> t.get(0) == key).count(), found);
        }
        TupleStore removed = new TupleStore(arity, List.of());
        List<List<Long>> some = new ArrayList<>(model).subList(0, model.size() / 2);
        some.forEach(t -> removed.add(t.stream().mapToLong(Long::longValue).toArray()));
        assertEquals(some.size(), store.removeAll(removed));
        some.forEach(model::remove);
        assertEquals(model.size(), store.size());
        for (List<Long> t : some) {
          assertEquals(false, store.contains(t.stream().mapToLong(Long::longValue).toArray()));
        }
      }
    }
  }

  /**
   * A batch of small pairs (the path of a recursive rule that rederives known pairs) adds the rows that
   * adding them one by one would, in the same order: across the set's growth, its change to rows of
   * bits, and a pair too large for the small set midway through a batch.
   */
  @Test
  void aBatchOfSmallPairsAddsWhatAddingThemOneByOneWould() {
    Random random = new Random(19);
    for (int trial = 0; trial < 30; trial++) {
      TupleStore oneByOne = new TupleStore(2, List.of(new int[] {1}));
      TupleStore batched = new TupleStore(2, List.of(new int[] {1}));
      int firstValues = 1 + random.nextInt(trial % 3 == 0 ? 20 : 3000);
      for (int round = 0; round < 60; round++) {
        int count = 1 + random.nextInt(600);
        long[] batch = new long[2 * count];
        for (int i = 0; i < count; i++) {
          boolean large = random.nextInt(5000) == 0;
          batch[2 * i] = large ? 40_000 + random.nextInt(10) : random.nextInt(firstValues);
          batch[2 * i + 1] = random.nextInt(trial % 2 == 0 ? 300 : 60_000);
        }
        int expected = 0;
        long[] tuple = new long[2];
        for (int i = 0; i < count; i++) {
          System.arraycopy(batch, 2 * i, tuple, 0, 2);
          expected += oneByOne.add(tuple) ? 1 : 0;
        }
        assertEquals(expected, batched.addAll(batch, count, new long[2]));
        assertEquals(oneByOne.size(), batched.size());
        assertEquals(oneByOne.isBitmap(), batched.isBitmap());
      }
      for (int r = 0; r < oneByOne.size(); r++) {
        assertEquals(oneByOne.get(r, 0), batched.get(r, 0));
        assertEquals(oneByOne.get(r, 1), batched.get(r, 1));
      }
      long key = batched.get(batched.size() / 2, 1);
      List<Integer> expectedRows = new ArrayList<>();
      for (int r = 0; r < oneByOne.size(); r++) {
        if (oneByOne.get(r, 1) == key) {
          expectedRows.add(r);
        }
      }
      Set<Integer> found = new HashSet<>();
      for (int r = batched.indexes[0].first(batched, new long[] {key}); r >= 0; r = batched.indexes[0].next(r)) {
        found.add(r);
      }
      assertEquals(new HashSet<>(expectedRows), found);
    }
  }

  private static List<Long> asList(long[] t) {
    List<Long> l = new ArrayList<>();
    for (long v : t) {
      l.add(v);
    }
    return l;
  }
}

package calm.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A clustered index follows its store through appends, clears and deletions, covers deltas, and keeps
 * sorted runs when asked.
 */
class ClusteredIndexTest {
  @Test
  void followsItsStoreThroughEveryKindOfChange() {
    Random random = new Random(3);
    TupleStore store = new TupleStore(3, List.of());
    ClusteredIndex.Family family = new ClusteredIndex.Family(3, new int[] {1});
    for (int step = 0; step < 400; step++) {
      int what = random.nextInt(20);
      if (what == 0) {
        store.clear();
      } else if (what == 1) {
        TupleStore removed = new TupleStore(3, List.of());
        for (long[] t : store.tuples()) {
          if (random.nextBoolean()) {
            removed.add(t);
          }
        }
        store.removeAll(removed);
      } else {
        for (int i = random.nextInt(30); i > 0; i--) {
          store.add(new long[] {random.nextInt(5), random.nextInt(7), random.nextInt(1 << 20) - 5});
        }
      }
      long key = random.nextInt(7);
      assertEquals(expected(store, key, 0, store.size), found(family.of(store), key), "step " + step);
      int from = random.nextInt(store.size + 1);
      int to = from + random.nextInt(store.size - from + 1);
      assertEquals(expected(store, key, from, to), found(family.ofDelta(store, from, to), key), "delta, step " + step);
    }
  }

  private static ClusteredIndex.Family byFirstColumnWithSets() {
    ClusteredIndex.Family family = new ClusteredIndex.Family(2, new int[] {0});
    family.withSets();
    return family;
  }

  @Test
  void perKeySetsHoldWhatTheRowsHold() {
    Random random = new Random(5);
    TupleStore store = new TupleStore(2, List.of());
    ClusteredIndex.Family family = byFirstColumnWithSets();
    long empty = 0x8000_0000_5EED_F00DL; // the sets' own marker for a free slot is a value like any other
    for (int i = 0; i < 3000; i++) {
      store.add(new long[] {random.nextInt(40), random.nextInt(10) == 0 ? empty : random.nextInt(500)});
      if (i % 97 == 0) {
        ClusteredIndex index = family.of(store);
        for (long k = 0; k < 40; k++) {
          for (long v : new long[] {empty, random.nextInt(500)}) {
            int entry = index.find1(k);
            boolean held = entry >= 0 && index.holds(entry, v);
            assertEquals(store.contains(new long[] {k, v}), held, k + ", " + v);
          }
        }
      }
      if (i == 1500) {
        store.clear();
      }
    }
  }

  /**
   * A key's set is made when first asked; once the store's own set is rows of bits (asked instead, by
   * the steps) the sets made are dropped, and asked again they are made again, right.
   */
  @Test
  void setsAreMadeWhenAskedAndDroppedOnceTheStoreIsRowsOfBits() {
    Random random = new Random(6);
    TupleStore store = new TupleStore(2, List.of());
    ClusteredIndex.Family family = byFirstColumnWithSets();
    boolean dropped = false;
    for (int i = 0; i < 20_000; i++) {
      store.add(new long[] {random.nextInt(20), random.nextInt(2000)});
      if (i % 500 == 0) {
        ClusteredIndex index = family.of(store);
        assertEquals(false, index.madeSets() && store.isBitmap(), "sets kept beside rows of bits");
        dropped |= store.isBitmap() && i > 0;
        for (int probe = 0; probe < 200; probe++) {
          long k = random.nextInt(22);
          long v = random.nextInt(2100);
          int entry = index.find1(k);
          assertEquals(store.contains(new long[] {k, v}), entry >= 0 && index.holds(entry, v), k + ", " + v);
        }
        assertEquals(true, index.madeSets(), "asked, the sets are made");
      }
    }
    assertEquals(true, store.isBitmap(), "twenty keys over 2,000 values: rows of bits");
    assertEquals(true, dropped);
  }

  @Test
  void anIndexBuiltAtOnceEqualsOneBuiltByAppending() {
    Random random = new Random(7);
    long empty = 0x8000_0000_5EED_F00DL;
    TupleStore store = new TupleStore(2, List.of());
    ClusteredIndex.Family atOnce = new ClusteredIndex.Family(2, new int[] {0});
    atOnce.withSets();
    ClusteredIndex.Family appended = new ClusteredIndex.Family(2, new int[] {0});
    appended.withSets();
    for (int round = 0; round < 4; round++) {
      // skewed keys, so that some lists and sets are long and many have one value
      int rows = 1500 + random.nextInt(4000);
      for (int i = 0; i < rows; i++) {
        long k = random.nextInt(3) == 0 ? random.nextInt(4) : random.nextInt(3000);
        store.add(new long[] {k, random.nextInt(20) == 0 ? empty : random.nextInt(1000)});
        if (i % 50 == 0) {
          appended.of(store); // brought up to date in small steps: appends only
        }
      }
      ClusteredIndex bulk = atOnce.of(store); // everything since the last clear at once
      ClusteredIndex step = appended.of(store);
      for (long k = -1; k < 3000; k++) {
        assertEquals(found1(step, k), found1(bulk, k), "round " + round + ", key " + k);
        int entry = bulk.find1(k);
        for (long v : new long[] {empty, random.nextInt(1000), k == -1 ? 0 : store.get(random.nextInt(store.size), 1)}) {
          assertEquals(store.contains(new long[] {k, v}), entry >= 0 && bulk.holds(entry, v), k + ", " + v);
        }
      }
      int from = random.nextInt(store.size / 2);
      List<Long> delta = new ArrayList<>();
      for (int r = store.size - 1; r >= from; r--) {
        if (store.get(r, 0) == 1) {
          delta.add(store.get(r, 1));
        }
      }
      assertEquals(delta, found1(atOnce.ofDelta(store, from, store.size), 1), "delta, round " + round);
      if (round % 2 == 1) {
        store.clear();
      }
    }
  }

  /**
   * An index in sorted runs hands out each key's values in ascending order through appends (one at a
   * time and in bulk), clears and deletions, and a run handed out earlier is not changed by what comes
   * after (a loop further out may still be reading it).
   */
  @Test
  void sortedRunsFollowTheirStoreAndStayPutOnceHandedOut() {
    Random random = new Random(13);
    TupleStore store = new TupleStore(3, List.of());
    ClusteredIndex.Family family = new ClusteredIndex.Family(3, new int[] {0, 2}, true);
    long[] heldRun = null;
    long[] heldValues = null;
    for (int step = 0; step < 200; step++) {
      int what = random.nextInt(25);
      if (what == 0) {
        store.clear();
      } else if (what == 1) {
        TupleStore removed = new TupleStore(3, List.of());
        for (long[] t : store.tuples()) {
          if (random.nextInt(3) == 0) {
            removed.add(t);
          }
        }
        store.removeAll(removed);
      } else {
        // now and then enough rows at once for the index to be built in one go
        for (int i = what == 2 ? 2000 : random.nextInt(40); i > 0; i--) {
          long v = random.nextInt(8) == 0 ? Long.MIN_VALUE + random.nextInt(3) : random.nextInt(1 << 12) - 100;
          store.add(new long[] {random.nextInt(4), v, random.nextInt(3)});
        }
      }
      ClusteredIndex index = family.of(store);
      List<List<Long>> byKey = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        byKey.add(new ArrayList<>());
      }
      for (int r = 0; r < store.size; r++) {
        byKey.get((int) (store.get(r, 0) * 3 + store.get(r, 2))).add(store.get(r, 1));
      }
      for (long k0 = 0; k0 < 4; k0++) {
        for (long k2 = 0; k2 < 3; k2++) {
          List<Long> expected = byKey.get((int) (k0 * 3 + k2));
          expected.sort(null);
          int entry = index.find(new long[] {k0, k2});
          List<Long> actual = new ArrayList<>();
          if (entry >= 0) {
            long[] run = index.sortedRun(entry);
            for (int i = 0; i < index.lengths[entry]; i++) {
              actual.add(run[i]);
            }
            if (heldRun == null && random.nextInt(10) == 0) {
              heldRun = run;
              heldValues = Arrays.copyOf(run, index.lengths[entry]);
            }
          }
          assertEquals(expected, actual, "step " + step + ", key " + k0 + ", " + k2);
        }
      }
      if (heldRun != null && what > 2) { // appends only since it was handed out
        assertArrayEquals(heldValues, Arrays.copyOf(heldRun, heldValues.length), "step " + step);
      } else {
        heldRun = null;
      }
    }
  }

  /** Keys that turn dense, then sparse (a far key), then dense again, and extreme keys, are all found. */
  @Test
  void denseAndSparseKeysAreFoundAlike() {
    Random random = new Random(19);
    TupleStore store = new TupleStore(2, List.of());
    ClusteredIndex.Family family = new ClusteredIndex.Family(2, new int[] {0});
    long[] far = {Long.MIN_VALUE, Long.MAX_VALUE, -1_000_000_000_000L, 1L << 40, -1};
    for (int step = 0; step < 150; step++) {
      // every ten steps: cleared, five steps of dense keys (looked up in between), then some far ones too
      if (step % 10 == 0) {
        store.clear();
      } else {
        boolean farToo = step % 10 >= 5;
        for (int i = random.nextInt(random.nextInt(10) == 0 ? 2000 : 60); i > 0; i--) {
          long key = farToo && random.nextInt(40) == 0 ? far[random.nextInt(far.length)] : random.nextInt(300) + step;
          store.add(new long[] {key, random.nextInt(50)});
        }
      }
      ClusteredIndex index = family.of(store);
      for (int probe = 0; probe < 40; probe++) {
        long key = probe < far.length ? far[probe] : random.nextInt(500) - 50;
        List<Long> expected = new ArrayList<>();
        for (int r = store.size - 1; r >= 0; r--) {
          if (store.get(r, 0) == key) {
            expected.add(store.get(r, 1));
          }
        }
        assertEquals(expected, found1(index, key), "step " + step + ", key " + key);
      }
    }
  }

  @Test
  void seekFindsTheFirstValueAtLeastTheTarget() {
    Random random = new Random(17);
    for (int trial = 0; trial < 2000; trial++) {
      int n = random.nextInt(70);
      long[] run = new long[n + random.nextInt(3)];
      for (int i = 0; i < n; i++) {
        run[i] = random.nextInt(90) - 45;
      }
      Arrays.sort(run, 0, n);
      int from = random.nextInt(n + 1);
      long target = random.nextInt(100) - 50;
      int expected = from;
      while (expected < n && run[expected] < target) {
        expected++;
      }
      assertEquals(expected, IntersectStep.seek(run, from, n, target), Arrays.toString(run) + " from " + from + " to " + target);
    }
  }

  /**
   * Lists are ints while every value fits one, and become longs at the first that does not, whether
   * it comes in an append (in the middle of a row: the row's first value is written before its second
   * is seen), in an index built at once, or in a delta; what a lookup finds is the same either way.
   */
  @Test
  void listsOfIntsBecomeLongsAtTheFirstValueThatDoesNotFit() {
    long[] large = {1L << 31, -(1L << 31) - 1, Long.MAX_VALUE, 0x8000_0000_5EED_F00DL};
    for (long big : large) {
      for (boolean atOnce : new boolean[] {false, true}) {
        Random random = new Random(big ^ (atOnce ? 1 : 0));
        TupleStore store = new TupleStore(3, List.of());
        ClusteredIndex.Family family = new ClusteredIndex.Family(3, new int[] {1});
        int rows = atOnce ? 3000 : 300;
        for (int i = 0; i < rows; i++) {
          store.add(new long[] {random.nextInt(1000) - 500, random.nextInt(7), random.nextInt(1 << 20)});
          if (!atOnce && i % 10 == 0) {
            family.of(store); // appended in small steps
          }
        }
        assertEquals(true, family.of(store).narrow, "small values: ints");
        for (int i = 0; i < rows; i++) {
          long first = i == rows / 2 ? 12 : random.nextInt(1000);
          store.add(new long[] {first, random.nextInt(7), i == rows / 2 ? big : random.nextInt(1 << 20)});
          if (!atOnce && i % 10 == 0) {
            family.of(store);
          }
        }
        ClusteredIndex index = family.of(store);
        assertEquals(false, index.narrow, big + ": longs");
        ClusteredIndex builtAtOnce = new ClusteredIndex.Family(3, new int[] {1}).of(store); // widened midway
        for (long key = 0; key < 7; key++) {
          assertEquals(expected(store, key, 0, store.size), found(index, key), big + ", key " + key);
          assertEquals(expected(store, key, 0, store.size), found(builtAtOnce, key), big + ", at once, key " + key);
          int from = random.nextInt(store.size);
          assertEquals(
              expected(store, key, from, store.size), found(family.ofDelta(store, from, store.size), key), "delta");
        }
      }
    }
  }

  private static List<Long> found1(ClusteredIndex index, long key) {
    List<Long> values = new ArrayList<>();
    int entry = index.find(new long[] {key});
    if (entry >= 0) {
      for (int i = index.lengths[entry] - 1; i >= 0; i--) {
        values.add(index.value(entry, i));
      }
    }
    return values;
  }

  private static List<List<Long>> expected(TupleStore store, long key, int from, int to) {
    List<List<Long>> rows = new ArrayList<>();
    for (int r = to - 1; r >= from; r--) { // newest first, as the chains of Index
      if (store.get(r, 1) == key) {
        rows.add(List.of(store.get(r, 0), store.get(r, 2)));
      }
    }
    return rows;
  }

  private static List<List<Long>> found(ClusteredIndex index, long key) {
    List<List<Long>> rows = new ArrayList<>();
    int entry = index.find(new long[] {key});
    if (entry >= 0) {
      for (int base = index.lengths[entry] - 2; base >= 0; base -= 2) {
        rows.add(List.of(index.value(entry, base), index.value(entry, base + 1)));
      }
    }
    return rows;
  }
}

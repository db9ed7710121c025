package calm.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rows read back as written, whichever chunk they fell in, against one flat array. */
class RowChunksTest {
  @Test
  void rowsReadBackAcrossChunkBoundaries() {
    Random random = new Random(7);
    for (int arity : new int[] {1, 2, 3}) {
      int count = 3 * RowChunks.ROWS + 17;
      long[] model = new long[count * arity];
      RowChunks rows = new RowChunks(arity, 16);
      long[] tuple = new long[arity];
      for (int r = 0; r < count; r++) {
        for (int c = 0; c < arity; c++) {
          tuple[c] = random.nextLong();
          model[r * arity + c] = tuple[c];
        }
        rows.put(r, tuple, arity);
      }
      for (int r : new int[] {0, 1, RowChunks.ROWS - 1, RowChunks.ROWS, RowChunks.ROWS + 1, count - 1}) {
        long[] read = new long[arity];
        rows.copy(r, read, arity);
        assertArrayEquals(Arrays.copyOfRange(model, r * arity, r * arity + arity), read, "row " + r);
        for (int c = 0; c < arity; c++) {
          assertEquals(model[r * arity + c], rows.get(r, c));
          long inChunk = rows.chars() ? rows.charChunk(r)[rows.offset(r) + c]
              : rows.ints() ? rows.intChunk(r)[rows.offset(r) + c] : rows.longChunk(r)[rows.offset(r) + c];
          assertEquals(model[r * arity + c], inChunk);
        }
      }
      assertArrayEquals(model, rows.flat(count));
      assertEquals(4L * RowChunks.ROWS * arity, rows.allocated(), "four chunks, none partly allocated twice");
    }
  }

  /** Ints while every value fits one (negative ones too); the first that does not widens every row. */
  @Test
  void intChunksWidenToLongsAtTheFirstValueThatDoesNotFit() {
    Random random = new Random(11);
    int arity = 2;
    int count = 2 * RowChunks.ROWS + 99;
    long[] model = new long[count * arity];
    RowChunks rows = new RowChunks(arity, 16);
    long[] tuple = new long[arity];
    int widenAt = RowChunks.ROWS + 5;
    for (int r = 0; r < count; r++) {
      tuple[0] = random.nextInt();
      tuple[1] = r == widenAt ? Integer.MAX_VALUE + 1L : -random.nextInt(1000);
      System.arraycopy(tuple, 0, model, r * arity, arity);
      rows.put(r, tuple, arity);
      assertEquals(r < widenAt, rows.ints(), "row " + r);
    }
    assertArrayEquals(model, rows.flat(count));
    long[] read = new long[arity];
    rows.copy(widenAt, read, arity);
    assertArrayEquals(new long[] {model[widenAt * arity], Integer.MAX_VALUE + 1L}, read);
    rows.copy(3, read, arity);
    assertArrayEquals(Arrays.copyOfRange(model, 6, 8), read, "a row written before the widening");
  }

  /**
   * Chars while every value is from 0 to 65,535; a value past that or below 0 widens every row to ints,
   * or straight to longs when it does not fit an int either.
   */
  @Test
  void charChunksWidenToIntsOrLongsAtTheFirstValueThatDoesNotFit() {
    Random random = new Random(13);
    for (long widening : new long[] {65_536, -1, Integer.MAX_VALUE + 1L, Long.MIN_VALUE}) {
      int arity = 3;
      int count = 2 * RowChunks.ROWS + 41;
      int widenAt = RowChunks.ROWS + 7;
      long[] model = new long[count * arity];
      RowChunks rows = new RowChunks(arity, 16);
      long[] tuple = new long[arity];
      for (int r = 0; r < count; r++) {
        for (int c = 0; c < arity; c++) {
          tuple[c] = random.nextInt(65_536);
        }
        if (r == widenAt) {
          tuple[1] = widening;
        }
        System.arraycopy(tuple, 0, model, r * arity, arity);
        rows.put(r, tuple, arity);
        assertEquals(r < widenAt, rows.chars(), "row " + r);
        assertEquals(widening == (int) widening || r < widenAt, rows.fitsInts(), "row " + r);
      }
      assertArrayEquals(model, rows.flat(count));
      for (int r : new int[] {0, widenAt - 1, widenAt, count - 1}) {
        for (int c = 0; c < arity; c++) {
          assertEquals(model[r * arity + c], rows.get(r, c), "row " + r);
        }
        assertEquals(true, rows.startsWith(r, model, r * arity, arity));
      }
    }
  }

  @Test
  void onlyTheFirstChunkGrowsAndOnlyAsFarAsNeeded() {
    RowChunks rows = new RowChunks(2, 16);
    assertEquals(32, rows.allocated());
    rows.put(16, new long[] {1, 2}, 2);
    assertEquals(64, rows.allocated(), "doubled");
    rows.reserve(RowChunks.ROWS + 1);
    assertEquals(4L * RowChunks.ROWS, rows.allocated(), "a full first chunk and a second one");
    assertEquals(1, rows.get(16, 0));
    assertEquals(2, rows.get(16, 1));
  }

  @Test
  void aStoreReservedForManyRowsHoldsThemAll() {
    RowChunks rows = new RowChunks(1, 2 * RowChunks.ROWS + 3);
    assertEquals(3L * RowChunks.ROWS, rows.allocated());
    rows.put(2 * RowChunks.ROWS + 2, new long[] {42}, 1);
    assertEquals(42, rows.get(2 * RowChunks.ROWS + 2, 0));
  }
}

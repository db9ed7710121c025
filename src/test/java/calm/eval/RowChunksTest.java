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
          assertEquals(model[r * arity + c], rows.chunk(r)[rows.offset(r) + c]);
        }
      }
      assertArrayEquals(model, rows.flat(count));
      assertEquals(4L * RowChunks.ROWS * arity, rows.allocated(), "four chunks, none partly allocated twice");
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

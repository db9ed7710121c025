package calm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import calm.syntax.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rows sorted as stored come out in the order of decoding them and sorting with {@link Values#tupleOrder()}. */
class SortedRowsTest {
  private static final String[] WORDS = {"", "a", "B", "b", "ab", "é", "\uD83D\uDE00", "zz", "a\tb"};

  @Test
  void sortsAsDecodedRowsSort() {
    Random random = new Random(3);
    for (int trial = 0; trial < 300; trial++) {
      int arity = 1 + random.nextInt(3);
      List<Type> types = new ArrayList<>();
      for (int c = 0; c < arity; c++) {
        types.add(random.nextInt(4) == 0 ? Type.STRING : Type.INT);
      }
      long spread = random.nextBoolean() ? 20 : random.nextBoolean() ? 1L << 33 : Long.MAX_VALUE;
      StringPool pool = new StringPool();
      TupleStore store = new TupleStore(arity, List.of());
      for (int i = random.nextInt(300); i > 0; i--) {
        long[] t = new long[arity];
        for (int c = 0; c < arity; c++) {
          t[c] = types.get(c) == Type.STRING ? pool.intern(WORDS[random.nextInt(WORDS.length)])
              : random.nextLong() % spread;
        }
        store.add(t);
      }
      List<Object[]> expected = new ArrayList<>();
      for (int r = 0; r < store.size(); r++) {
        expected.add(Values.decode(store.row(r), types, pool));
      }
      expected.sort(Values.tupleOrder());
      long[] sorted = SortedRows.sorted(store, types, pool);
      List<String> actual = new ArrayList<>();
      for (int r = 0; r < store.size(); r++) {
        actual.add(Arrays.toString(Values.decode(Arrays.copyOfRange(sorted, r * arity, r * arity + arity), types, pool)));
      }
      assertEquals(expected.stream().map(Arrays::toString).toList(), actual, "types " + types);
    }
  }
}

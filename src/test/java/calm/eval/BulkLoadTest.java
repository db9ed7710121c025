package calm.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.syntax.Lattice;
import calm.syntax.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Facts loaded in bulk (a facts file parsed into one packed array, a store taking the block at once) end
 * exactly where loading them one by one would: the same rows in the same order, the same index chains,
 * the same merged lattice values and the same key conflicts; and a bad line is still named by file and line.
 */
class BulkLoadTest {
  @Test
  void duplicatesInAFactsFileAreOneFact(@TempDir Path tmp) throws Exception {
    CompiledProgram program = Checked.compile("dup.calm", """
        extern table edge(x: int, y: int, w: int).
        output table out(x: int, y: int, w: int).
        out(X, Y, W) :- edge(X, Y, W).
        """);
    Files.writeString(tmp.resolve("edge.facts"), "1\t2\t3\n1\t2\t3\n4\t5\t6\n1\t2\t3\r\n4\t5\t6");
    Map<String, FactRows> loaded = FactsFiles.readRows(program, tmp);
    assertEquals(5, loaded.get("edge").size(), "the file's lines, duplicates included");
    Run run = new Run(program, World.ofRows(program, Scenario.standalone(), loaded));
    run.runToQuiescence();
    assertEquals(2, run.size("local", "edge"));
    assertEquals(List.of("1,2,3", "4,5,6"), run.contents("local", "out").stream()
        .map(f -> f[0] + "," + f[1] + "," + f[2]).toList());
  }

  @Test
  void theFastPathReadsWhatTheGeneralOneReads(@TempDir Path tmp) throws Exception {
    // lines across many buffer refills, spellings the byte parser leaves to the general one, a non-ASCII
    // line (a comment-like string is not possible in an int file, so a stray byte makes an error below)
    CompiledProgram program = Checked.compile("ints.calm", """
        extern table t(a: int, b: int).
        output table o(a: int, b: int).
        o(A, B) :- t(A, B).
        """);
    Random random = new Random(5);
    StringBuilder text = new StringBuilder();
    List<long[]> expected = new ArrayList<>();
    for (int i = 0; i < 30_000; i++) {
      long a = random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(1000) - 500;
      long b = random.nextInt(1_000_000);
      String first = switch (random.nextInt(6)) {
        case 0 -> " " + a;
        case 1 -> a >= 0 ? "+" + a : Long.toString(a);
        default -> Long.toString(a);
      };
      text.append(first).append('\t').append(b).append(random.nextInt(5) == 0 ? "\r\n" : "\n");
      if (random.nextInt(50) == 0) {
        text.append('\n'); // a blank line
      }
      expected.add(new long[] {a, b});
    }
    Files.writeString(tmp.resolve("t.facts"), text.toString());
    FactRows read = FactsFiles.readRows(program, tmp).get("t");
    assertEquals(expected.size(), read.size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), read.row(i), "row " + i);
    }
  }

  @Test
  void longAndNonAsciiLinesReadBetweenPlainOnes(@TempDir Path tmp) throws Exception {
    // a line longer than the read buffer, and lines that are not ASCII, between lines the byte parser reads
    CompiledProgram program = Checked.compile("mixed.calm", """
        extern table t(a: int, s: string).
        output table o(a: int, s: string).
        o(A, S) :- t(A, S).
        """);
    String longText = "x".repeat(100_000);
    List<String> texts = new ArrayList<>();
    StringBuilder file = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      String text = switch (i % 7) {
        case 0 -> "caf\u00e9 " + i;
        case 3 -> i == 3 ? longText : "plain " + i;
        default -> "w" + i;
      };
      texts.add(text);
      file.append(i).append('\t').append(text).append(i % 5 == 0 ? "\r\n" : "\n");
    }
    Files.write(tmp.resolve("t.facts"), file.toString().getBytes(StandardCharsets.UTF_8));
    FactRows read = FactsFiles.readRows(program, tmp).get("t");
    assertEquals(texts.size(), read.size());
    for (int i = 0; i < texts.size(); i++) {
      assertEquals(i, read.row(i)[0]);
      assertEquals(texts.get(i), program.strings().string(read.row(i)[1]), "line " + (i + 1));
    }
  }

  @Test
  void aBadLineIsNamedByFileAndLineAfterManyGoodOnes(@TempDir Path tmp) throws Exception {
    CompiledProgram program = Checked.compile("ints.calm", """
        extern table t(a: int, b: int).
        output table o(a: int, b: int).
        o(A, B) :- t(A, B).
        """);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append(i).append('\t').append(i * 7).append('\n');
    }
    Path file = tmp.resolve("t.facts");
    Files.writeString(file, text + "12\tx3\n");
    FactsFormatException e = assertThrows(FactsFormatException.class, () -> FactsFiles.readRows(program, tmp));
    assertTrue(e.getMessage().startsWith(file + ":20001: column 2 (b) of 't' is an int, not 'x3'"), e.getMessage());
    Files.writeString(file, text + "12\t3\t4\n");
    e = assertThrows(FactsFormatException.class, () -> FactsFiles.readRows(program, tmp));
    assertTrue(e.getMessage().startsWith(file + ":20001: 't' has 2 columns, the line has 3"), e.getMessage());
    Files.write(file, (text + "1\t2\n3\t\u00e9\n").getBytes(StandardCharsets.UTF_8));
    e = assertThrows(FactsFormatException.class, () -> FactsFiles.readRows(program, tmp));
    assertTrue(e.getMessage().startsWith(file + ":20002: column 2 (b) of 't' is an int, not '\u00e9'"), e.getMessage());
  }

  @Test
  void aBlockMergesIntoALatticeTableAsRowByRowWould() {
    Random random = new Random(17);
    for (int trial = 0; trial < 200; trial++) {
      Lattice lattice = random.nextBoolean() ? Lattice.MIN : Lattice.MAX;
      List<Type> types = List.of(Type.INT, Type.INT);
      int count = random.nextInt(400);
      FactRows block = new FactRows(2);
      for (int i = 0; i < count; i++) {
        block.add(new long[] {random.nextInt(1 + random.nextInt(60)), random.nextInt(100)});
      }
      TupleStore bulk = keyedStore(1, List.of(Lattice.NONE, lattice), types);
      TupleStore oneByOne = keyedStore(1, List.of(Lattice.NONE, lattice), types);
      if (random.nextBoolean()) { // a store that already holds rows
        long[] first = {random.nextInt(60), random.nextInt(100)};
        bulk.add(first);
        oneByOne.add(first.clone());
      }
      int added = bulk.addBulk(block.rows, block.size());
      int expectedAdded = 0;
      for (int i = 0; i < block.size(); i++) {
        expectedAdded += oneByOne.add(block.row(i)) ? 1 : 0;
      }
      assertEquals(expectedAdded, added);
      assertSameStore(oneByOne, bulk);
      assertEquals(oneByOne.compact(), bulk.compact());
      assertSameStore(oneByOne, bulk);
    }
  }

  @Test
  void aBlockOfAPlainTableIsTheSameSetWithTheSameIndexes() {
    Random random = new Random(23);
    for (int trial = 0; trial < 200; trial++) {
      int arity = 1 + random.nextInt(3);
      long spread = switch (random.nextInt(3)) {
        case 0 -> 50;
        case 1 -> 1L << 40;
        default -> Long.MAX_VALUE;
      };
      FactRows block = new FactRows(arity);
      for (int i = random.nextInt(random.nextInt(4) == 0 ? 3000 : 600); i > 0; i--) { // one batch or several
        long[] t = new long[arity];
        for (int c = 0; c < arity; c++) {
          t[c] = random.nextInt(4) == 0 ? random.nextInt(5) : Math.floorMod(random.nextLong(), spread);
        }
        block.add(t);
        if (random.nextInt(4) == 0) {
          block.add(t); // a duplicate
        }
      }
      List<int[]> indexes = arity == 1 ? List.of(new int[] {0}) : List.of(new int[] {0}, new int[] {arity - 1, 0});
      TupleStore bulk = new TupleStore(arity, indexes);
      TupleStore oneByOne = new TupleStore(arity, indexes);
      for (int i = random.nextBoolean() ? random.nextInt(40) : 0; i > 0; i--) { // a store that holds rows already
        long[] t = block.size() > 0 && random.nextBoolean() ? block.row(random.nextInt(block.size())) : new long[arity];
        t[0] = random.nextInt(50);
        bulk.add(t);
        oneByOne.add(t.clone());
      }
      int added = bulk.addBulk(block.rows, block.size());
      int expectedAdded = 0;
      for (int i = 0; i < block.size(); i++) {
        expectedAdded += oneByOne.add(block.row(i)) ? 1 : 0;
      }
      assertEquals(expectedAdded, added);
      assertSameStore(oneByOne, bulk);
      for (int i = 0; i < block.size(); i++) {
        assertTrue(bulk.contains(block.row(i)));
      }
    }
  }

  @Test
  void aPlainKeyConflictInABlockIsTheOneRowByRowFinds() {
    List<Type> types = List.of(Type.INT, Type.INT);
    FactRows block = new FactRows(2);
    for (long[] t : new long[][] {{1, 10}, {2, 20}, {1, 10}, {3, 30}, {2, 21}, {3, 31}}) {
      block.add(t);
    }
    TupleStore bulk = keyedStore(1, List.of(Lattice.NONE, Lattice.NONE), types);
    KeyConflict conflict = assertThrows(KeyConflict.class, () -> bulk.addBulk(block.rows, block.size()));
    TupleStore oneByOne = keyedStore(1, List.of(Lattice.NONE, Lattice.NONE), types);
    KeyConflict expected = assertThrows(KeyConflict.class, () -> {
      for (int i = 0; i < block.size(); i++) {
        oneByOne.add(block.row(i));
      }
    });
    assertArrayEquals(expected.held, conflict.held);
    assertArrayEquals(expected.inserted, conflict.inserted);
    assertArrayEquals(new long[] {2, 20}, conflict.held);
    assertEquals(3, bulk.size());
  }

  private static TupleStore keyedStore(int keyColumns, List<Lattice> lattices, List<Type> types) {
    TupleStore store = new TupleStore(types.size(), List.of(new int[] {0}, new int[] {1}));
    store.keyBy(new Keying(keyColumns, lattices, types, new StringPool()));
    return store;
  }

  /** The same rows in the same order, and every index's chain for every key the same rows in the same order. */
  private static void assertSameStore(TupleStore expected, TupleStore actual) {
    assertEquals(expected.size(), actual.size());
    for (int r = 0; r < expected.size(); r++) {
      assertArrayEquals(expected.row(r), actual.row(r), "row " + r);
      if (expected.keying != null) {
        assertEquals(expected.keying.isDead(r), actual.keying.isDead(r), "row " + r + " dead");
      }
    }
    for (int i = 0; i < expected.indexes.length; i++) {
      int[] columns = expected.indexes[i].columns;
      for (int r = 0; r < expected.size(); r++) {
        long[] key = new long[columns.length];
        for (int k = 0; k < columns.length; k++) {
          key[k] = expected.get(r, columns[k]);
        }
        assertEquals(chain(expected, i, key), chain(actual, i, key), "index " + i + " at row " + r);
      }
    }
  }

  private static List<Integer> chain(TupleStore store, int index, long[] key) {
    List<Integer> rows = new ArrayList<>();
    for (int row = store.indexes[index].first(store, key); row >= 0; row = store.indexes[index].next(row)) {
      rows.add(row);
    }
    Collections.reverse(rows);
    return rows;
  }
}

package calm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.cli.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four benchmark programs of ../shared/bench on small inputs generated here from a seed, run with
 * {@code calm run --facts --output-dir}; the expected outputs come from the naive oracle.
 */
class BenchWorkloadsTest {
  @TempDir Path tmp;

  @Test
  void transitiveClosure() throws IOException {
    Random random = new Random(1);
    Map<String, List<long[]>> facts = Map.of("edge", randomEdges(random, 50, 100), "node", nodes(50));
    check("tc", facts);
  }

  @Test
  void sameGeneration() throws IOException {
    Random random = new Random(2);
    List<long[]> par = new ArrayList<>();
    int levels = 6;
    int width = 10;
    for (int level = 1; level < levels; level++) {
      for (int i = 0; i < width; i++) {
        int child = level * width + i;
        Set<Integer> parents = new TreeSet<>();
        while (parents.size() < 2) {
          parents.add((level - 1) * width + random.nextInt(width));
        }
        parents.forEach(p -> par.add(new long[] {child, p}));
      }
    }
    check("sg", Map.of("par", par, "node", nodes(levels * width)));
  }

  @Test
  void stratifiedNegation() throws IOException {
    Random random = new Random(3);
    List<long[]> roots = new ArrayList<>();
    for (int r = 0; r < 100; r += 9) {
      roots.add(new long[] {r});
    }
    check("neg", Map.of("edge", randomEdges(random, 100, 120), "node", nodes(100), "root", roots));
  }

  @Test
  void aggregation() throws IOException {
    Random random = new Random(4);
    check("agg", Map.of("edge", randomEdges(random, 40, 60), "node", nodes(40)));
  }

  private static List<long[]> randomEdges(Random random, int n, int m) {
    List<long[]> edges = new ArrayList<>();
    Set<List<Long>> seen = new java.util.HashSet<>();
    while (edges.size() < m) {
      long x = random.nextInt(n);
      long y = random.nextInt(n);
      if (seen.add(List.of(x, y))) {
        edges.add(new long[] {x, y});
      }
    }
    return edges;
  }

  private static List<long[]> nodes(int n) {
    List<long[]> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      nodes.add(new long[] {i});
    }
    return nodes;
  }

  private void check(String workload, Map<String, List<long[]>> facts) throws IOException {
    String program = Files.readString(Path.of("src/test/resources/eval/bench/" + workload + ".calm"));
    Path in = Files.createDirectories(tmp.resolve("in"));
    StringBuilder asProgram = new StringBuilder(program).append('\n');
    for (Map.Entry<String, List<long[]>> e : facts.entrySet()) {
      StringBuilder file = new StringBuilder();
      for (long[] t : e.getValue()) {
        StringBuilder line = new StringBuilder();
        asProgram.append(e.getKey()).append('(');
        for (int i = 0; i < t.length; i++) {
          line.append(i > 0 ? "\t" : "").append(t[i]);
          asProgram.append(i > 0 ? ", " : "").append(t[i]);
        }
        asProgram.append(").\n");
        file.append(line).append('\n');
      }
      Files.writeString(in.resolve(e.getKey() + ".facts"), file);
    }
    Path programFile = Files.writeString(tmp.resolve(workload + ".calm"), program);
    Path out = tmp.resolve("out");
    Cli r = Cli.run(
        "run", programFile.toString(), "--facts", in.toString(), "--output-dir", out.toString());
    assertEquals(0, r.status(), r.err());

    Map<String, Set<List<Object>>> expected =
        NaiveOracle.evaluate(OracleAgreementTest.parse(asProgram.toString(), 0));
    int outputs = 0;
    for (String line : program.split("\n")) {
      if (!line.startsWith("output table ")) {
        continue;
      }
      String relation = line.substring("output table ".length(), line.indexOf('('));
      List<String> lines = Files.readAllLines(out.resolve(relation + ".csv"), StandardCharsets.UTF_8);
      Set<List<Object>> actual = new java.util.HashSet<>();
      for (String l : lines) {
        List<Object> values = new ArrayList<>();
        for (String v : l.split("\t")) {
          values.add(Long.parseLong(v));
        }
        actual.add(values);
      }
      assertEquals(expected.get(relation), actual, workload + ": " + relation);
      assertTrue(!actual.isEmpty(), workload + ": " + relation + " should not be trivially empty");
      outputs++;
    }
    assertTrue(outputs > 0);
  }
}

package calm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 20, item 9: a sum overflows when its exact result does not fit, in whatever order its terms come. */
class SumOverflowTest {
  @TempDir Path dir;

  private Cli sum(List<String> terms, String order) throws IOException {
    StringBuilder program = new StringBuilder(
        "table t(k: int, v: int).\noutput table total(s: int).\ntotal(sum(V)) :- t(K, V).\n");
    for (int i = 0; i < terms.size(); i++) {
      program.append("t(").append(i).append(", ").append(terms.get(i)).append(").\n");
    }
    Path file = dir.resolve("sum-" + order + ".calm");
    Files.writeString(file, program);
    return Cli.run("run", file.toString(), "--format", "csv");
  }

  @Test
  void theExactSumDecidesWhateverTheOrder() throws IOException {
    Random random = new Random(9);
    List<String> fits = new ArrayList<>(List.of("9223372036854775807", "1", "-1", "5", "-5",
        "9223372036854775807", "-9223372036854775807", "-2", "2"));
    List<String> overflows = new ArrayList<>(List.of("9223372036854775807", "1", "-1", "1"));
    List<String> underflows = new ArrayList<>(List.of("-9223372036854775808", "-1", "1", "-1"));
    for (int round = 0; round < 12; round++) {
      Collections.shuffle(fits, random);
      Cli ok = sum(fits, "fits" + round);
      assertEquals(0, ok.status(), fits + "\n" + ok);
      assertEquals("total\t9223372036854775807\n", ok.out(), fits.toString());
      for (List<String> terms : List.of(overflows, underflows)) {
        Collections.shuffle(terms, random);
        Cli over = sum(terms, "over" + round);
        assertEquals(1, over.status(), terms + "\n" + over);
        assertTrue(over.err().contains("integer overflow in the rule at line 3"), over.toString());
      }
    }
  }
}

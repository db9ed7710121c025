package calm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text report renders its diagnostics in blocks on both cores, a few blocks at a time: across
 * many batches, every diagnostic is written once, in the order of the file.
 */
class TextReportBatchesTest {
  @TempDir Path dir;

  @Test
  void aReportOfManyBatchesKeepsEveryDiagnosticInOrder() throws IOException {
    int tables = 2_500; // more than two batches of the renderer, and a last one that is not full
    StringBuilder program = new StringBuilder();
    for (int i = 0; i < tables; i++) {
      program.append("table unused").append(i).append("(x: int).\n");
    }
    Path file = dir.resolve("many.calm");
    Files.writeString(file, program);
    Cli cli = Cli.run("check", file.toString());
    Matcher header = Pattern.compile("(?m)^" + Pattern.quote(file.toString()) + ":(\\d+):7: warning\\[W101\\]").matcher(cli.out());
    int seen = 0;
    while (header.find()) {
      seen++;
      assertEquals(seen, Integer.parseInt(header.group(1)), "the warnings in line order, none twice");
    }
    assertEquals(tables, seen, cli.toString());
    assertTrue(cli.out().endsWith("1 file checked: 0 errors, " + tables + " warnings\n"), cli.err());
  }
}

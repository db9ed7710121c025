package calm.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * At least eight example cases tell a distributed story for real: every program of the folder has a
 * scenario that runs it on two or more nodes, and the program sends over a channel.
 */
class DistributedExamplesTest {
  @Test
  void atLeastEightCasesRunOnSeveralNodes() throws IOException {
    List<String> distributed = new ArrayList<>();
    for (Path folder : ExamplesTest.exampleFolders()) {
      List<Path> programs;
      try (Stream<Path> files = Files.list(folder)) {
        programs = files.filter(f -> f.toString().endsWith(".calm")).toList();
      }
      boolean all = !programs.isEmpty();
      for (Path program : programs) {
        Path scenario = Path.of(program.toString().replaceAll("\\.calm$", ".scenario"));
        all &= Files.exists(scenario) && nodes(scenario) >= 2
            && Files.readString(program, StandardCharsets.UTF_8).contains("@async");
      }
      if (all) {
        distributed.add(folder.getFileName().toString());
      }
    }
    assertTrue(distributed.size() >= 8, "cases on several nodes: " + distributed);
  }

  private static int nodes(Path scenario) throws IOException {
    int n = 0;
    for (String line : Files.readAllLines(scenario, StandardCharsets.UTF_8)) {
      String code = line.replaceAll("#.*", "").trim();
      if (code.startsWith("node ")) {
        n += code.substring(5).trim().split("\\s+").length;
      }
    }
    return n;
  }
}

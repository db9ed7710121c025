package calm.export;

import calm.Golden;
import calm.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code calm export --souffle} on small programs, as the user sees it: each folder under
 * golden/export holds a program and what the command prints for it (exit status, stdout, stderr).
 */
class SouffleExportGoldenTest {
  private static final Path ROOT = Path.of("src/test/resources/golden/export");

  static List<Path> cases() throws IOException {
    try (Stream<Path> folders = Files.list(ROOT)) {
      return folders.filter(Files::isDirectory).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void matchesGolden(Path folder) throws IOException {
    Cli cli = Cli.run("export", "--souffle", folder.resolve("program.calm").toString());
    Golden.assertMatches(folder.resolve("expected.txt"), cli.toString());
  }

  @Test
  void everyRefusalIsExitTwoWithAPlaceAndNoStackTrace() throws IOException {
    int refused = 0;
    for (Path folder : cases()) {
      Cli cli = Cli.run("export", "--souffle", folder.resolve("program.calm").toString());
      if (cli.status() != 0) {
        refused++;
        assertEquals(2, cli.status(), cli.toString());
        assertTrue(cli.err().matches("(?s).*program\\.calm:\\d+:\\d+: cannot export: .*"), cli.toString());
        assertTrue(!cli.err().contains("Exception") && !cli.err().contains("\tat "), cli.toString());
        assertEquals("", cli.out());
      }
    }
    assertTrue(refused >= 6, "the golden cases cover every refusal");
  }

  @Test
  void writesToAFileWithDashO(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
    Path folder = ROOT.resolve("core");
    Path out = tmp.resolve("core.dl");
    Cli cli = Cli.run("export", "--souffle", folder.resolve("program.calm").toString(), "-o", out.toString());
    assertEquals(0, cli.status(), cli.toString());
    assertEquals("", cli.out());
    Cli printed = Cli.run("export", "--souffle", folder.resolve("program.calm").toString());
    assertEquals(printed.out(), Files.readString(out));
  }

  @Test
  void withoutATargetItSaysWhichOneToChoose() {
    Cli cli = Cli.run("export", ROOT.resolve("core/program.calm").toString());
    assertEquals(2, cli.status(), cli.toString());
    assertTrue(cli.err().contains("--souffle"), cli.toString());
  }
}

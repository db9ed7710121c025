package calm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares generated text with a file in the repository, or rewrites the file when the build is run
 * with {@code -Dcalm.update.golden=true} (then review the diff before committing it).
 */
public final class Golden {
  private Golden() {}

  public static boolean updating() {
    return "true".equals(System.getProperty("calm.update.golden"));
  }

  public static void assertMatches(Path expectedFile, String actual) throws IOException {
    if (updating()) {
      Files.createDirectories(expectedFile.getParent());
      Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
      return;
    }
    String expected =
        Files.exists(expectedFile) ? Files.readString(expectedFile, StandardCharsets.UTF_8) : "<missing file>";
    assertEquals(
        expected,
        actual,
        expectedFile + " is out of date; regenerate with -Dcalm.update.golden=true and review the diff");
  }
}

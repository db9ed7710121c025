package calm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A program is read a slice at a time; what is read is the whole file, byte for byte. */
class LargeFileReadTest {
  @TempDir Path dir;

  @Test
  void aFileOfSeveralSlicesAndAPartOneIsReadWhole() throws Exception {
    byte[] bytes = new byte[(1 << 20) * 3 + 12_345];
    new Random(7).nextBytes(bytes);
    Path file = dir.resolve("big.bin");
    Files.write(file, bytes);
    assertArrayEquals(bytes, SourceLoader.readWhole(file, bytes.length));
  }

  @Test
  void aFileThatChangedSizeSinceItWasMeasuredIsReadAsItIsNow() throws Exception {
    byte[] bytes = "table t(x: int).\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
    Path file = dir.resolve("p.calm");
    Files.write(file, bytes);
    assertArrayEquals(bytes, SourceLoader.readWhole(file, bytes.length - 100), "grew");
    assertArrayEquals(bytes, SourceLoader.readWhole(file, bytes.length + 100), "shrank");
  }

  @Test
  void anErrorPastTheFirstSliceIsLocatedOnItsLine() throws Exception {
    StringBuilder program = new StringBuilder("table t(x: int).\n");
    int lines = 1;
    while (program.length() < (1 << 20) * 2) {
      program.append("t(").append(lines).append(").\n");
      lines++;
    }
    program.append("t(X) :- t(Y).\n");
    Path file = dir.resolve("p.calm");
    Files.writeString(file, program);
    Cli check = Cli.run("check", file.toString());
    assertEquals(1, check.status(), check.err());
    assertTrue(check.out().contains("p.calm:" + (lines + 1) + ":3: error[E301]"), check.out().lines().findFirst().orElse(""));
  }
}

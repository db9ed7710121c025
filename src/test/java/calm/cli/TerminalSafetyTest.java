package calm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 20, item 2: control characters from a program never reach the terminal raw. */
class TerminalSafetyTest {
  private static final String CLEAR = "\u001b[2J";
  private static final String TITLE = "\u001b]0;pwned\u0007";
  private static final String CSI = "\u009b31m";
  private static final String BIDI = "\u202e";

  @TempDir Path dir;

  private Path program(String text) throws IOException {
    Path file = dir.resolve("p.calm");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static void assertSafe(Cli cli) {
    String all = cli.out() + cli.err();
    for (int i = 0; i < all.length(); i++) {
      char c = all.charAt(i);
      boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f) || c == '\u202e';
      if (control) {
        fail(String.format("raw U+%04X at %d in%n%s", (int) c, i, cli));
      }
    }
  }

  @Test
  void stringsTokensAndReasonsAreEscapedInEveryFormat() throws Exception {
    Path file = program(
        "table t(x: int).\ninput e(x: string).\noutput table o(x: int).\n"
            + "t(\"" + CLEAR + TITLE + CSI + BIDI + "\").\n"
            + "@coordinated(\"" + CLEAR + "\")\n"
            + "o(count(X)) :- t(X), e(X).\n");
    Path token = dir.resolve("token.calm");
    Files.writeString(token, "table t(x: int).\nt(X) :- t(Y), X != " + CSI + "1.\n", StandardCharsets.UTF_8);
    assertSafe(Cli.run("check", token.toString()));
    Path reason = dir.resolve("reason.calm");
    Files.writeString(reason, "table t(x: string).\ninput e(x: string).\noutput table o(x: int).\n"
        + "@coordinated(\"" + TITLE + "\")\no(count(X)) :- t(X), e(X).\n", StandardCharsets.UTF_8);
    for (String format : List.of("text", "json", "sarif")) {
      Cli cli = Cli.run("check", reason.toString(), "--format", format);
      assertSafe(cli);
      assertTrue(cli.out().toLowerCase().contains("\\u001b]0;pwned\\u0007"), cli.toString());
    }
    for (String format : List.of("text", "json", "sarif")) {
      Cli cli = Cli.run("check", file.toString(), "--format", format);
      assertSafe(cli);
      assertTrue(cli.out().toLowerCase().contains("\\u001b"), cli.toString());
      if (!format.equals("text")) {
        new ObjectMapper().readTree(cli.out()); // the escape is JSON's own: still valid
      }
    }
    Cli text = Cli.run("check", file.toString());
    assertTrue(text.out().contains("\"\\u001b[2J\\u001b]0;pwned\\u0007\\u009b31m\\u202e\" is a string"), text.toString());
  }

  @Test
  void factsAndTracesOfRunAndExploreAreEscaped() throws Exception {
    Path file = program(
        "table t(x: string).\noutput table o(x: string).\nt(\"" + CLEAR + TITLE + CSI + "\").\no(X) :- t(X).\n");
    for (String format : List.of("table", "csv", "json")) {
      Cli cli = Cli.run("run", file.toString(), "--format", format, "--trace");
      assertEquals(0, cli.status(), cli.toString());
      assertSafe(cli);
      assertTrue(cli.out().toLowerCase().contains("\\u001b[2j"), cli.toString());
    }
    Cli explore = Cli.run("explore", file.toString(), "--runs", "3", "--jobs", "1", "--color", "always");
    assertSafe(new Cli(explore.status(), explore.out().replace("\u001b[1;31m", "").replace("\u001b[0m", ""),
        explore.err()));
  }

  @Test
  void ourOwnColoursStillWork() throws Exception {
    Path file = program("table t(x: int).\nt(X) :- t(Y).\n");
    Cli cli = Cli.run("check", file.toString(), "--color", "always");
    assertTrue(cli.out().contains("\u001b[1;31merror"), cli.toString());
    // an emoji whose low surrogate is our stand-in for ESC stays an emoji
    assertEquals("\ud83d\udc1b", SafeText.escape("\ud83d\udc1b"));
    assertEquals("\\u001b[2J", SafeText.escape(SafeText.ESC + "[2J"));
  }
}

package calm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 20: hostile files get located errors from every command, never an internal error. */
class HostileInputTest {
  private static final List<String> COMMANDS = List.of("check", "run", "graph", "explore");

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static Cli command(String command, Path file) {
    return command.equals("explore")
        ? Cli.run(command, file.toString(), "--runs", "3", "--jobs", "1")
        : Cli.run(command, file.toString());
  }

  @Test
  void aBadFirstTokenIsALocatedSyntaxErrorForEveryCommand() throws IOException {
    String[][] cases = {
      {"dollar.calm", "$ table t(x: int).\n", "1:1: error[E003]"},
      {"string.calm", "\"abc\n", "1:1: error[E003]"},
      {"comment.calm", "/* never closed\ntable t(x: int).\n", "1:1: error[E003]"},
    };
    for (String[] c : cases) {
      Path file = write(c[0], c[1]);
      for (String command : COMMANDS) {
        Cli cli = command(command, file);
        assertEquals(1, cli.status(), command + " " + c[0] + "\n" + cli);
        assertTrue((cli.out() + cli.err()).contains(c[0] + ":" + c[2]), command + " " + c[0] + "\n" + cli);
        assertFalse(cli.err().contains("internal error"), cli.toString());
      }
    }
  }

  @Test
  void deepExpressionsAreOneLocatedE005ForEveryCommand() throws IOException {
    String head = "table t(x: int).\noutput table o(x: int).\nt(1).\no(X) :- t(Y), X = ";
    String[][] cases = {
      {"parens.calm", head + "(".repeat(300) + "Y" + ")".repeat(300) + ".\n", "4:275"},
      {"minus.calm", head + "-".repeat(20_000) + "Y.\n", "4:275"},
      {"sum.calm", head + "Y" + "+1".repeat(20_000) + ".\n", "4:532"},
      {"mixed.calm", head + "(-".repeat(200) + "Y" + ")".repeat(200) + ".\n", "4:"},
    };
    for (String[] c : cases) {
      Path file = write(c[0], c[1]);
      for (String command : COMMANDS) {
        Cli cli = command(command, file);
        assertEquals(1, cli.status(), command + " " + c[0] + "\n" + cli);
        String all = cli.out() + cli.err();
        assertTrue(all.contains(c[0] + ":" + c[2]) && all.contains("error[E005]"), command + " " + c[0] + "\n" + cli);
        assertFalse(all.contains("nests too deeply for the stack"), cli.toString());
      }
    }
  }

  @Test
  void longButShallowExpressionsAreFine() throws IOException {
    // 200 operators over many operands of one comparison, and many literals in one body
    StringBuilder body = new StringBuilder("Y");
    for (int i = 0; i < 200; i++) {
      body.append(" + 1");
    }
    Path file = write("shallow.calm",
        "table t(x: int).\noutput table o(x: int).\nt(1).\no(X) :- t(Y), X = " + body + ", X > (((Y))).\n");
    Cli cli = Cli.run("run", file.toString());
    assertEquals(0, cli.status(), cli.toString());
    assertTrue(cli.out().contains("201"), cli.toString());
  }
}

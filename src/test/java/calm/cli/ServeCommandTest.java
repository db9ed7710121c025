package calm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code calm serve}'s refusals: each a one-line reason and exit 2, before anything listens. */
class ServeCommandTest {
  @TempDir Path temp;

  @Test
  void aMissingDirectoryIsAFailure() {
    Cli cli = Cli.run("serve", "--port", "0", temp.resolve("nowhere").toString());
    assertEquals(2, cli.status(), cli.toString());
    assertTrue(cli.err().contains("not a directory"), cli.toString());
  }

  @Test
  void aPortOutOfRangeIsAFailure() {
    Cli cli = Cli.run("serve", "--port", "70000", temp.toString());
    assertEquals(2, cli.status(), cli.toString());
    assertTrue(cli.err().contains("--port must be between 0 and 65535"), cli.toString());
  }

  @Test
  void aTakenPortIsAFailure() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Cli cli = Cli.run("serve", "--port", "" + taken.getLocalPort(), temp.toString());
      assertEquals(2, cli.status(), cli.toString());
      assertTrue(cli.err().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), cli.toString());
    }
  }

  @Test
  void helpNamesTheOptions() {
    Cli cli = Cli.run("serve", "--help");
    assertEquals(0, cli.status(), cli.toString());
    assertTrue(cli.out().contains("--port") && cli.out().contains("DIR"), cli.toString());
  }
}

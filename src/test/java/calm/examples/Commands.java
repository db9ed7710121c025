package calm.examples;

import calm.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs a {@code calm} command in-process through {@link Cli}, and also keeps what {@code run} and
 * {@code graph} print: they write to {@code System.out}/{@code System.err} rather than through
 * picocli's writers, so they are redirected for the duration of the command.
 */
final class Commands {
  private Commands() {}

  static synchronized Cli run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      Cli cli = Cli.run(args);
      System.out.flush();
      System.err.flush();
      return new Cli(
          cli.status(),
          cli.out() + out.toString(StandardCharsets.UTF_8),
          cli.err() + err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}

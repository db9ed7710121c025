package calm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Runs the command line in-process and keeps what it printed (also used by calm.examples). */
public record Cli(int status, String out, String err) {
  /**
   * Options for the JVMs that tests launch to see what a process does (exit status, a full disk, a
   * signal): they live a second, so compiling with C2 and starting GC threads costs more than it
   * saves, on machines whose two cores the rest of the suite is using. The heap is capped: the JVM's
   * default (a quarter of the machine) lets a child grow past what the suite's memory budget has for
   * it (docs/testing.md); a test that wants less memory puts its own -Xmx after these.
   */
  public static final String[] QUICK_JVM = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xmx256m"};

  /**
   * Each test thread keeps the command line it used last, its model built once: building picocli's
   * model from the annotations was about a tenth of the test JVM's CPU when every call built its own
   * (the launcher still builds one per process; {@link Main.Reusable} says why reuse is the same). A
   * command object keeps what its last run made until its next run ends, so a command line naming a
   * large file gets a model of its own that nothing keeps (two 10 MB programs' reports at once do not
   * fit the test JVM's heap). Taken out while it runs, so a nested call builds its own; held weakly,
   * so a collection under pressure may free it.
   */
  private static final ThreadLocal<WeakReference<Main.Reusable>> IDLE = new ThreadLocal<>();
  private static final long LARGE_INPUT_BYTES = 1 << 20;

  public static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    WeakReference<Main.Reusable> idle = IDLE.get();
    IDLE.remove();
    if (namesALargeFile(args)) {
      int status = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
      return new Cli(status, out.toString(), err.toString());
    }
    Main.Reusable calm = idle == null ? null : idle.get();
    if (calm == null) {
      calm = new Main.Reusable();
    }
    int status;
    try {
      status = calm.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    } finally {
      IDLE.set(new WeakReference<>(calm));
    }
    return new Cli(status, out.toString(), err.toString());
  }

  private static boolean namesALargeFile(String... args) {
    for (String arg : args) {
      try {
        Path path = Path.of(arg);
        if (Files.isRegularFile(path) && Files.size(path) > LARGE_INPUT_BYTES) {
          return true;
        }
      } catch (InvalidPathException | IOException e) {
        // not a path, or not one that can be read: not a large input
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}

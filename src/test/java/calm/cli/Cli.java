package calm.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

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

  public static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Cli(status, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}

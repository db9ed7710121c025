package calm.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.IntConsumer;

/**
 * What a bug in calm itself prints: one line naming the failure and a request to report it, exit
 * status 2. A stack trace would bury that line in a CI log, so it is printed only when the
 * environment variable {@code CALM_DEBUG} is set to something non-empty.
 */
final class InternalFailure {
  private InternalFailure() {}

  /** Running out of heap is the input's size or the machine's, said the same way on every thread. */
  static final String OUT_OF_MEMORY = "calm: out of memory; give Java more heap with CALM_JAVA_OPTS=-Xmx16g"
      + " (the default is a quarter of the machine's memory)";

  /** The lines for {@code failure}, ending with a line break; the stack trace only when {@code debug}. */
  static String message(String where, Throwable failure, boolean debug) {
    StringBuilder text = new StringBuilder("calm: internal error")
        .append(where.isEmpty() ? "" : " in " + where).append(": ").append(failure).append('\n')
        .append("calm: please report this with the input that caused it")
        .append(debug ? "" : " (CALM_DEBUG=1 shows where it happened)").append('\n');
    if (debug) {
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      text.append(trace);
    }
    return text.toString();
  }

  static boolean debug() {
    String flag = System.getenv("CALM_DEBUG");
    return flag != null && !flag.isEmpty();
  }

  /**
   * For threads that die without anyone waiting for them: the message, then {@code exit} with status
   * 2, so that a lost failure never passes as a success.
   */
  static Thread.UncaughtExceptionHandler handler(PrintWriter err, boolean debug, IntConsumer exit) {
    return (thread, failure) -> {
      // a helper thread (a parse half) that runs out of memory is the input's size, not a bug
      err.print(failure instanceof OutOfMemoryError ? OUT_OF_MEMORY + "\n"
          : message("thread " + thread.getName(), failure, debug));
      err.flush();
      exit.accept(ExitCodes.FAILURE);
    };
  }
}

package calm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InternalFailureTest {
  @Test
  void aHelperThreadThatDiesIsOneLineAndExitTwo() throws Exception {
    StringWriter err = new StringWriter();
    List<Integer> exits = new ArrayList<>();
    Thread helper = new Thread(() -> {
      throw new IllegalStateException("broken invariant");
    }, "calm-helper");
    helper.setUncaughtExceptionHandler(InternalFailure.handler(new PrintWriter(err), false, exits::add));
    helper.start();
    helper.join();
    assertEquals(List.of(ExitCodes.FAILURE), exits);
    assertTrue(err.toString().startsWith(
        "calm: internal error in thread calm-helper: java.lang.IllegalStateException: broken invariant\n"), err.toString());
    assertFalse(err.toString().contains("\tat "), "no stack trace without CALM_DEBUG: " + err);
  }

  @Test
  void theStackTraceIsShownOnlyWhenAskedFor() {
    String debug = InternalFailure.message("", new IllegalStateException("x"), true);
    assertTrue(debug.startsWith("calm: internal error: java.lang.IllegalStateException: x\n"), debug);
    assertTrue(debug.contains("\tat calm.cli.InternalFailureTest"), debug);
  }

  @Test
  void aHelperThreadOutOfMemoryIsTheOutOfMemoryLine() throws Exception {
    StringWriter err = new StringWriter();
    List<Integer> exits = new ArrayList<>();
    Thread helper = new Thread(() -> {
      throw new OutOfMemoryError("Java heap space");
    }, "calm-parse");
    helper.setUncaughtExceptionHandler(InternalFailure.handler(new PrintWriter(err), false, exits::add));
    helper.start();
    helper.join();
    assertEquals(List.of(ExitCodes.FAILURE), exits);
    assertTrue(err.toString().startsWith("calm: out of memory; give Java more heap"), err.toString());
    assertFalse(err.toString().contains("internal error"), err.toString());
  }
}

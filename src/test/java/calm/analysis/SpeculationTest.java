package calm.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The CALM analysis starts beside the checks: it is either used, with its failures, or stopped. */
class SpeculationTest {
  @Test
  void aFailureOfTheWorkIsAnInternalErrorThatNamesIt() {
    IllegalArgumentException bug = new IllegalArgumentException("no such relation: r");
    Speculation<String> work = Speculation.start("CALM analysis", () -> {
      throw bug;
    });
    IllegalStateException thrown = assertThrows(IllegalStateException.class, work::join);
    assertEquals("the CALM analysis failed: java.lang.IllegalArgumentException: no such relation: r", thrown.getMessage());
    assertSame(bug, thrown.getCause());
  }

  @Test
  void anErrorOfTheJvmIsThrownAsItWas() {
    Speculation<String> work = Speculation.start("CALM analysis", () -> {
      throw new StackOverflowError();
    });
    assertThrows(StackOverflowError.class, work::join);
  }

  @Test
  void cancellingInterruptsTheThread() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    Speculation<String> work = Speculation.start("CALM analysis", () -> {
      started.countDown();
      try {
        Thread.sleep(60_000);
        return "never";
      } catch (InterruptedException e) {
        interrupted.countDown();
        return "stopped";
      }
    });
    assertTrue(started.await(10, TimeUnit.SECONDS));
    work.cancel();
    assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the thread was interrupted");
    assertTrue(work.isCancelled());
  }
}

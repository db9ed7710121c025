package calm.analysis;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Work started on a thread of its own before anyone knows whether it will be wanted (the CALM
 * analysis beside the checks). It is either joined, and then what it threw is thrown again with the
 * name of the work, or cancelled, and then its thread is interrupted and its outcome, a failure
 * included, is of no interest to anyone.
 */
final class Speculation<T> {
  /** The analyses walk ASTs recursively; as deep a stack as the command's own thread. */
  private static final long STACK_BYTES = 512L * 1024 * 1024;

  private final String what;
  private final FutureTask<T> task;

  private Speculation(String what, Supplier<T> work) {
    this.what = what;
    this.task = new FutureTask<>(work::get);
  }

  static <T> Speculation<T> start(String what, Supplier<T> work) {
    Speculation<T> speculation = new Speculation<>(what, work);
    Thread thread = new Thread(null, speculation.task, "calm-" + what.replace(' ', '-'), STACK_BYTES);
    thread.setDaemon(true); // never keeps the JVM alive
    thread.start();
    return speculation;
  }

  /**
   * The result. An error of the JVM (out of memory, stack overflow) is thrown as it was, for the
   * command's own handling of it; anything else is a bug in the work, thrown as an
   * {@link IllegalStateException} that names the work and keeps the cause.
   */
  T join() {
    try {
      return task.get();
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the " + what, e);
    } catch (CancellationException e) {
      throw new IllegalStateException("the " + what + " was cancelled before it was used", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("the " + what + " failed: " + cause, cause);
    }
  }

  /** The result is not wanted: the thread is interrupted, and what the work throws is dropped. */
  void cancel() {
    task.cancel(true);
  }

  boolean isCancelled() {
    return task.isCancelled();
  }
}

package calm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Starts the suite's long poles first (src/test/resources/junit-platform.properties): the classes run
 * two at a time, and a long class started near the end is a tail with one core idle beside it.
 *
 * <p>JUnit's executor hands the classes out from both ends of this order: the thread that queued them
 * takes them from the back, the other lane steals from the front (measured: with the long poles only
 * at the front, the two ends met among them and left four running last). So the long poles are dealt
 * to both ends, longest outermost, and the short classes meet in the middle. The browser test keeps its
 * place in the middle: first in the order, it started Chromium while the suite's JVM was warming up
 * beside the fuzz test, and on the loaded machine Chromium failed to start once in four runs (it never
 * did in its old place); the 10 MB checks (CheckCommandTest) come second at the back: their full
 * collections stop this JVM, and with it the playground server the browser may be waiting on. The lists
 * are measured (per-class times in target/surefire-reports, docs/benchmarks.md, "The test suite,
 * third round"). Order only: every class still runs, and none depends on another.
 */
public final class LongestFirst implements ClassOrderer {
  /** Taken from the front, first to last. */
  static final List<String> FRONT = List.of(
      "calm.fuzz.FuzzTest",
      "calm.eval.OracleAgreementTest",
      "calm.syntax.LargeFileParsingTest",
      "calm.cli.WriteFailureTest",
      "calm.cli.InputPathsTest",
      "calm.cli.AtomicOutputTest",
      "calm.lsp.CodeActionsTest",
      "calm.analysis.MarkerFilesTest");
  /** Taken from the back, first to last (so they are placed in reverse at the end). */
  static final List<String> BACK = List.of(
      "calm.eval.explore.CalmCrossCheckTest",
      "calm.cli.CheckCommandTest",
      "calm.cli.ExploreMemoryTest",
      "calm.eval.LatticeOracleTest",
      "calm.cli.OutOfMemoryTest",
      "calm.eval.explore.ConstraintPropertyTest",
      "calm.examples.ExamplesTest",
      "calm.cli.ServeApiTest");

  @Override
  public void orderClasses(ClassOrdererContext context) {
    context.getClassDescriptors().sort(Comparator.comparingInt(descriptor -> place(descriptor.getTestClass().getName())));
  }

  /** Front classes below zero, the rest at zero (keeping their order), back classes above. */
  private static int place(String className) {
    int front = FRONT.indexOf(className);
    if (front >= 0) {
      return front - FRONT.size();
    }
    int back = BACK.indexOf(className);
    return back >= 0 ? BACK.size() - back : 0;
  }

  static List<String> longPoles() {
    List<String> all = new ArrayList<>(FRONT);
    all.addAll(BACK);
    return all;
  }
}

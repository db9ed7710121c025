package calm.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import calm.analysis.graph.RelationIds;
import calm.analysis.graph.Schema;
import calm.syntax.Parsing;
import calm.syntax.Program;
import calm.syntax.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The context's shared structures are built once, whichever of the checks' threads asks first. */
class CheckContextTest {
  private static CheckContext context() {
    StringBuilder text = new StringBuilder();
    for (int r = 0; r < 2_000; r++) {
      text.append("table r").append(r).append("(x: int).\n");
    }
    for (int r = 1; r < 2_000; r++) {
      text.append("r").append(r).append("(X) :- r").append(r - 1).append("(X), not r").append(r / 2).append("(X).\n");
    }
    Program program = Parsing.parse(new SourceFile("t.calm", text.toString())).program().orElseThrow();
    return new CheckContext(program, Schema.of(program));
  }

  @Test
  void threadsAskingInAnyOrderShareOneOfEach() throws Exception {
    CheckContext context = context();
    // the strata first (which build the graph, which builds the numbers), the graph first, the numbers first
    List<Callable<Object[]>> orders =
        List.of(
            () -> new Object[] {context.stratification(), context.dependencies(), context.ids()},
            () -> {
              Object graph = context.dependencies();
              return new Object[] {context.stratification(), graph, context.ids()};
            },
            () -> {
              Object ids = context.ids();
              return new Object[] {context.stratification(), context.dependencies(), ids};
            });
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Object[]>> asked = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        asked.add(pool.submit(orders.get(t % orders.size())));
      }
      Object[] first = asked.get(0).get();
      for (Future<Object[]> f : asked) {
        Object[] got = f.get();
        for (int i = 0; i < first.length; i++) {
          assertSame(first[i], got[i]);
        }
      }
      assertEquals(2_000, ((RelationIds) first[2]).size());
      assertSame(first[0], context.stratification());
    } finally {
      pool.shutdownNow();
    }
  }
}

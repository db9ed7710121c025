package calm.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import calm.analysis.graph.Dependency;
import calm.analysis.graph.DependencyGraph;
import calm.analysis.graph.Schema;
import calm.syntax.Declaration;
import calm.syntax.HeadForm;
import calm.syntax.Parsing;
import calm.syntax.Program;
import calm.syntax.Rule;
import calm.syntax.SourceFile;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The relations that change from tick to tick (W301's question), found over relation numbers, are
 * those a plain search along the dependency graph's edges by name finds, on random programs with
 * channels, @next heads, negation, duplicate declarations and undeclared names.
 */
class ChangingRelationsTest {
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void agreesWithASearchByName(long seed) {
    Program program = Parsing.parse(new SourceFile("r.calm", randomProgram(new Random(seed)))).program().orElseThrow();
    CheckContext context = new CheckContext(program, Schema.of(program));
    assertEquals(byName(context), AggregateIntoTableCheck.changingRelations(context));
  }

  private static Set<String> byName(CheckContext context) {
    Set<String> changing = new HashSet<>();
    for (Declaration d : context.schema().declarations()) {
      if (d.kind().isSourceOfAsynchrony()) {
        changing.add(d.name().text());
      }
    }
    for (Rule rule : context.program().rules()) {
      if (rule.head().form() != HeadForm.SAME_TICK) {
        changing.add(rule.head().atom().relation().text());
      }
    }
    ArrayDeque<String> work = new ArrayDeque<>(changing);
    DependencyGraph graph = context.dependencies();
    while (!work.isEmpty()) {
      for (Dependency edge : graph.outgoing(work.poll())) {
        if (changing.add(edge.to())) {
          work.add(edge.to());
        }
      }
    }
    return changing;
  }

  private static String randomProgram(Random random) {
    int relations = 5 + random.nextInt(30);
    StringBuilder text = new StringBuilder();
    for (int r = 0; r < relations; r++) {
      String kind = switch (random.nextInt(6)) {
        case 0 -> "input";
        case 1 -> "scratch";
        default -> "table";
      };
      text.append(kind).append(" r").append(r).append("(x: int, y: int).\n");
      if (random.nextInt(15) == 0) {
        text.append("table r").append(r).append("(x: int, y: int).\n");
      }
    }
    text.append("channel c(@to: string, x: int, y: int).\n");
    // names past the declared ones are undeclared
    int names = relations + 4;
    for (int k = 0; k < relations * 2; k++) {
      String head = name(random, names);
      String suffix = switch (random.nextInt(8)) {
        case 0 -> "@next";
        default -> "";
      };
      text.append(head).append("(X, Y)").append(suffix).append(" :- ").append(name(random, names)).append("(X, Y)");
      if (random.nextBoolean()) {
        text.append(random.nextBoolean() ? ", not " : ", ").append(name(random, names)).append("(Y, X)");
      }
      if (random.nextInt(6) == 0) {
        text.append(", c(_, X, Y)");
      }
      text.append(".\n");
    }
    return text.toString();
  }

  private static String name(Random random, int names) {
    return "r" + random.nextInt(names);
  }
}

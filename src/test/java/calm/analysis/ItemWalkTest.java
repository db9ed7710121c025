package calm.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.analysis.graph.Schema;
import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.Parsing;
import calm.syntax.Program;
import calm.syntax.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The one walk over the items finds, cut into parts, what it finds whole, in the same order; and each
 * item check, walked alone, finds what it finds in the walk with the others.
 */
class ItemWalkTest {
  /** Rules, facts, a seal and a constraint, with errors of several item checks spread over the file. */
  private static Program program() {
    StringBuilder text = new StringBuilder("table t(x: int, y: int).\noutput table u(x: int).\n");
    text.append("table s(x: string).\ninput closed(x: int).\nseal t(K, _) by closed(K).\n");
    for (int i = 0; i < 300; i++) {
      switch (i % 6) {
        case 0 -> text.append("u(X) :- t(X, Y), Y > ").append(i).append(".\n");
        case 1 -> text.append("u(X) :- t(X).\n"); // arity
        case 2 -> text.append("u(Z) :- t(X, Y).\n"); // safety
        case 3 -> text.append("u(X) :- t(X, Y), nowhere").append(i).append("(X).\n"); // unknown relation
        case 4 -> text.append("u(X) :- t(X, Y), s(X).\n"); // types
        default -> text.append("t(").append(i).append(", \"no\").\n"); // a fact of the wrong type
      }
    }
    text.append(":- u(X), X < 0.\n");
    return Parsing.parse(new SourceFile("walk.calm", text.toString())).program().orElseThrow();
  }

  private static List<ItemCheck> itemChecks() {
    return Checks.all().stream().filter(ItemCheck.class::isInstance).map(ItemCheck.class::cast).toList();
  }

  private static List<List<Diagnostic>> inParts(CheckContext context, List<ItemCheck> checks, int parts) {
    List<List<Diagnostic>> merged = new ArrayList<>();
    for (int c = 0; c < checks.size(); c++) {
      merged.add(new ArrayList<>());
    }
    for (int p = 0; p < parts; p++) {
      List<List<Diagnostic>> found = ItemWalk.walk(context, checks, p, parts);
      for (int c = 0; c < checks.size(); c++) {
        merged.get(c).addAll(found.get(c));
      }
    }
    return merged;
  }

  private static CheckContext context() {
    Program program = program();
    return new CheckContext(program, Schema.of(program), true);
  }

  @Test
  void partsFindWhatTheWholeWalkFindsInItsOrder() {
    CheckContext context = context();
    List<ItemCheck> checks = itemChecks();
    List<List<Diagnostic>> whole = inParts(context, checks, 1);
    Set<Code> codes = whole.stream().flatMap(List::stream).map(Diagnostic::code).collect(Collectors.toSet());
    assertTrue(codes.containsAll(Set.of(Code.ARITY_MISMATCH, Code.UNSAFE_VARIABLE, Code.UNKNOWN_RELATION, Code.TYPE_MISMATCH)),
        codes.toString());
    for (int parts : new int[] {2, 3, 7}) {
      assertEquals(whole, inParts(context, checks, parts), parts + " parts");
    }
  }

  @Test
  void aCheckAloneFindsWhatItFindsInTheWalk() {
    CheckContext context = context();
    List<ItemCheck> checks = itemChecks();
    List<List<Diagnostic>> together = inParts(context, checks, 1);
    for (int c = 0; c < checks.size(); c++) {
      List<Diagnostic> alone = new ArrayList<>();
      checks.get(c).check(context, alone::add);
      assertEquals(together.get(c), alone, checks.get(c).getClass().getSimpleName());
    }
  }
}

package calm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioParserTest {
  private static final CompiledProgram PROGRAM = EngineApiTest.compile("""
      input add(s: string, n: int).
      table server_of(s: string).
      table prices(item: string, p: int).
      output table got(s: string, n: int).
      prices("milk", 3).
      got(S, N) :- add(S, N).
      """);

  private static Scenario parse(String text) throws FactsFormatException {
    return new ScenarioParser(PROGRAM, "test.scenario").parse(text);
  }

  @Test
  void placingOnNowhereKeepsTheProgramsFactsOffEveryNode() throws FactsFormatException {
    Scenario s = parse("node a b\nplace prices on nowhere\nfact b prices(\"tea\", 2)\n");
    assertEquals(List.of(), s.placementOf("prices"));
    Run run = new Run(PROGRAM, World.of(PROGRAM, s, Map.of()));
    run.runToQuiescence();
    assertEquals(0, run.contents("a", "prices").size());
    assertEquals(1, run.contents("b", "prices").size());
    Scenario named = parse("node nowhere b\nplace prices on nowhere\n");
    assertEquals(List.of("nowhere"), named.placementOf("prices"), "a node may be called nowhere");
  }

  @Test
  void readsEveryDirective() throws FactsFormatException {
    Scenario s = parse("""
        # two nodes
        node client server   # trailing comment
        place prices on server
        fact client server_of("ser#ver \\"x\\"")
        input 2 client add("a", -4).
        input any server add("b\\tc", 5)
        """);
    assertEquals(List.of("client", "server"), s.nodes());
    assertEquals(List.of("server"), s.placementOf("prices"));
    assertEquals(List.of("client", "server"), s.placementOf("server_of"));
    assertEquals("ser#ver \"x\"", s.facts().get(0).fact().values().get(0));
    assertEquals(new Scenario.InputEvent("client", new GroundFact("add", List.of("a", -4L)), 2), s.inputs().get(0));
    assertEquals(Scenario.ANY_TICK, s.inputs().get(1).tick());
    assertEquals("b\tc", s.inputs().get(1).fact().values().get(0));

    // placement decides where the program's facts start
    Run run = new Run(PROGRAM, World.of(PROGRAM, s, Map.of()));
    run.runToQuiescence();
    assertEquals(0, run.contents("client", "prices").size());
    assertEquals(1, run.contents("server", "prices").size());
    assertEquals(1, run.contents("client", "server_of").size());
    assertEquals(0, run.contents("server", "server_of").size());
  }

  @Test
  void withoutNodesTheOnlyNodeIsLocal() throws FactsFormatException {
    assertEquals(List.of("local"), parse("input 1 local add(\"a\", 1)").nodes());
  }

  @Test
  void mistakesNameTheLine() {
    String[][] cases = {
      {"node a\nfrobnicate x", "test.scenario:2:", "unknown directive"},
      {"node a\ninput 1 b add(\"x\", 1)", "test.scenario:2:", "unknown node 'b'"},
      {"input 1 local nope(1)", "test.scenario:1:", "unknown relation 'nope'"},
      {"input 1 local add(\"x\")", "test.scenario:1:", "2 columns"},
      {"input 1 local add(1, 1)", "test.scenario:1:", "holds string"},
      {"input 0 local add(\"x\", 1)", "test.scenario:1:", "tick"},
      {"fact local add(\"x\", 1)", "test.scenario:1:", "an input; write input TICK"},
      {"input 1 local server_of(\"x\")", "test.scenario:1:", "not an input"},
      {"input 1 local add(\"x, 1)", "test.scenario:1:", "unterminated"},
      {"place prices server", "test.scenario:1:", "place RELATION on"},
    };
    for (String[] c : cases) {
      FactsFormatException e = assertThrows(FactsFormatException.class, () -> parse(c[0]), c[0]);
      assertTrue(e.getMessage().startsWith(c[1]) && e.getMessage().contains(c[2]), c[0] + " -> " + e.getMessage());
    }
  }
}

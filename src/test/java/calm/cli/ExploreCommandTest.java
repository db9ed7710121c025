package calm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExploreCommandTest {
  @TempDir Path dir;

  static Cli calm(String... args) {
    return Cli.run(args);
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  static final String RACE = """
      input a().
      input b().
      table got_b().
      output table won().
      a(). b().
      got_b() :- b().
      won() :- a(), not got_b().
      """;

  static final String UNION = """
      input add(x: int).
      channel msg(@to: string, x: int).
      output table all(x: int).
      add(1). add(2). add(3).
      msg("local", X)@async :- add(X).
      all(X) :- msg(_, X).
      """;

  /** Observers see {@code maybe()} for a while in some runs, but it is always gone at the end. */
  static final String FLICKER = """
      input a().
      input b().
      table got_a().
      table got_b().
      output table maybe().
      a(). b().
      got_a() :- a().
      got_b() :- b().
      maybe() :- got_a(), not got_b().
      delete maybe() :- got_b().
      """;

  @Test
  void jsonHasTheFieldsOfTheSpec() throws IOException {
    Path prog = write("race.calm", RACE);
    Cli r = calm("explore", prog.toString(), "--runs", "300", "--seed", "7", "--format", "json");
    assertEquals(0, r.status(), r.toString());
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertEquals(300, doc.get("runs").asInt());
    assertEquals(7, doc.get("seed").asInt());
    assertEquals(0, doc.get("sealViolations").asInt());
    JsonNode won = doc.get("outputs").get(0);
    assertEquals("won", won.get("relation").asText());
    assertTrue(won.get("verdict").isTextual());
    assertEquals(2, won.get("observedOutcomes").asInt());
    assertEquals(2, won.get("finalOutcomes").asInt());
    JsonNode w = won.get("witness");
    assertEquals("final", w.get("kind").asText());
    assertEquals(1, w.get("differingDeliveries").size());
    assertTrue(w.get("a").get("replay").asText().startsWith(w.get("a").get("seed").asText()));
  }

  @Test
  void textShowsVerdictOutcomesAndASideBySideWitness() throws IOException {
    Path prog = write("race.calm", RACE);
    Cli r = calm("explore", prog.toString(), "--runs", "200", "--seed", "3", "--color", "never");
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("observed: 2 outcomes, final: 2 outcomes"), r.out());
    assertTrue(r.out().contains("witness: won"), r.out());
    assertTrue(r.out().contains("  A") && r.out().contains(" | B"), r.out());
    assertTrue(r.out().contains("* local <- b()  (input)"), r.out());
    assertTrue(r.out().contains("--replay "), r.out());
    assertFalse(r.out().contains("\u001b["), "no colour unless asked or on a terminal");
  }

  @Test
  void theSameSeedPrintsTheSameReport() throws IOException {
    Path prog = write("race.calm", RACE);
    Cli a = calm("explore", prog.toString(), "--runs", "200", "--seed", "3", "--jobs", "1");
    Cli b = calm("explore", prog.toString(), "--runs", "200", "--seed", "3", "--jobs", "2");
    assertEquals(a.out(), b.out());
  }

  @Test
  void replayPrintsTheTimelineOfAWitnessSchedule() throws IOException {
    Path prog = write("race.calm", RACE);
    JsonNode doc = new ObjectMapper().readTree(
        calm("explore", prog.toString(), "--runs", "100", "--format", "json").out());
    JsonNode w = doc.get("outputs").get(0).get("witness");
    JsonNode winner = w.get("a").get("only").size() > 0 ? w.get("a") : w.get("b");
    Cli r = calm("explore", prog.toString(), "--replay", winner.get("replay").asText());
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("local: won()"), r.out());
    Cli json = calm("explore", prog.toString(), "--replay", winner.get("replay").asText(), "--format", "json");
    JsonNode replay = new ObjectMapper().readTree(json.out());
    assertEquals("won()", replay.get("outputs").get(0).get("final").get(0).get("fact").asText());
  }

  @Test
  void expectConfluentFailsWhenAnOutputDiffers() throws IOException {
    assertEquals(1, calm("explore", write("race.calm", RACE).toString(), "--runs", "100", "--expect-confluent").status());
    assertEquals(0, calm("explore", write("union.calm", UNION).toString(), "--runs", "100", "--expect-confluent").status());
  }

  @Test
  void namesAnOutputThatIsEventuallyConsistentButNotConfluent() throws IOException {
    Cli r = calm("explore", write("flicker.calm", FLICKER).toString(), "--runs", "200", "--color", "never");
    assertTrue(r.out().contains("maybe") && r.out().contains("observed: 2 outcomes, final: 1 outcome"), r.out());
    assertTrue(r.out().contains("eventually consistent but not confluent: maybe"), r.out());
    assertTrue(r.out().contains("observed outcomes differ"), r.out());
  }

  @Test
  void badOptionsAndUnreadableFilesExit2() throws IOException {
    Path prog = write("union.calm", UNION);
    assertEquals(2, calm("explore", prog.toString(), "--runs", "0").status());
    assertEquals(2, calm("explore", prog.toString(), "--runs", "many").status());
    assertEquals(2, calm("explore", dir.resolve("missing.calm").toString()).status());
    assertEquals(2, calm("explore", prog.toString(), "--scenario", dir.resolve("none.scenario").toString()).status());
    Cli badReplay = calm("explore", prog.toString(), "--replay", "xyz");
    assertEquals(2, badReplay.status());
    assertTrue(badReplay.err().contains("--replay"), badReplay.err());
  }

  @Test
  void programErrorsExit1() throws IOException {
    Cli r = calm("explore", write("bad.calm", "output table t(x: int).\nt(X) :- u(X).\n").toString());
    assertEquals(1, r.status());
    assertTrue(r.err().contains("bad.calm:2:"), r.err());
  }

  @Test
  void aRunThatDoesNotEndExits1WithAClearMessage() throws IOException {
    Path prog = write("counter.calm", """
        table n(x: int).
        output table seen(x: int).
        n(0).
        n(X + 1)@next :- n(X).
        seen(X) :- n(X).
        """);
    Cli r = calm("explore", prog.toString(), "--runs", "10", "--max-ticks", "30");
    assertEquals(1, r.status(), r.toString());
    assertTrue(r.err().contains("no quiescence after 30 ticks"), r.err());
    assertTrue(r.err().contains("--replay"), r.err());
  }

  @Test
  void aScenarioPlacesNodesAndInputs() throws IOException {
    Path prog = write("union.calm", """
        input add(x: int).
        channel msg(@to: string, x: int).
        output table all(x: int).
        msg("server", X)@async :- add(X).
        all(X) :- msg(_, X).
        """);
    Path scenario = write("s.scenario", """
        node server client
        input any client add(1)
        input any client add(2)
        input 3 client add(3)
        """);
    Cli r = calm("explore", prog.toString(), "--scenario", scenario.toString(), "--runs", "100",
        "--format", "json");
    assertEquals(0, r.status(), r.toString());
    JsonNode all = new ObjectMapper().readTree(r.out()).get("outputs").get(0);
    assertEquals(1, all.get("finalOutcomes").asInt());
  }

  @Test
  void colourMarksTheDifferenceOnlyWhenAsked() throws IOException {
    Path prog = write("race.calm", RACE);
    Cli r = calm("explore", prog.toString(), "--runs", "100", "--color", "always");
    assertTrue(r.out().contains("\u001b[1;31m* local <- b()"), r.out());
    assertEquals(2, calm("explore", prog.toString(), "--color", "sometimes").status());
  }

  @Test
  void sealBreaksAppearApartInJson() throws IOException {
    Path prog = write("sealed.calm", """
        input claim(name: string, ticket: int).
        input close_round().
        table claims(name: string, ticket: int).
        table round_closed().
        scratch first(name: string, ticket: int).
        output table winner(name: string, ticket: int).
        seal claims(_, _) by round_closed().
        claim("alice", 17). claim("alice", 12). close_round().
        claims(N, T) :- claim(N, T).
        round_closed() :- close_round().
        first(N, min(T)) :- claims(N, T), round_closed().
        winner(N, T) :- first(N, T).
        """);
    JsonNode kept = new ObjectMapper().readTree(
        calm("explore", prog.toString(), "--runs", "200", "--format", "json").out());
    assertEquals(0, kept.get("sealViolations").asInt(), "by default schedules keep seals: " + kept);
    Cli broken = calm("explore", prog.toString(), "--runs", "200", "--format", "json", "--break-seals");
    JsonNode doc = new ObjectMapper().readTree(broken.out());
    int violations = doc.get("sealViolations").asInt();
    assertTrue(doc.get("sealBreaks").get(0).get("replay").asText().length() == 16, doc.toString());
    assertTrue(violations > 0 && violations < 200, doc.toString());
    JsonNode first = doc.get("sealBreaks").get(0);
    assertTrue(first.get("fact").asText().startsWith("claims(\"alice\""), first.toString());
    assertEquals("round_closed()", first.get("guard").asText());
    assertTrue(first.get("arrivedAt").asInt() > first.get("sealedAt").asInt());
    JsonNode winner = doc.get("outputs").get(0);
    assertEquals("sealed", winner.get("verdict").asText());
    assertEquals(1, winner.get("finalOutcomes").asInt());
    assertTrue(winner.get("witness").isNull());
  }

  /** The model is declared through picocli's programmatic API: a reused command line starts from its defaults. */
  @Test
  void aReusedCommandLineStartsEachExplorationFromTheDefaults() throws IOException {
    Path race = write("race.calm", RACE);
    Main.Reusable reusable = new Main.Reusable();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(1, reusable.execute(new PrintWriter(out), new PrintWriter(err), "explore",
        race.toString(), "--runs", "40", "--format", "json", "--expect-confluent", "--jobs", "1"));
    assertTrue(out.toString().startsWith("{"), out.toString());
    out.getBuffer().setLength(0);
    assertEquals(0, reusable.execute(new PrintWriter(out), new PrintWriter(err), "explore", race.toString()),
        err.toString());
    assertFalse(out.toString().startsWith("{"), "text again: " + out);
    assertTrue(out.toString().startsWith("explored 1000 schedules of "), "the default 1000 runs: " + out);
  }
}

package calm.eval.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SealsTest {
  /** Unique usernames decided per round; the seal promises no claim after the round closed. */
  static final String USERNAMES = """
      input claim(name: string, person: string, ticket: int).
      input close_round().
      table claims(name: string, person: string, ticket: int).
      table round_closed().
      scratch first(name: string, ticket: int).
      output table account(name: string, person: string).
      seal claims(_, _, _) by round_closed().
      claim("alice", "p1", 17).
      claim("alice", "p2", 12).
      claim("bob", "p3", 20).
      close_round().
      claims(N, P, T) :- claim(N, P, T).
      round_closed() :- close_round().
      first(N, min(T)) :- claims(N, _, T), round_closed().
      account(N, P) :- first(N, T), claims(N, P, T).
      """;

  /** The same, sealed per name: a claim for a name closed earlier breaks only that key's promise. */
  static final String PER_KEY = """
      input claim(name: string, person: string, ticket: int).
      input close(name: string).
      table claims(name: string, person: string, ticket: int).
      table closed(name: string).
      scratch first(name: string, ticket: int).
      output table account(name: string, person: string).
      seal claims(N, _, _) by closed(N).
      claim("alice", "p1", 17).
      claim("alice", "p2", 12).
      close("alice").
      claims(N, P, T) :- claim(N, P, T).
      closed(N) :- close(N).
      first(N, min(T)) :- claims(N, _, T), closed(N).
      account(N, P) :- first(N, T), claims(N, P, T).
      """;

  @Test
  void schedulesKeepSealsByDefault() {
    Exploration e = Explore.of(USERNAMES).explore(300, 5, 2);
    assertEquals(0, e.sealViolations(), "close_round waits until every claim has arrived");
    assertEquals(300, e.completedRuns());
    assertEquals(1, Explore.output(e, "account").finalOutcomes());
  }

  /** Every sealed program under examples/, with its scenario if it has one: at least 90% of runs keep their seals. */
  @Test
  void theSealedExamplesKeepTheirSeals() throws IOException {
    List<Path> sealed = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("examples"))) {
      files.filter(f -> f.toString().endsWith(".calm")).sorted().forEach(sealed::add);
    }
    int checked = 0;
    for (Path file : sealed) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (!text.lines().anyMatch(l -> l.startsWith("seal "))) {
        continue;
      }
      Path scenarioFile = Path.of(file.toString().replaceAll("\\.calm$", ".scenario"));
      Explore p = Files.exists(scenarioFile)
          ? Explore.of(text, Files.readString(scenarioFile, StandardCharsets.UTF_8)) : Explore.of(text);
      Exploration kept = p.explore(300, 1, 2);
      assertTrue(kept.sealViolations() * 10 <= 300, file + ": " + kept.sealViolations() + " of 300 runs broke a seal");
      checked++;
    }
    assertTrue(checked >= 8, "the examples hold sealed programs (" + checked + ")");
  }

  @Test
  void runsThatBreakTheSealAreCountedApartAndTheOthersAgree() {
    Exploration e = Explore.of(USERNAMES).exploreBreakingSeals(300, 5, 2);
    assertTrue(e.sealViolations() > 0, "some schedule delivers a claim after close_round");
    assertTrue(e.sealViolations() < 300, "some schedule keeps the seal");
    OutputFinding account = Explore.output(e, "account");
    assertEquals(1, account.finalOutcomes(), account::toString);
    assertEquals(1, account.observedOutcomes(), account::toString);
    SealBreak first = e.sealBreaks().get(0);
    assertTrue(first.violation().fact().startsWith("claim"), first.toString());
    assertEquals("round_closed()", first.violation().guard());
    assertTrue(first.violation().arrivedAt() > first.violation().sealedAt());
    assertEquals("seal claims(_, _, _) by round_closed().", first.violation().seal());
  }

  @Test
  void aSealBreakIsFoundAgainWhenItsRunIsReplayed() {
    Explore p = Explore.of(USERNAMES);
    Exploration e = p.exploreBreakingSeals(100, 5, 2);
    SealBreak b = e.sealBreaks().get(0);
    Replay r = p.sealBreaker(1).replay(b.seed());
    assertEquals(b.violation(), r.violation().orElseThrow());
  }

  @Test
  void aSealHoldsPerKey() {
    Exploration e = Explore.of(PER_KEY).exploreBreakingSeals(300, 9, 2);
    assertTrue(e.sealViolations() > 0);
    for (SealBreak b : e.sealBreaks()) {
      assertTrue(b.violation().fact().startsWith("claims(\"alice\""), b.toString());
      assertEquals("closed(\"alice\")", b.violation().guard());
    }
    assertEquals(1, Explore.output(e, "account").finalOutcomes());
  }

  @Test
  void withoutTheSealTheSameRunsDisagree() {
    String unsealed = USERNAMES.replace("seal claims(_, _, _) by round_closed().\n", "");
    Exploration e = Explore.of(unsealed).explore(300, 5, 2);
    assertEquals(0, e.sealViolations());
    assertTrue(Explore.output(e, "account").differs());
  }
}

package calm.eval.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The explorer's witness for a snapshot read (§11): two schedules under which the value read differs. */
class SnapshotWitnessTest {
  /** A snapshot into a scratch that no output shows: only the snapshot's own witness can tell. */
  private static final String HIDDEN = """
      input score(p: string, s: int).
      table best(p: string => s: max<int>).
      scratch seen(p: string, s: int).
      table players(p: string).
      output table count_players(p: string).
      best(P, S) :- score(P, S).
      seen(P, S) :- best(P, S).
      players(P) :- seen(P, _).
      count_players(P) :- players(P).
      score("ann", 700).
      score("ann", 1500).
      """;

  private static final String THRESHOLD_ONLY = """
      input score(p: string, s: int).
      table best(p: string => s: max<int>).
      output table badge(p: string).
      best(P, S) :- score(P, S).
      badge(P) :- best(P, S), S >= 1000.
      score("ann", 700).
      score("ann", 1500).
      """;

  @Test
  void aSnapshotWhoseValueDependsOnTheScheduleGetsAShrunkWitness() {
    Exploration e = Explore.of(HIDDEN).explore(200, 1, 1);
    assertEquals(1, e.snapshots().size());
    SnapshotFinding s = e.snapshots().get(0);
    assertEquals("seen", s.relation());
    assertEquals(7, s.line());
    assertTrue(s.differs(), "seen(ann, 700) is read only when 700 arrives before 1500");
    Witness w = s.witness().orElseThrow();
    assertEquals("seen", w.relation());
    assertFalse(w.differences().isEmpty());
    assertTrue(w.differences().size() <= 2, w.differences().toString());
    List<OutputFact> only = new java.util.ArrayList<>(w.a().only());
    only.addAll(w.b().only());
    assertTrue(only.stream().anyMatch(f -> f.fact().equals("seen(\"ann\", 700)")), only.toString());
    // the outputs themselves never differ: the snapshot's witness is the only one
    assertTrue(e.outputs().stream().noneMatch(OutputFinding::differs));
  }

  @Test
  void theFindingDoesNotDependOnTheNumberOfThreads() {
    Explore p = Explore.of(HIDDEN);
    SnapshotFinding one = p.explore(300, 5, 1).snapshots().get(0);
    SnapshotFinding two = p.explore(300, 5, 2).snapshots().get(0);
    assertEquals(one, two);
  }

  @Test
  void aProgramWhoseLatticeReadsAreMonotoneHasNoSnapshotSection() {
    Exploration e = Explore.of(THRESHOLD_ONLY).explore(100, 1, 1);
    assertEquals(List.of(), e.snapshots());
  }
}

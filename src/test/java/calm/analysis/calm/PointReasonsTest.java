package calm.analysis.calm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.source.Span;
import calm.syntax.Atom;
import calm.syntax.Literal;
import calm.syntax.Name;
import calm.syntax.PositiveLiteral;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The compact per-kind reasons of a point, against the EnumMap of lists they replace. */
class PointReasonsTest {

  private static Literal literal(int column) {
    String name = "r" + column;
    Span at = Span.of(1, column, 1, column + name.length());
    return new PositiveLiteral(new Atom(at, new Name(name, at), List.of()));
  }

  @Test
  void behavesAsAnEnumMapOfLists() {
    PointReasons reasons = new PointReasons();
    Map<PointKind, List<Literal>> expected = new EnumMap<>(PointKind.class);
    assertTrue(reasons.isEmpty());
    // added out of the enum's order, one kind growing past two elements
    PointKind[] order = {
      PointKind.RACE, PointKind.NEGATION, PointKind.RACE, PointKind.SNAPSHOT, PointKind.RACE, PointKind.NEGATION
    };
    for (int i = 0; i < order.length; i++) {
      Literal literal = literal(i + 1);
      reasons.add(order[i], literal);
      expected.computeIfAbsent(order[i], k -> new ArrayList<>()).add(literal);
      assertEquals(expected, reasons);
      assertEquals(expected.size(), reasons.size());
    }
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(reasons.keySet()), "kinds in the enum's order");
    assertEquals(List.copyOf(expected.values()), List.copyOf(reasons.values()));
    assertEquals(List.copyOf(expected.entrySet()), List.copyOf(reasons.entrySet()));
    assertTrue(reasons.containsKey(PointKind.SNAPSHOT));
    assertFalse(reasons.containsKey(PointKind.DELETION));
    assertNull(reasons.get(PointKind.DELETION));
    assertEquals(List.of(), reasons.getOrDefault(PointKind.DELETION, List.of()));
    assertTrue(reasons.keySet().contains(PointKind.NEGATION));
    assertThrows(
        UnsupportedOperationException.class,
        () -> reasons.get(PointKind.RACE).add(literal(99)),
        "the lists handed out cannot be changed behind the map's back");
  }

  @Test
  void pointsShareTheirSetOfKinds() {
    Set<PointKind> kinds = new LinkedHashSet<>(List.of(PointKind.RACE, PointKind.NEGATION));
    CoordinationPoint first = point(kinds);
    CoordinationPoint second = point(EnumSet.of(PointKind.NEGATION, PointKind.RACE));
    assertSame(first.kinds(), second.kinds());
    assertEquals(List.of(PointKind.NEGATION, PointKind.RACE), List.copyOf(first.kinds()), "in the enum's order");
    assertEquals(Set.of(), point(Set.of()).kinds());
    assertThrows(UnsupportedOperationException.class, () -> first.kinds().add(PointKind.DELETION));
  }

  private static CoordinationPoint point(Set<PointKind> kinds) {
    return new CoordinationPoint(null, kinds, PointStatus.UNACKNOWLEDGED, List.of("a", "b"), new AsyncEdge("a", "b"));
  }
}

package calm.analysis.calm;

import calm.analysis.graph.Dependency;
import calm.analysis.graph.RelationIds;
import calm.analysis.graph.Stratification;
import calm.analysis.graph.Time;
import calm.syntax.Declaration;
import calm.syntax.RelationKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * What {@code calm graph} draws, independent of the drawing language: a node per relation with its
 * shape and the status of the points that write it, an edge per (rule, body relation) with Bud's label,
 * merged where several atoms draw the very same arrow, and the strata as groups.
 */
public record DataflowGraph(List<Node> nodes, List<Edge> edges, int strata, List<ConstraintNode> constraints) {

  public DataflowGraph(List<Node> nodes, List<Edge> edges, int strata) {
    this(nodes, edges, strata, List.of());
  }

  /**
   * A constraint (§12 Integrity constraints), drawn as a node that reads its relations.
   *
   * @param id a name for the drawing, unique in the program ({@code constraint_12})
   * @param label its name, or {@code :- (line 12)}
   * @param reads the relations its body reads, in body order, each once
   */
  public record ConstraintNode(String id, String label, ConstraintVerdict.Kind verdict, List<String> reads) {}

  /** How a relation is drawn: tables as boxes, views as rounded boxes, events as ovals. */
  public enum Shape {
    TABLE,
    VIEW,
    EVENT
  }

  /**
   * @param point the most serious status among the coordination points whose rule writes the relation
   */
  public record Node(
      String name, RelationKind kind, Shape shape, boolean output, int stratum, Optional<PointStatus> point,
      String detail) {

    public Node(
        String name, RelationKind kind, Shape shape, boolean output, int stratum, Optional<PointStatus> point) {
      this(name, kind, shape, output, stratum, point, "");
    }
  }

  /**
   * What a drawing shows under a relation's name, for the declarations of §11 Keyed tables, lattices and
   * extern tables only: {@code extern}, the key and the lattice types, as
   * {@code (player => score: max<int>)}; empty for any other relation.
   */
  static String detail(Declaration d) {
    if (!d.keyed() && !d.hasLatticeColumn() && !d.extern()) {
      return "";
    }
    StringBuilder s = new StringBuilder(d.extern() ? "extern " : "").append('(');
    for (int i = 0; i < d.arity(); i++) {
      if (i == d.keyColumns()) {
        s.append(i == 0 ? "=> " : " => ");
      } else if (i > 0) {
        s.append(", ");
      }
      calm.syntax.Column c = d.columns().get(i);
      s.append(c.name().text());
      if (c.lattice().isLattice()) {
        s.append(": ").append(c.typeText());
      }
    }
    return s.append(')').toString();
  }

  /**
   * @param point the status of the coordination point this edge is a reason of, if any
   * @param lines the source lines of the rules that draw this edge
   */
  public record Edge(
      String from,
      String to,
      EdgeLabel label,
      boolean async,
      boolean nonMonotone,
      Optional<PointStatus> point,
      List<Integer> lines) {}

  /**
   * Relations per part of the drawing made side by side: the 100,000-rule benchmark has 110,000
   * relations and 150,000 dependencies, whose nodes and arrows took a quarter of a second on one core
   * after the analysis ended.
   */
  static final int RELATIONS_PER_PART = 4096;

  public static DataflowGraph of(CalmAnalysis analysis, Stratification strata) {
    return of(analysis, strata, RELATIONS_PER_PART);
  }

  /** As {@link #of(CalmAnalysis, Stratification)}, in parts of {@code perPart} relations. */
  static DataflowGraph of(CalmAnalysis analysis, Stratification strata, int perPart) {
    Map<String, Optional<PointStatus>> pointAt = new LinkedHashMap<>();
    for (CoordinationPoint p : analysis.report().points()) {
      String head = p.rule().head().atom().relation().text();
      pointAt.merge(head, Optional.of(p.status()), (a, b) -> Optional.of(worse(a.get(), b.get())));
    }
    // the strata are worked out on first use: before the parts read them on several threads
    int strataCount = strata.strataCount();
    int relations = analysis.graph().ids().size();
    int parts = (relations + perPart - 1) / perPart;
    IntStream numbers = IntStream.range(0, parts);
    List<Part> made =
        (parts > 1 ? numbers.parallel() : numbers)
            .mapToObj(
                part ->
                    Part.of(
                        analysis,
                        strata,
                        pointAt,
                        part * perPart,
                        Math.min(relations, (part + 1) * perPart)))
            .toList();
    List<Node> nodes = new ArrayList<>(relations);
    List<Edge> drawn = new ArrayList<>();
    for (Part part : made) {
      nodes.addAll(part.nodes);
      drawn.addAll(part.edges);
    }
    List<ConstraintNode> constraints = new ArrayList<>();
    for (ConstraintVerdict c : analysis.report().constraints()) {
      java.util.Set<String> reads = new java.util.LinkedHashSet<>();
      for (calm.syntax.Literal l : c.constraint().body()) {
        if (l instanceof calm.syntax.PositiveLiteral p) {
          reads.add(p.atom().relation().text());
        } else if (l instanceof calm.syntax.NegatedLiteral n) {
          reads.add(n.atom().relation().text());
        }
      }
      constraints.add(
          new ConstraintNode(
              "constraint_" + c.constraint().line(),
              c.constraint().name().orElse(":- (line " + c.constraint().line() + ")"),
              c.verdict(),
              List.copyOf(reads)));
    }
    return new DataflowGraph(nodes, drawn, Math.max(strataCount, 1), constraints);
  }

  /** The nodes and arrows of the relations numbered {@code from} to {@code to}, in that order. */
  private record Part(List<Node> nodes, List<Edge> edges) {
    static Part of(
        CalmAnalysis analysis, Stratification strata, Map<String, Optional<PointStatus>> pointAt, int from, int to) {
      // the declarations by number (their order), which the analysis answers by number too
      RelationIds ids = analysis.graph().ids();
      java.util.Set<String> outputs = analysis.outputs();
      List<Node> nodes = new ArrayList<>(to - from);
      for (int r = from; r < to; r++) {
        Declaration d = ids.declaration(r);
        String name = d.name().text();
        Shape shape =
            analysis.isEvent(r) ? Shape.EVENT : d.kind() == RelationKind.TABLE ? Shape.TABLE : Shape.VIEW;
        nodes.add(
            new Node(
                name,
                d.kind(),
                shape,
                outputs.contains(name),
                strata.stratumOf(name),
                pointAt.getOrDefault(name, Optional.empty()),
                detail(d)));
      }
      // Every dependency of relation r leaves r, so the arrows that are the same drawing are found
      // among r's own, by a look along a short list, rather than hashed into maps over the whole
      // program (a program of 100,000 rules has 150,000 dependencies, most of them a relation's one or
      // two).
      List<Edge> drawn = new ArrayList<>();
      List<EdgeKey> keys = new ArrayList<>();
      List<Arrow> arrows = new ArrayList<>();
      Map<EdgeKey, Integer> many = new java.util.HashMap<>();
      for (int r = from; r < to; r++) {
        List<Dependency> outgoing = analysis.graph().outgoing(r);
        // a relation read by thousands of rules (a shared table) is looked up by hash instead
        boolean hashed = outgoing.size() > 16;
        for (Dependency d : outgoing) {
          Optional<PointStatus> point = analysis.pointOf(d).map(CoordinationPoint::status);
          EdgeLabel label = analysis.label(d);
          boolean async = d.time() == Time.ASYNC;
          boolean nonMonotone = analysis.isNonMonotone(d);
          EdgeKey key = new EdgeKey(d.from(), d.to(), label, async, nonMonotone, point.orElse(null));
          int same = hashed ? many.getOrDefault(key, -1) : keys.indexOf(key);
          if (same < 0) {
            same = keys.size();
            keys.add(key);
            if (hashed) {
              many.put(key, same);
            }
            arrows.add(new Arrow(new Edge(d.from(), d.to(), label, async, nonMonotone, point, List.of())));
          }
          arrows.get(same).add(d.rule().line());
        }
        for (Arrow arrow : arrows) {
          drawn.add(arrow.drawn());
        }
        keys.clear();
        arrows.clear();
        many.clear();
      }
      return new Part(nodes, drawn);
    }
  }

  /** The nodes grouped by stratum, lowest first, each group in node order: a drawing's clusters. */
  public List<List<Node>> nodesByStratum() {
    List<List<Node>> byStratum = new ArrayList<>();
    for (int i = 0; i < strata; i++) {
      byStratum.add(new ArrayList<>());
    }
    for (Node n : nodes) {
      byStratum.get(Math.min(n.stratum(), strata - 1)).add(n);
    }
    return byStratum;
  }

  /** What makes two arrows the same drawing. */
  private record EdgeKey(
      String from, String to, EdgeLabel label, boolean async, boolean nonMonotone, PointStatus point) {
    // written out rather than the record's own, which go through method handles that the C1 compiler
    // a check runs with calls slowly (a third of the drawing's set-up on 150,000 dependencies)
    @Override
    public boolean equals(Object other) {
      return other instanceof EdgeKey k
          && from.equals(k.from)
          && to.equals(k.to)
          && label == k.label
          && async == k.async
          && nonMonotone == k.nonMonotone
          && point == k.point;
    }

    @Override
    public int hashCode() {
      return ((from.hashCode() * 31 + to.hashCode()) * 31 + Objects.hashCode(label)) * 8
          + (async ? 4 : 0) + (nonMonotone ? 2 : 0) + (point == null ? 0 : 1 + point.ordinal() * 16);
    }
  }

  /** One arrow of the drawing while its relation's dependencies are read: its first edge, its rules' lines. */
  private static final class Arrow {
    private final Edge first;
    private int[] lines = new int[4];
    private int count;

    Arrow(Edge first) {
      this.first = first;
    }

    void add(int line) {
      if (count == lines.length) {
        lines = java.util.Arrays.copyOf(lines, count * 2);
      }
      lines[count++] = line;
    }

    /** The edge with its lines, in order, each once. */
    Edge drawn() {
      int[] sorted = java.util.Arrays.copyOf(lines, count);
      java.util.Arrays.sort(sorted);
      List<Integer> distinct = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        if (i == 0 || sorted[i] != sorted[i - 1]) {
          distinct.add(sorted[i]);
        }
      }
      return new Edge(
          first.from(), first.to(), first.label(), first.async(), first.nonMonotone(), first.point(),
          List.copyOf(distinct));
    }
  }

  private static PointStatus worse(PointStatus a, PointStatus b) {
    return rank(a) >= rank(b) ? a : b;
  }

  private static int rank(PointStatus s) {
    return switch (s) {
      case SEALED -> 0;
      case ACKNOWLEDGED -> 1;
      case UNACKNOWLEDGED -> 2;
    };
  }
}

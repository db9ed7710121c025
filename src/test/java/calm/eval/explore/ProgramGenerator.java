package calm.eval.explore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random well-formed programs for the CALM cross-check: inputs, channels, joins, negation,
 * aggregation, {@code @next}, deletion and seals over two-column int relations. Rules only read
 * relations made before their head (plus a deletion's own table), so every program stratifies.
 */
final class ProgramGenerator {
  private final Random random;
  private final StringBuilder decls = new StringBuilder();
  private final StringBuilder facts = new StringBuilder();
  private final StringBuilder rules = new StringBuilder();
  private final List<String> sources = new ArrayList<>();
  private final List<String> tables = new ArrayList<>();
  private final Set<String> sealedTables = new HashSet<>();
  private final Map<String, Set<String>> arrivals = new HashMap<>();
  private int channels;
  private boolean guard;

  private final boolean twoNodes;

  /** With {@code twoNodes}, channels send to {@code local} or {@code peer}: run it with {@link #scenario}. */
  ProgramGenerator(long seed, boolean twoNodes) {
    this.random = new Random(seed);
    this.twoNodes = twoNodes;
  }

  /** The run configuration the program is written for: every fact and input event on every node. */
  String scenario() {
    return twoNodes ? "node local peer\n" : "node local\n";
  }

  String generate() {
    decls.append("input in1(k: int, v: int).\ninput in2(k: int, v: int).\n");
    sources.add("in1");
    sources.add("in2");
    arrivals.put("in1", Set.of("in1"));
    arrivals.put("in2", Set.of("in2"));
    for (String in : List.of("in1", "in2")) {
      int n = 2 + random.nextInt(3);
      for (int i = 0; i < n; i++) {
        facts.append(in).append('(').append(1 + random.nextInt(2)).append(", ").append(1 + random.nextInt(3))
            .append(").\n");
      }
    }
    int derived = 3 + random.nextInt(5);
    for (int i = 0; i < derived; i++) {
      String name = "d" + i;
      boolean table = random.nextInt(10) < 6;
      boolean output = i >= derived - 2;
      decls.append(output ? "output " : "").append(table ? "table " : "scratch ").append(name)
          .append("(k: int, v: int).\n");
      int ruleCount = 1 + random.nextInt(2);
      for (int r = 0; r < ruleCount; r++) {
        rule(name, table);
      }
      if (table && random.nextInt(6) == 0) {
        rules.append("delete ").append(name).append("(K, V) :- ").append(name).append("(K, V), ")
            .append(pick()).append("(K, _).\n");
      }
      sources.add(name);
      if (table) {
        tables.add(name);
      }
    }
    return decls + "\n" + facts + "\n" + rules;
  }

  private String pick() {
    return sources.get(random.nextInt(sources.size()));
  }

  private void rule(String head, boolean table) {
    String s = pick();
    String t = partner(s);
    switch (random.nextInt(table ? 9 : 8)) {
      case 0 -> {
        rules.append(head).append("(K, V) :- ").append(s).append("(K, V).\n");
        reads(head, table, s);
      }
      case 1 -> {
        String ch = "ch" + channels++;
        decls.append("channel ").append(ch).append("(@to: string, k: int, v: int).\n");
        arrivals.put(ch, Set.of(ch));
        String to = twoNodes && random.nextBoolean() ? "peer" : "local";
        rules.append(ch).append("(\"").append(to).append("\", K, V)@async :- ").append(s).append("(K, V).\n");
        rules.append(head).append("(K, V) :- ").append(ch).append("(_, K, V).\n");
        reads(head, table, ch);
      }
      case 2 -> {
        rules.append(head).append("(K, V) :- ").append(s).append("(K, V), ").append(t).append("(K, _).\n");
        reads(head, table, s, t);
      }
      case 3 -> {
        rules.append(head).append("(K, V) :- ").append(s).append("(K, V), not ").append(t).append("(K, _).\n");
        reads(head, table, s, t);
      }
      case 4 -> {
        String agg = List.of("count", "sum", "min", "max").get(random.nextInt(4));
        rules.append(head).append("(K, ").append(agg).append("(V)) :- ").append(s).append("(K, V)")
            .append(agg.equals("sum") && random.nextBoolean() ? ", V >= 0" : "").append(".\n");
        reads(head, table, s);
      }
      case 5 -> {
        rules.append(head).append("(K, W) :- ").append(s).append("(K, V), W = V + 1, V < 3.\n");
        reads(head, table, s);
      }
      case 6 -> sealed(head, table);
      case 7 -> {
        rules.append(head).append("(K, V) :- ").append(s).append("(K, V), ").append(t).append("(V, _).\n");
        reads(head, table, s, t);
      }
      default -> {
        rules.append(head).append("(K, V)@next :- ").append(s).append("(K, V).\n");
        reads(head, table, s);
      }
    }
  }

  /**
   * A relation to join with {@code s}. Not an event derived from the same arrivals as {@code s}:
   * the spec (§8) says such events do not race, which the analysis follows although it only holds
   * when the join ties both to one fact. A self-join of an input itself is allowed: the analysis
   * counts it as a race of two arrivals (see {@code CalmCrossCheckTest#aSelfJoinOfOneEventRelation}).
   */
  private String partner(String s) {
    for (int attempt = 0; attempt < 20; attempt++) {
      String t = pick();
      if (!sharesArrivals(s, t) || (s.equals(t) && isSource(s))) {
        return t;
      }
    }
    return tables.isEmpty() ? "in1".equals(s) ? "in2" : "in1" : tables.get(0);
  }

  private boolean isSource(String relation) {
    return Set.of(relation).equals(arrivals.get(relation));
  }

  private boolean sharesArrivals(String s, String t) {
    Set<String> a = arrivals.getOrDefault(s, Set.of());
    Set<String> b = arrivals.getOrDefault(t, Set.of());
    return a.stream().anyMatch(b::contains);
  }

  /** A scratch head that reads event relations is itself an event, fed by their arrivals. */
  private void reads(String head, boolean table, String... body) {
    if (table) {
      return;
    }
    Set<String> fed = new HashSet<>(arrivals.getOrDefault(head, Set.of()));
    for (String b : body) {
      fed.addAll(arrivals.getOrDefault(b, Set.of()));
    }
    if (!fed.isEmpty()) {
      arrivals.put(head, Set.copyOf(fed));
    }
  }

  /** A per-key seal on an earlier table, and a non-monotone use of it under the guard. */
  private void sealed(String head, boolean table) {
    if (tables.isEmpty()) {
      String s = pick();
      rules.append(head).append("(K, V) :- ").append(s).append("(K, V).\n");
      reads(head, table, s);
      return;
    }
    if (!guard) {
      guard = true;
      arrivals.put("fin", Set.of("fin"));
      decls.append("input fin(k: int).\ntable closed(k: int).\n");
      facts.append("fin(1).\nfin(2).\n");
      rules.append("closed(K) :- fin(K).\n");
    }
    String sealedTable = tables.get(random.nextInt(tables.size()));
    if (sealedTables.add(sealedTable)) {
      rules.append("seal ").append(sealedTable).append("(K, _) by closed(K).\n");
    }
    if (random.nextBoolean()) {
      String agg = List.of("count", "min", "max").get(random.nextInt(3));
      rules.append(head).append("(K, ").append(agg).append("(V)) :- ").append(sealedTable)
          .append("(K, V), closed(K).\n");
    } else {
      String s = pick();
      rules.append(head).append("(K, V) :- closed(K), ").append(s).append("(K, V), not ")
          .append(sealedTable).append("(K, V).\n");
      reads(head, table, s);
    }
  }
}

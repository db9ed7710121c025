package calm.eval.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random well-formed programs for the CALM cross-check, using every construct of §4–§8: inputs and
 * their facts, channels, scratch copies, filters and projections (that keep or drop what they test),
 * joins and self-joins, tables, negation, aggregates, threshold tests (monotone arithmetic, fixed and
 * growing panels, wrong directions, equality), seals with guards (on tables and on events, guards
 * that are tables or events), {@code @next} and {@code delete}.
 *
 * <p>Rules only read relations made before their head (plus a deletion's or an {@code @next} rule's own
 * table), so every program stratifies; every relation has the columns {@code (k: int, v: int)} except
 * channels, the guard and the panel. Values stay small (keys 1-2, values 1-3) so that joins meet.
 */
final class ProgramGenerator {
  private final Random random;
  private final boolean twoNodes;
  private final StringBuilder decls = new StringBuilder();
  private final StringBuilder facts = new StringBuilder();
  private final StringBuilder rules = new StringBuilder();
  /** Relations of (k, v) a rule may read. */
  private final List<String> readable = new ArrayList<>();
  private final List<String> tables = new ArrayList<>();
  /** Relations of (k, n) computed by an aggregate, for threshold tests. */
  private final List<String> aggregates = new ArrayList<>();
  private final List<String> outputs = new ArrayList<>();
  private int channels;
  private int helpers;
  private boolean guard;
  private boolean panel;

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
    int inputs = 1 + random.nextInt(2);
    for (int i = 1; i <= inputs; i++) {
      String in = "in" + i;
      decls.append("input ").append(in).append("(k: int, v: int).\n");
      readable.add(in);
      int n = 2 + random.nextInt(3);
      for (int f = 0; f < n; f++) {
        facts.append(in).append('(').append(1 + random.nextInt(2)).append(", ").append(1 + random.nextInt(3))
            .append(").\n");
      }
    }
    if (random.nextInt(4) == 0) {
      decls.append("table base(k: int, v: int).\n");
      facts.append("base(1, 2).\nbase(2, 3).\n");
      readable.add("base");
      tables.add("base");
    }
    int derived = 3 + random.nextInt(5);
    for (int i = 0; i < derived; i++) {
      String name = "d" + i;
      boolean table = random.nextInt(10) < 5;
      boolean output = i >= derived - 2 || random.nextInt(5) == 0;
      if (output) {
        outputs.add(name);
      }
      decls.append(output ? "output " : "").append(table ? "table " : "scratch ").append(name)
          .append("(k: int, v: int).\n");
      int ruleCount = random.nextInt(4) == 0 ? 2 : 1;
      for (int r = 0; r < ruleCount; r++) {
        rule(name, table);
      }
      if (table && random.nextInt(6) == 0) {
        rules.append("delete ").append(name).append("(K, V) :- ").append(name).append("(K, V), ")
            .append(pick()).append("(K, _).\n");
      }
      if (table && random.nextInt(8) == 0) {
        rules.append(name).append("(K, W)@next :- ").append(name).append("(K, V), W = V + 1, V < 3.\n");
      }
      readable.add(name);
      if (table) {
        tables.add(name);
      }
    }
    return decls + "\n" + facts + "\n" + rules;
  }

  private String pick() {
    return readable.get(random.nextInt(readable.size()));
  }

  /** A relation to join with {@code s}: often {@code s} itself or a relation derived from it. */
  private String partner(String s) {
    return random.nextInt(4) == 0 ? s : pick();
  }

  private void rule(String head, boolean table) {
    String s = pick();
    String t = partner(s);
    String h = head;
    switch (random.nextInt(16)) {
      case 0 -> line(h + "(K, V) :- " + s + "(K, V).");
      case 1 -> {
        String ch = "ch" + channels++;
        decls.append("channel ").append(ch).append("(@to: string, k: int, v: int).\n");
        String to = twoNodes && random.nextBoolean() ? "peer" : "local";
        line(ch + "(\"" + to + "\", K, V)@async :- " + s + "(K, V).");
        line(h + "(K, V) :- " + ch + "(_, K, V).");
      }
      case 2 -> line(h + "(K, V) :- " + s + "(K, V), " + t + "(K, _).");
      case 3 -> line(h + "(K, V) :- " + s + "(K, V), " + t + "(K, V).");
      case 4 -> line(h + "(K, V) :- " + s + "(K, V), " + t + "(V, _).");
      case 5 -> line(h + "(K, V) :- " + s + "(K, V), not " + t + "(K, _).");
      case 6 -> {
        String agg = List.of("count", "sum", "min", "max").get(random.nextInt(4));
        line(h + "(K, " + agg + "(V)) :- " + s + "(K, V)"
            + (agg.equals("sum") && random.nextBoolean() ? ", V >= 0" : "") + ".");
      }
      case 7 -> line(h + "(K, W) :- " + s + "(K, V), W = V + 1, V < 3.");
      case 8 -> line(h + "(K, 0) :- " + s + "(K, V), V > 1."); // filters on a column it drops
      case 9 -> line(h + "(K, K) :- " + s + "(K, _).");
      case 10 -> line(h + "(K, V) :- " + s + "(K, V), V > 1.");
      case 11 -> threshold(h);
      case 12, 13 -> sealed(h);
      case 14 -> {
        if (table) {
          line(h + "(K, V)@next :- " + s + "(K, V).");
        } else {
          line(h + "(V, K) :- " + s + "(K, V).");
        }
      }
      default -> {
        // a scratch copy of an event, joined back with it (the shape of §8's same-source rule)
        String copy = helper("scratch");
        String filter = List.of("", ", V > 1", ", V < 3").get(random.nextInt(3));
        line(copy + "(K, " + (random.nextBoolean() ? "V" : "0") + ") :- " + s + "(K, V)" + filter + ".");
        line(h + "(K, V) :- " + s + "(K, V), " + copy + "(K, " + (random.nextBoolean() ? "V" : "_") + ").");
      }
    }
  }

  private String helper(String kind) {
    String name = "x" + helpers++;
    decls.append(kind).append(' ').append(name).append("(k: int, v: int).\n");
    return name;
  }

  private void line(String rule) {
    rules.append(rule).append('\n');
  }

  /** An aggregate over an earlier relation, and a threshold test on it. */
  private void threshold(String head) {
    String agg;
    if (aggregates.isEmpty() || random.nextBoolean()) {
      agg = helper(random.nextBoolean() ? "scratch" : "table");
      String function = List.of("count", "max", "min", "sum").get(random.nextInt(4));
      line(agg + "(K, " + function + "(V)) :- " + pick() + "(K, V)"
          + (function.equals("sum") && random.nextBoolean() ? ", V >= 0" : "") + ".");
      aggregates.add(agg);
    } else {
      agg = aggregates.get(random.nextInt(aggregates.size()));
    }
    String test =
        switch (random.nextInt(9)) {
          case 0 -> "N >= 2";
          case 1 -> "1 < N";
          case 2 -> "N + 1 > 3";
          case 3 -> "N - 1 >= 1";
          case 4 -> "N <= 1";
          case 5 -> "N = 2";
          default -> {
            panel();
            yield random.nextBoolean() ? "N * 2 > T" : "N >= T";
          }
        };
    line(head + "(K, 1) :- " + agg + "(K, N)" + (test.contains("T") ? ", panel(T)" : "") + ", " + test + ".");
  }

  /** A panel of members and its size; sometimes the panel grows at run time, so its size is not fixed. */
  private void panel() {
    if (panel) {
      return;
    }
    panel = true;
    decls.append("table member(v: int).\nscratch panel(n: int).\n");
    facts.append("member(1).\nmember(2).\nmember(3).\n");
    line("panel(count(M)) :- member(M).");
    if (random.nextInt(3) == 0) {
      line("member(V) :- " + readable.get(0) + "(_, V).");
    }
  }

  /** A seal on an earlier table or event, and a non-monotone use of it under the guard. */
  private void sealed(String head) {
    if (!guard) {
      guard = true;
      decls.append("input fin(k: int).\ntable closed(k: int).\n");
      facts.append("fin(1).\nfin(2).\n");
      line("closed(K) :- fin(K).");
    }
    String sealedRelation = random.nextInt(4) == 0 || tables.isEmpty() ? pick() : tables.get(random.nextInt(tables.size()));
    boolean eventGuard = random.nextInt(3) == 0;
    String guardAtom = eventGuard ? "fin(K)" : "closed(K)";
    line("seal " + sealedRelation + "(K, _) by " + guardAtom + ".");
    switch (random.nextInt(3)) {
      case 0 -> {
        String agg = List.of("count", "min", "max").get(random.nextInt(3));
        line(head + "(K, " + agg + "(V)) :- " + sealedRelation + "(K, V), " + guardAtom + ".");
      }
      case 1 -> line(head + "(K, V) :- " + guardAtom + ", " + pick() + "(K, V), not " + sealedRelation + "(K, V).");
      default -> line(head + "(K, V) :- " + guardAtom + ", " + sealedRelation + "(K, V).");
    }
  }
}

package calm.eval.explore;

import calm.eval.CompiledProgram;
import calm.eval.Envelope;
import calm.syntax.Literal;
import calm.syntax.NegatedLiteral;
import calm.syntax.PositiveLiteral;
import calm.syntax.Rule;
import calm.syntax.Seal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which envelopes a schedule holds back so that a seal's promise is kept (§5 Annotations and seals): a seal is an
 * assumption about the environment — nothing for a sealed key arrives after its guard — and a
 * schedule that breaks it explores a world the program said does not exist. For each seal, the
 * <em>feeders</em> are the event relations (inputs, channels) from which a rule path leads to the
 * sealed relation, and the <em>triggers</em> those from which one leads to the guard but none to the
 * sealed relation. A trigger envelope waits while any feeder envelope of the same seal is still on its
 * way, anywhere in the run. This is per relation, not per key: a guard for one key also waits for
 * another key's facts, which costs some orders but never a deadlock (feeders are never held).
 */
final class SealOrder {
  static final SealOrder NONE = new SealOrder(List.of(), List.of());

  private final List<BitSet> feeders;
  private final List<BitSet> triggers;

  private SealOrder(List<BitSet> feeders, List<BitSet> triggers) {
    this.feeders = feeders;
    this.triggers = triggers;
  }

  static SealOrder of(CompiledProgram program) {
    if (program.source().seals().isEmpty()) {
      return NONE; // the map of what each rule reads would cost a pass over every rule (a large program's)
    }
    Map<String, Set<String>> readBy = new HashMap<>(); // head relation -> relations its rules read
    for (Rule rule : program.source().rules()) {
      if (rule.head() == null) {
        continue; // a constraint derives nothing
      }
      Set<String> reads = readBy.computeIfAbsent(rule.head().atom().relation().text(), h -> new HashSet<>());
      for (Literal l : rule.body()) {
        if (l instanceof PositiveLiteral p) {
          reads.add(p.atom().relation().text());
        } else if (l instanceof NegatedLiteral n) {
          reads.add(n.atom().relation().text());
        }
      }
    }
    List<BitSet> feeders = new ArrayList<>();
    List<BitSet> triggers = new ArrayList<>();
    for (Seal seal : program.source().seals()) {
      BitSet feeds = events(program, upstream(readBy, seal.sealed().relation().text()));
      BitSet guards = events(program, upstream(readBy, seal.guard().relation().text()));
      guards.andNot(feeds);
      if (!feeds.isEmpty() && !guards.isEmpty()) {
        feeders.add(feeds);
        triggers.add(guards);
      }
    }
    return new SealOrder(List.copyOf(feeders), List.copyOf(triggers));
  }

  boolean isEmpty() {
    return feeders.isEmpty();
  }

  int seals() {
    return feeders.size();
  }

  boolean feeds(int seal, Envelope e) {
    return feeders.get(seal).get(e.relation().id());
  }

  boolean triggers(int seal, Envelope e) {
    return triggers.get(seal).get(e.relation().id());
  }

  private static Set<String> upstream(Map<String, Set<String>> readBy, String target) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(target));
    while (!todo.isEmpty()) {
      String r = todo.pop();
      if (seen.add(r)) {
        todo.addAll(readBy.getOrDefault(r, Set.of()));
      }
    }
    return seen;
  }

  private static BitSet events(CompiledProgram program, Set<String> names) {
    BitSet ids = new BitSet();
    for (String name : names) {
      program.lookup(name).filter(r -> r.kind().isSourceOfAsynchrony()).ifPresent(r -> ids.set(r.id()));
    }
    return ids;
  }
}

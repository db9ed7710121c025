package calm.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run configuration of §7 Runs and nodes: which nodes exist, where the program's facts start, which extra
 * facts start on which node, and which input events arrive where and when. Built by {@link ScenarioParser}
 * from a scenario file, or {@link #standalone()} when there is none.
 */
public final class Scenario {
  /** An input event's tick when the schedule may choose it: tick 1 in {@code calm run}. */
  public static final int ANY_TICK = 0;

  /** An extra initial fact on one node. */
  public record NodeFact(String node, GroundFact fact) {}

  /** An input event: {@code fact} arrives at {@code node} at {@code tick} (or {@link #ANY_TICK}). */
  public record InputEvent(String node, GroundFact fact, int tick) {}

  private final List<String> nodes = new ArrayList<>();
  private final Map<String, List<String>> placement = new LinkedHashMap<>();
  private final List<NodeFact> facts = new ArrayList<>();
  private final List<InputEvent> inputs = new ArrayList<>();

  /** One node, {@code "local"}, holding every fact. */
  public static Scenario standalone() {
    Scenario s = new Scenario();
    s.nodes.add("local");
    return s;
  }

  public static Scenario empty() {
    return new Scenario();
  }

  public List<String> nodes() {
    return nodes;
  }

  /** The nodes where the program's (and --facts) facts of {@code relation} start: default every node. */
  public List<String> placementOf(String relation) {
    return placement.getOrDefault(relation, nodes);
  }

  public Map<String, List<String>> placement() {
    return placement;
  }

  public List<NodeFact> facts() {
    return facts;
  }

  public List<InputEvent> inputs() {
    return inputs;
  }

  public Scenario addNode(String node) {
    if (!nodes.contains(node)) {
      nodes.add(node);
    }
    return this;
  }

  public Scenario place(String relation, List<String> onNodes) {
    placement.computeIfAbsent(relation, r -> new ArrayList<>()).addAll(onNodes);
    return this;
  }

  public Scenario addFact(String node, GroundFact fact) {
    facts.add(new NodeFact(node, fact));
    return this;
  }

  public Scenario addInput(String node, GroundFact fact, int tick) {
    inputs.add(new InputEvent(node, fact, tick));
    return this;
  }
}

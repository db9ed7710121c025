package calm.eval.explore;

/** A fact of an output relation at one node, as a program would write it. */
public record OutputFact(String node, String fact) implements Comparable<OutputFact> {
  @Override
  public int compareTo(OutputFact o) {
    int c = fact.compareTo(o.fact);
    return c != 0 ? c : node.compareTo(o.node);
  }

  @Override
  public String toString() {
    return node + ": " + fact;
  }
}

package calm.analysis.graph;

/**
 * Names to numbers, in open addressing over flat arrays: a look-up reads the name's cached hash,
 * then the arrays, which for some thousands of relations stay in the processor's cache. A
 * {@code HashMap<String, Integer>} reads a node and a boxed number besides, each somewhere else in a
 * heap of hundreds of megabytes: the analyses of a 100,000-rule program look names up hundreds of
 * thousands of times, and {@link RelationIds}' look-up was the largest frame of the check's own code
 * in a profile (JFR).
 * Names are the parser's canonical strings, so a look-up usually matches by reference.
 */
final class NameNumbers {
  static final int ABSENT = -1;

  private final String[] names;
  /** Each slot's name's hash code, so that a probe past another name does not read that name. */
  private final int[] hashes;
  private final int[] numbers;
  private final int mask;
  private final int shift;

  /** Each name numbered by its place; a name given twice keeps its last place, as a map's put would. */
  NameNumbers(String[] byNumber) {
    int capacity = Integer.highestOneBit(Math.max(2, byNumber.length * 2 + 1)) << 1;
    names = new String[capacity];
    hashes = new int[capacity];
    numbers = new int[capacity];
    mask = capacity - 1;
    shift = Integer.numberOfLeadingZeros(capacity) + 1;
    for (int number = 0; number < byNumber.length; number++) {
      int slot = slot(byNumber[number]);
      names[slot] = byNumber[number];
      hashes[slot] = byNumber[number].hashCode();
      numbers[slot] = number;
    }
  }

  /** The number of {@code name}, or {@link #ABSENT}. */
  int number(String name) {
    int slot = slot(name);
    return names[slot] == null ? ABSENT : numbers[slot];
  }

  /** Where {@code name} is, or the empty slot where it would go. */
  private int slot(String name) {
    // Fibonacci hashing: names that differ in their last characters (r1, r2, ...) have neighbouring
    // hash codes, which as slots would run together into long probes (5.9 on average for the 110,000
    // names of gen-calm-rules 100000, against 1.3 scattered by the golden ratio)
    int hash = name.hashCode();
    int slot = (hash * 0x9E3779B9) >>> shift;
    while (true) {
      String there = names[slot];
      if (there == null || there == name || (hashes[slot] == hash && there.equals(name))) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
  }
}

package calm.eval;

/** The mutable state of one rule evaluation: registers, the node's stores, the delta range. */
final class Frame {
  final long[] registers;
  final NodeState node;
  int deltaFrom;
  int deltaTo;

  Frame(int registerCount, NodeState node) {
    this.registers = new long[Math.max(registerCount, 1)];
    this.node = node;
  }
}

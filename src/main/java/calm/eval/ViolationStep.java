package calm.eval;

/** The end of a constraint's body: counts the solutions and keeps the registers of the first. */
final class ViolationStep extends Step {
  final long[] first;
  int count;

  ViolationStep(int registers) {
    this.first = new long[registers];
  }

  @Override
  void run(Frame frame) {
    if (count++ == 0) {
      System.arraycopy(frame.registers, 0, first, 0, first.length);
    }
  }
}

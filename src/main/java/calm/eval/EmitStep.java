package calm.eval;

import calm.syntax.HeadForm;

/** The end of a body: computes the head's tuple and hands it to the node with the head's time. */
final class EmitStep extends Step {
  private final HeadForm form;
  private final int relation;
  private final Expression[] head;
  private final long[] tuple;
  /**
   * For a plain two-column head, a clustered index of the head's store with per-key sets (or the
   * store's own rows of bits, {@link ClusteredIndex.Family#holdsPair}): a derived fact already held is
   * dropped here, next to its neighbours, rather than sent through the node's
   * buffers to a probe of the whole relation's set (most derivations of a recursive rule are known).
   */
  private ClusteredIndex.Family known;

  int relation() {
    return relation;
  }

  void dropKnownBy(ClusteredIndex.Family family) {
    this.known = family;
  }

  EmitStep(HeadForm form, int relation, Expression[] head) {
    this.form = form;
    this.relation = relation;
    this.head = head;
    this.tuple = new long[head.length];
  }

  @Override
  void run(Frame frame) {
    for (int i = 0; i < head.length; i++) {
      tuple[i] = head[i].eval(frame.registers);
    }
    if (known != null && known.holdsPair(frame.node.stores[relation], tuple)) {
      return;
    }
    frame.node.emit(form, relation, tuple);
  }
}

package calm.eval;

import calm.syntax.HeadForm;

/** The end of a body: computes the head's tuple and hands it to the node with the head's time. */
final class EmitStep extends Step {
  private final HeadForm form;
  private final int relation;
  private final Expression[] head;
  private final long[] tuple;

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
    frame.node.emit(form, relation, tuple);
  }
}

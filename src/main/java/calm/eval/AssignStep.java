package calm.eval;

/** {@code X = E} with X not yet bound: binds X to E's value. */
final class AssignStep extends Step {
  private final int register;
  private final Expression value;

  AssignStep(int register, Expression value) {
    this.register = register;
    this.value = value;
  }

  @Override
  void run(Frame frame) {
    frame.registers[register] = value.eval(frame.registers);
    next.run(frame);
  }
}

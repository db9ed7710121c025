package calm.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The node states of one thread's runs of one program in one world, kept between runs so that each
 * run empties them instead of allocating every store anew (see {@link NodeState#reset}). A state is
 * handed out again only after {@link #runEnded} says the run that used it ended normally.
 */
public final class NodeStates {
  private final List<NodeState> states = new ArrayList<>();
  private boolean reusable;

  NodeState take(int index, String name, CompiledProgram program, FactBudget budget) {
    if (index == 0) {
      if (!reusable) {
        states.clear();
      }
      reusable = false; // until this run ends normally
    }
    if (index < states.size()) {
      NodeState state = states.get(index);
      if (state.program != program || !state.name.equals(name)) {
        throw new IllegalArgumentException("node states of another program or world");
      }
      state.reset(budget);
      return state;
    }
    NodeState state = new NodeState(name, program, budget);
    states.add(state);
    return state;
  }

  /** The run on these states is over: normally (they may be emptied and used again) or not. */
  public void runEnded(boolean normally) {
    reusable = normally;
  }
}

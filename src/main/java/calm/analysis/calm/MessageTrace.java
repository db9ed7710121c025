package calm.analysis.calm;

/**
 * How an event relation's facts carry the message of its source (§8 The CALM analysis, race rule): for each
 * of the relation's columns, the source column whose value it holds (or -1), and for each source column
 * whether some rule on the way constrained it. A relation that cannot be traced to one message (a scratch
 * derived by several rules, from two events, or one that filters on a column it drops) has a {@code failure}
 * saying why.
 *
 * @param source the input or channel the relation's facts come from
 * @param carried per column of the relation, the source column it holds, or -1
 * @param constrained per source column, whether a rule on the way tests it
 * @param failure why a fact need not come from the message the other atom matches; null when traced
 */
record MessageTrace(String source, int[] carried, boolean[] constrained, String failure) {

  static MessageTrace ofSource(String source, int arity) {
    int[] carried = new int[arity];
    for (int i = 0; i < arity; i++) {
      carried[i] = i;
    }
    return new MessageTrace(source, carried, new boolean[arity], null);
  }

  static MessageTrace failed(String source, String why) {
    return new MessageTrace(source, new int[0], new boolean[0], why);
  }

  boolean traced() {
    return failure == null;
  }
}

package calm.eval;

/**
 * The rows of a relation's delta (the rows of the current round) whose indexed columns equal values
 * already bound, read from a {@link ClusteredIndex} of the delta alone: how a semi-naive variant reads
 * its delta when it starts from a smaller relation instead (see {@link RulePlan#execute}).
 */
final class DeltaLookupStep extends ClusteredLookupStep {
  DeltaLookupStep(int relation, ClusteredIndex.Family family, Expression[] key, int[] kinds, long[] args) {
    super(relation, family, key, kinds, args);
  }

  @Override
  ClusteredIndex index(Frame frame) {
    return family.ofDelta(frame.node.stores[relation], frame.deltaFrom, frame.deltaTo);
  }
}

package calm.eval;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * What a run still has on its way, in sequence order, in one array: read-only as a {@link java.util.List}
 * (what the delivery policy and callers see), appended to and thinned out by the run alone. Every tick
 * of an explored run drops the envelopes it delivered, so the thinning is one pass over an array
 * rather than list operations with their checks.
 */
final class PendingEnvelopes extends AbstractList<Envelope> implements RandomAccess {
  private Envelope[] envelopes = new Envelope[16];
  private int size;

  @Override
  public Envelope get(int index) {
    if (index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return envelopes[index];
  }

  @Override
  public int size() {
    return size;
  }

  void append(Envelope e) {
    if (size == envelopes.length) {
      envelopes = Arrays.copyOf(envelopes, size * 2);
    }
    envelopes[size++] = e;
  }

  /**
   * Drops the envelopes whose sequence numbers are among {@code gone[0..count)} (sorted): both are in
   * sequence order, so one merging pass from the first of them to the last keeps the rest in order,
   * and what follows the last moves down in one copy.
   */
  void removeSequences(long[] gone, int count) {
    Envelope[] all = envelopes;
    int kept = firstAtLeast(gone[0]);
    int g = 0;
    int i = kept;
    for (; i < size && g < count; i++) {
      Envelope e = all[i];
      long s = e.sequence();
      while (g < count && gone[g] < s) {
        g++;
      }
      if (g < count && gone[g] == s) {
        continue;
      }
      all[kept++] = e;
    }
    int rest = size - i;
    System.arraycopy(all, i, all, kept, rest);
    kept += rest;
    Arrays.fill(all, kept, size, null);
    size = kept;
  }

  /** The position of the first envelope whose sequence number is at least {@code sequence}. */
  private int firstAtLeast(long sequence) {
    int low = 0;
    int high = size;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (envelopes[mid].sequence() < sequence) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}

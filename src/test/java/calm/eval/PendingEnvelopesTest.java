package calm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PendingEnvelopesTest {
  private static PendingEnvelopes numbered(int count) {
    PendingEnvelopes pending = new PendingEnvelopes();
    for (int i = 0; i < count; i++) {
      pending.append(new Envelope(i, true, "local", null, new long[0], 0, 0, null));
    }
    return pending;
  }

  private static List<Long> sequences(PendingEnvelopes pending) {
    return pending.stream().map(Envelope::sequence).toList();
  }

  @Test
  void removesTheGivenSequencesAndKeepsTheRestInOrder() {
    PendingEnvelopes pending = numbered(40); // past the first array's 16
    pending.removeSequences(new long[] {2, 3, 3, 7, 39, 41}, 6); // 3 twice, 41 never pending
    List<Long> expected = LongStream.range(0, 40).filter(s -> s != 2 && s != 3 && s != 7 && s != 39).boxed().toList();
    assertEquals(expected, sequences(pending));
    pending.removeSequences(new long[] {0}, 1);
    assertEquals(expected.subList(1, expected.size()), sequences(pending));
    pending.removeSequences(new long[] {100}, 1);
    assertEquals(expected.subList(1, expected.size()), sequences(pending));
  }

  @Test
  void usesOnlyTheFirstCountSequences() {
    PendingEnvelopes pending = numbered(5);
    pending.removeSequences(new long[] {1, 2, 3}, 1);
    assertEquals(List.of(0L, 2L, 3L, 4L), sequences(pending));
  }

  @Test
  void removingEverythingLeavesItEmptyAndAppendableAgain() {
    PendingEnvelopes pending = numbered(3);
    pending.removeSequences(new long[] {0, 1, 2}, 3);
    assertEquals(0, pending.size());
    pending.append(new Envelope(3, false, "local", null, new long[0], 1, 0, "local"));
    assertEquals(List.of(3L), sequences(pending));
  }

  @Test
  void isReadOnlyAsAList() {
    PendingEnvelopes pending = numbered(2);
    assertThrows(UnsupportedOperationException.class, () -> pending.add(pending.get(0)));
    assertThrows(UnsupportedOperationException.class, () -> pending.remove(0));
    assertThrows(IndexOutOfBoundsException.class, () -> pending.get(2));
  }
}

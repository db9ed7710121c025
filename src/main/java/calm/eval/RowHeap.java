package calm.eval;

/** A binary min-heap of rows by a {@code long} priority, in two parallel arrays (no boxing). */
final class RowHeap {
  private long[] priorities = new long[64];
  private int[] rows = new int[64];
  private int size;

  boolean isEmpty() {
    return size == 0;
  }

  void push(long priority, int row) {
    if (size == rows.length) {
      priorities = java.util.Arrays.copyOf(priorities, size * 2);
      rows = java.util.Arrays.copyOf(rows, size * 2);
    }
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (priorities[parent] <= priority) {
        break;
      }
      priorities[i] = priorities[parent];
      rows[i] = rows[parent];
      i = parent;
    }
    priorities[i] = priority;
    rows[i] = row;
  }

  /** Removes the row with the lowest priority and returns it. */
  int pop() {
    int top = rows[0];
    size--;
    long priority = priorities[size];
    int row = rows[size];
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && priorities[child + 1] < priorities[child]) {
        child++;
      }
      if (priorities[child] >= priority) {
        break;
      }
      priorities[i] = priorities[child];
      rows[i] = rows[child];
      i = child;
    }
    priorities[i] = priority;
    rows[i] = row;
    return top;
  }
}

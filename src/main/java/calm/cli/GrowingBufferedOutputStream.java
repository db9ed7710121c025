package calm.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A buffered stream whose buffer starts at 512 bytes and doubles, up to 64 KB, as a write needs it. A
 * run writes one file per output relation, and most of them are small: with a 64 KB buffer each, the
 * 30,000 outputs of the 100,000-rule benchmark allocated 1.9 GB to write a few megabytes.
 */
final class GrowingBufferedOutputStream extends BufferedOutputStream {
  private static final int SMALLEST = 512;
  private static final int LARGEST = 1 << 16;

  GrowingBufferedOutputStream(OutputStream out) {
    super(out, SMALLEST);
  }

  @Override
  public synchronized void write(int b) throws IOException {
    makeRoom(1);
    super.write(b);
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
    makeRoom(length);
    super.write(bytes, offset, length);
  }

  private void makeRoom(int length) {
    int needed = count + length;
    if (needed <= buf.length || buf.length >= LARGEST) {
      return;
    }
    int size = buf.length;
    while (size < needed && size < LARGEST) {
      size *= 2;
    }
    buf = Arrays.copyOf(buf, size);
  }
}

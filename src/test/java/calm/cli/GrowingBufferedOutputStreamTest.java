package calm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GrowingBufferedOutputStreamTest {

  @Test
  void passesOnEveryByteInOrderWhateverTheSizesOfTheWrites() throws IOException {
    Random random = new Random(19);
    for (int trial = 0; trial < 200; trial++) {
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      ByteArrayOutputStream written = new ByteArrayOutputStream();
      try (GrowingBufferedOutputStream out = new GrowingBufferedOutputStream(written)) {
        int writes = random.nextInt(40);
        for (int w = 0; w < writes; w++) {
          if (random.nextInt(4) == 0) {
            int b = random.nextInt(256);
            expected.write(b);
            out.write(b);
          } else {
            // from nothing to past the largest buffer, at an offset into a larger array
            byte[] chunk = new byte[random.nextInt(3) == 0 ? random.nextInt(200_000) : random.nextInt(700)];
            random.nextBytes(chunk);
            int offset = chunk.length == 0 ? 0 : random.nextInt(chunk.length);
            int length = chunk.length - offset;
            expected.write(chunk, offset, length);
            out.write(chunk, offset, length);
          }
        }
      }
      assertArrayEquals(expected.toByteArray(), written.toByteArray(), "trial " + trial);
    }
  }

  @Test
  void flushPassesOnWhatIsBuffered() throws IOException {
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    GrowingBufferedOutputStream out = new GrowingBufferedOutputStream(written);
    out.write(new byte[] {1, 2, 3});
    out.flush();
    assertArrayEquals(new byte[] {1, 2, 3}, written.toByteArray());
  }
}

package calm.cli;

import calm.diagnostics.Diagnostic;
import calm.eval.FactsFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a scenario file as text, and says what is wrong with one that is not: a directory, a file
 * that is not UTF-8 (with the line and column of the first bad byte, as for programs), a binary or
 * endless stream ({@code /dev/zero}), or one larger than a scenario can sensibly be.
 */
final class ScenarioFiles {
  /** Far above any real scenario (a million input events is about 40 MB). */
  static final int MAX_BYTES = 256 * 1024 * 1024;

  private ScenarioFiles() {}

  static String read(Path path) throws IOException, FactsFormatException {
    String shown = SourceLoader.display(path);
    if (Files.isDirectory(path)) {
      throw new FactsFormatException(shown + ": is a directory, not a scenario file");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(path)) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        bytes.write(buffer, 0, n);
        for (int i = 0; i < n; i++) {
          if (buffer[i] == 0) {
            n = -1;
            break;
          }
        }
        if (n < 0) {
          break; // a binary stream: decoding the bytes so far says where
        }
        if (bytes.size() > MAX_BYTES) {
          throw new FactsFormatException(shown + ": larger than the " + MAX_BYTES / (1024 * 1024)
              + " MB a scenario may have");
        }
      }
    }
    SourceLoader.Loaded loaded = SourceLoader.decode(shown, bytes.toByteArray());
    if (loaded.unreadable().isPresent()) {
      Diagnostic d = loaded.unreadable().get();
      throw new FactsFormatException(shown + ":" + d.span().line() + ":" + d.span().column() + ": "
          + d.message().replace("not program text", "not a scenario"));
    }
    return loaded.source().text();
  }
}

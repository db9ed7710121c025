package calm.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SourceFileTest {
  private final SourceFile file = new SourceFile("f.calm", "ab\ncd\n\nef");

  @Test
  void linesAreCountedByNewlines() {
    assertEquals(4, file.lineCount());
    assertEquals("cd", file.line(2));
    assertEquals("", file.line(3));
    assertEquals("ef", file.line(4));
  }

  @Test
  void anOffsetIsOnTheLineThatHoldsIt() {
    assertEquals(1, file.lineAt(0));
    assertEquals(1, file.lineAt(2)); // the newline itself ends line 1
    assertEquals(2, file.lineAt(3));
    assertEquals(3, file.lineAt(6));
    assertEquals(4, file.lineAt(7));
    assertEquals(4, file.lineAt(9));
  }
}

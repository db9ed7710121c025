package calm.diagnostics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.analysis.Checker;
import calm.analysis.FileReport;
import calm.syntax.SourceFile;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every code has an explanation, and its examples do what they say: the wrong one is reported. */
class ExplanationsTest {
  /**
   * Codes whose wrong example cannot be run here: E001 (not text), E005 (abbreviated), and the codes
   * of the CALM analysis, which are tested with it.
   */
  private static final Set<Code> NOT_RUNNABLE =
      Set.of(
          Code.UNREADABLE_FILE,
          Code.NESTING_TOO_DEEP,
          Code.COORDINATION_POINT,
          Code.COORDINATED_WITHOUT_POINT,
          Code.SEAL_COVERS_NOTHING);

  private static final Pattern WRONG = Pattern.compile("## Wrong\\n.*?```calm\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern RIGHT = Pattern.compile("## Right\\n.*?```calm\\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyCodeHasItsOwnExplanationFile() throws Exception {
    for (Code code : Code.values()) {
      try (InputStream in = Code.class.getResourceAsStream("/calm/diagnostics/explanations/" + code.id() + ".md")) {
        assertNotNull(in, "no explanation for " + code.id());
      }
      String text = code.explanation();
      assertTrue(text.startsWith("# " + code.id() + ": " + code.slug() + "\n"), code.id() + " title");
      assertTrue(WRONG.matcher(text).find(), code.id() + " has a wrong example");
      assertTrue(RIGHT.matcher(text).find(), code.id() + " has a right example");
    }
  }

  @Test
  void idsAndNamesAreUnique() {
    List<String> ids = Arrays.stream(Code.values()).map(Code::id).toList();
    assertEquals(ids.size(), Set.copyOf(ids).size());
    assertEquals(Code.values().length, Arrays.stream(Code.values()).map(Code::slug).distinct().count());
    for (Code code : Code.values()) {
      assertEquals(code, Code.lookup(code.id().toLowerCase()).orElseThrow());
      assertEquals(code, Code.lookup(code.slug()).orElseThrow());
    }
  }

  @TestFactory
  Stream<DynamicTest> examplesDoWhatTheySay() {
    return Arrays.stream(Code.values())
        .filter(code -> !NOT_RUNNABLE.contains(code))
        .map(
            code ->
                DynamicTest.dynamicTest(
                    code.id(),
                    () -> {
                      FileReport wrong = check(code, WRONG);
                      assertTrue(
                          wrong.diagnostics().stream().anyMatch(d -> d.code() == code),
                          code.id() + ": the wrong example is not reported: " + wrong.diagnostics());
                      FileReport right = check(code, RIGHT);
                      assertFalse(
                          right.diagnostics().stream().anyMatch(d -> d.code() == code || d.isError()),
                          code.id() + ": the right example is reported: " + right.diagnostics());
                    }));
  }

  private static FileReport check(Code code, Pattern which) {
    Matcher m = which.matcher(code.explanation());
    assertTrue(m.find());
    return Checker.standard().check(new SourceFile(code.id() + ".calm", m.group(1)));
  }
}

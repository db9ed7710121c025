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
import calm.diagnostics.Severity;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every code has an explanation, and its examples do what they say: the wrong one is reported. */
class ExplanationsTest {
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

  /**
   * Every example is a whole program, checked as it stands: the wrong one reports its code (and, of
   * errors and warnings, nothing that its text does not name), the right one reports no error and no warning at all. E001's
   * example shows its bad byte as an escape, which is written into the file as the raw byte; E005's
   * is abbreviated ("... 300 levels ..."), and is written out in full.
   */
  @TestFactory
  Stream<DynamicTest> examplesDoWhatTheySay() {
    return Arrays.stream(Code.values())
        .map(
            code ->
                DynamicTest.dynamicTest(
                    code.id(),
                    () -> {
                      FileReport wrong = check(code, WRONG);
                      assertTrue(
                          wrong.diagnostics().stream().anyMatch(d -> d.code() == code),
                          code.id() + ": the wrong example is not reported: " + wrong.diagnostics());
                      assertEquals(
                          List.of(),
                          wrong.diagnostics().stream()
                              .filter(d -> d.code() != code && d.severity() != Severity.NOTE)
                              .filter(d -> !example(code, WRONG).contains(d.code().id()))
                              .toList(),
                          code.id() + ": the wrong example reports something else too");
                      FileReport right = check(code, RIGHT);
                      assertEquals(
                          List.of(),
                          right.diagnostics().stream().filter(d -> d.severity() != Severity.NOTE).toList(),
                          code.id() + ": the right example is reported");
                    }));
  }

  private static String example(Code code, Pattern which) {
    Matcher m = which.matcher(code.explanation());
    assertTrue(m.find());
    return m.group(1);
  }

  private static FileReport check(Code code, Pattern which) {
    String text = example(code, which);
    if (code == Code.UNREADABLE_FILE) {
      return calm.cli.CheckBytes.check(code.id() + ".calm", rawBytes(text));
    }
    if (code == Code.NESTING_TOO_DEEP) {
      text = text.replace("((((((((((( ... 300 levels ... )))))))))))", "(".repeat(300) + "M" + ")".repeat(300));
    }
    SourceFile source = new SourceFile(code.id() + ".calm", text);
    FileReport report = Checker.standard().check(source);
    // as calm check does: suppression comments apply
    return new FileReport(
        source,
        report.program(),
        calm.analysis.Suppressions.apply(source, report.diagnostics()).remaining(),
        report.calm());
  }

  /** The text with each {@code \xHH} escape as the byte it names. */
  private static byte[] rawBytes(String text) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (int i = 0; i < utf8.length; i++) {
      if (utf8[i] == '\\' && i + 3 < utf8.length && utf8[i + 1] == 'x') {
        bytes.write(Integer.parseInt(new String(utf8, i + 2, 2, java.nio.charset.StandardCharsets.US_ASCII), 16));
        i += 3;
      } else {
        bytes.write(utf8[i]);
      }
    }
    return bytes.toByteArray();
  }
}

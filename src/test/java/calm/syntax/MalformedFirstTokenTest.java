package calm.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import calm.diagnostics.Code;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A file whose very first token is malformed (an editor's buffer while a string is typed) is reported, not thrown. */
class MalformedFirstTokenTest {
  @ParameterizedTest
  @ValueSource(strings = {"\"abc", "\"unterminated\ntable t(x: int).", "\u0001 table t(x: int).", "/* open"})
  void isALexicalError(String text) {
    ParseResult parsed = Parsing.parse(new SourceFile("first.calm", text));
    assertEquals(Code.LEXICAL_ERROR, parsed.diagnostics().get(0).code());
    assertEquals(1, parsed.diagnostics().get(0).span().line());
  }
}

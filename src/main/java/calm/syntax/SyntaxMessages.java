package calm.syntax;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns ANTLR's messages into ones that speak of the language, not of the parser's token names. */
final class SyntaxMessages {
  private static final Pattern MISMATCHED =
      Pattern.compile("(?:mismatched|extraneous) input (.*) expecting (.*)");
  private static final Pattern MISSING = Pattern.compile("missing (.*) at (.*)");
  private static final Pattern NO_ALTERNATIVE = Pattern.compile("no viable alternative at input (.*)");

  private SyntaxMessages() {}

  static String rephrase(String antlrMessage) {
    Matcher m = MISMATCHED.matcher(antlrMessage);
    if (m.matches()) {
      return "expected " + expected(m.group(2)) + " but found " + found(m.group(1));
    }
    m = MISSING.matcher(antlrMessage);
    if (m.matches()) {
      return "missing " + expected(m.group(1)) + " before " + found(m.group(2));
    }
    m = NO_ALTERNATIVE.matcher(antlrMessage);
    if (m.matches()) {
      String input = m.group(1);
      return "unexpected " + found(input.length() > 40 ? "'…" + input.substring(input.length() - 20) : input);
    }
    return antlrMessage;
  }

  private static String found(String token) {
    return token.equals("'<EOF>'") ? "the end of the file" : token;
  }

  private static String expected(String set) {
    String s = set.replace("{", "").replace("}", "");
    s = s.replaceAll("\\bIDENT\\b", "a name")
        .replaceAll("\\bVARIABLE\\b", "a variable")
        .replaceAll("\\bINTEGER\\b", "an integer")
        .replaceAll("\\bSTRING\\b", "a string")
        .replace("<EOF>", "the end of the file");
    int comma = s.lastIndexOf(", ");
    return comma < 0 ? s : s.substring(0, comma) + " or " + s.substring(comma + 2);
  }

}

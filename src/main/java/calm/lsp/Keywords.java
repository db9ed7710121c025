package calm.lsp;

import java.util.Set;

/** The language's keywords (§1 Lexical), which no relation may be called. */
final class Keywords {
  static final Set<String> ALL =
      Set.of("table", "scratch", "input", "channel", "output", "extern", "delete", "not", "seal", "by", "int", "string");

  private Keywords() {}
}

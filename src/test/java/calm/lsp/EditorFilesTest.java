package calm.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.cli.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The VS Code extension's files are valid, point at each other, and the grammar highlights every keyword. */
class EditorFilesTest {
  static final Path VSCODE = Path.of("editors/vscode");
  final ObjectMapper json = new ObjectMapper();

  @Test
  void packageJsonNamesFilesThatExist() throws Exception {
    JsonNode manifest = json.readTree(VSCODE.resolve("package.json").toFile());
    assertTrue(Files.isRegularFile(VSCODE.resolve(manifest.get("main").asText())));
    JsonNode language = manifest.at("/contributes/languages/0");
    assertEquals(".calm", language.at("/extensions/0").asText());
    assertTrue(Files.isRegularFile(VSCODE.resolve(language.get("configuration").asText())));
    json.readTree(VSCODE.resolve(language.get("configuration").asText()).toFile());
    assertTrue(Files.isRegularFile(VSCODE.resolve(manifest.at("/contributes/grammars/0/path").asText())));
    assertTrue(Files.readString(VSCODE.resolve("extension.js")).contains("'lsp'"), "the client starts calm lsp");
  }

  @Test
  void grammarPatternsCompileAndCoverEveryKeyword() throws Exception {
    JsonNode grammar = json.readTree(VSCODE.resolve("syntaxes/calm.tmLanguage.json").toFile());
    List<Pattern> patterns = new ArrayList<>();
    collect(grammar, patterns);
    assertTrue(patterns.size() > 10);
    for (String keyword : Keywords.ALL) {
      assertTrue(patterns.stream().anyMatch(p -> p.matcher(" " + keyword + " ").find() && p.pattern().contains(keyword)),
          "no pattern highlights " + keyword);
    }
  }

  /** Every match/begin/end regex; TextMate's Oniguruma and Java agree on the constructs used. */
  private static void collect(JsonNode node, List<Pattern> into) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        if (List.of("match", "begin", "end").contains(e.getKey()) && e.getValue().isTextual()) {
          into.add(Pattern.compile(e.getValue().asText()));
        } else {
          collect(e.getValue(), into);
        }
      });
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, into));
    }
  }

  @Test
  void lspIsACommand() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, Main.execute(new PrintWriter(out), new PrintWriter(err), "lsp", "--help"));
    assertTrue(out.toString().contains("--debounce"), out.toString());
    StringWriter help = new StringWriter();
    Main.execute(new PrintWriter(help), new PrintWriter(new StringWriter()), "--help");
    assertTrue(help.toString().contains("lsp"), help.toString());
  }
}

package calm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package layout of docs/architecture.md, read from the sources: every package sits in one layer,
 * and a class may use another package only if that package is in a lower layer. Layers are listed
 * lowest first; a package that is not listed fails the test, so a new package gets placed on purpose.
 * Usages are found in imports and in fully qualified names, with comments taken out.
 */
class ArchitectureTest {
  private static final List<List<String>> LAYERS =
      List.of(
          List.of("calm.syntax.antlr"),
          // a position in source text, shared by the tree and the diagnostics
          List.of("calm.source"),
          List.of("calm.diagnostics"),
          List.of("calm.syntax"),
          // the program as a graph of relations: schema, dependencies, strata, components
          List.of("calm.analysis.graph"),
          // the CALM analysis, which reads the graph
          List.of("calm.analysis.calm"),
          // the checks and the Checker, which run the CALM analysis and report it
          List.of("calm.analysis"),
          // the engines and the export take only a checked program
          List.of("calm.eval", "calm.export"),
          List.of("calm.eval.explore"),
          List.of("calm.cli.graph", "calm.lsp", "calm.serve"),
          List.of("calm.cli"));

  private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern USE = Pattern.compile("\\b(calm(?:\\.[a-z][a-z0-9]*)+)\\.[A-Z]");
  private static final Pattern COMMENTS =
      Pattern.compile("/\\*.*?\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\])*\"", Pattern.DOTALL);

  @Test
  void everyPackageUsesOnlyLowerLayers() {
    Map<String, Set<String>> uses = packageUses(Path.of("src/main/java"));
    assertTrue(uses.containsKey("calm.analysis.calm"), "the sources were not found: " + uses.keySet());
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, Set<String>> entry : uses.entrySet()) {
      String from = entry.getKey();
      int layer = layerOf(from);
      if (layer < 0) {
        wrong.add(from + " is in no layer of ArchitectureTest.LAYERS");
        continue;
      }
      for (String to : entry.getValue()) {
        int other = layerOf(to);
        String arrow = from + " -> " + to;
        if (!to.equals(from) && other >= layer) {
          wrong.add(arrow + " (layer " + layer + " uses layer " + other + ")");
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void theAnalysisAndTheCalmAnalysisDoNotUseEachOther() {
    Map<String, Set<String>> uses = packageUses(Path.of("src/main/java"));
    assertTrue(uses.get("calm.analysis").contains("calm.analysis.calm"), "the Checker runs the CALM analysis");
    assertTrue(
        !uses.get("calm.analysis.calm").contains("calm.analysis"),
        "calm.analysis.calm must not use calm.analysis: " + uses.get("calm.analysis.calm"));
    assertTrue(
        !uses.get("calm.analysis.graph").contains("calm.analysis")
            && !uses.get("calm.analysis.graph").contains("calm.analysis.calm"),
        "calm.analysis.graph must use neither: " + uses.get("calm.analysis.graph"));
  }

  private static int layerOf(String pkg) {
    for (int i = 0; i < LAYERS.size(); i++) {
      if (LAYERS.get(i).contains(pkg)) {
        return i;
      }
    }
    return -1;
  }

  /** For each package of the sources, the packages of ours its classes use. */
  private static Map<String, Set<String>> packageUses(Path root) {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String text = Files.readString(file);
        Matcher pkg = PACKAGE.matcher(text);
        if (!pkg.find()) {
          continue;
        }
        Set<String> used = uses.computeIfAbsent(pkg.group(1), k -> new TreeSet<>());
        Matcher use = USE.matcher(COMMENTS.matcher(text).replaceAll(" "));
        while (use.find()) {
          used.add(use.group(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return uses;
  }
}

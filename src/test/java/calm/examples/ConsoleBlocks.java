package calm.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.Golden;
import calm.cli.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs every command that a page of docs/ shows and compares its output with what the page prints.
 * Two forms are recognised: a {@code ```console} block whose first line is {@code $ ./calm ARGS} and
 * whose other lines are the output, and a comment {@code <!-- $ ./calm ARGS -->} right before a
 * fenced block (a {@code ```mermaid} graph, which GitHub draws) that holds the whole output. With
 * {@code -Dcalm.update.golden=true} the blocks are rewritten from the real outputs (review the diff:
 * the prose around them may need to follow).
 */
final class ConsoleBlocks {
  private static final Pattern COMMENTED = Pattern.compile("^(\\s*)<!-- \\$ \\./calm (.*) -->\\s*$");
  static final Pattern FENCE = Pattern.compile("^(\\s*)```(\\S*)\\s*$");

  private ConsoleBlocks() {}

  static void verify(Path doc, int minimumCommands) throws IOException {
    String text = Files.readString(doc, StandardCharsets.UTF_8);
    assertFalse(text.contains("<!-- output:"), "no placeholder is left in " + doc);
    List<String> lines = Arrays.asList(text.split("\n", -1));
    List<String> rewritten = new ArrayList<>();
    List<String> mismatches = new ArrayList<>();
    int commands = 0;
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      Matcher commented = COMMENTED.matcher(line);
      Matcher fence = FENCE.matcher(line);
      if (commented.matches() && i + 1 < lines.size() && FENCE.matcher(lines.get(i + 1)).matches()) {
        String indent = commented.group(1);
        int close = closingFence(lines, i + 2, doc, i + 2);
        String shown = body(lines, i + 2, close, indent);
        String actual = output(commented.group(2));
        commands++;
        if (!shown.equals(actual)) {
          mismatches.add(mismatch(doc, i + 1, commented.group(2), shown, actual));
        }
        rewritten.add(line);
        rewritten.add(lines.get(i + 1));
        addIndented(rewritten, actual, indent);
        rewritten.add(lines.get(close));
        i = close + 1;
      } else if (fence.matches() && fence.group(2).equals("console")) {
        String indent = fence.group(1);
        int close = closingFence(lines, i + 1, doc, i + 1);
        String prompt = lines.get(i + 1).substring(Math.min(indent.length(), lines.get(i + 1).length()));
        assertTrue(prompt.startsWith("$ ./calm "), doc + ":" + (i + 2) + ": a console block starts with `$ ./calm`");
        String args = prompt.substring("$ ./calm ".length());
        String shown = body(lines, i + 2, close, indent);
        String actual = output(args);
        commands++;
        if (!shown.equals(actual)) {
          mismatches.add(mismatch(doc, i + 2, args, shown, actual));
        }
        rewritten.add(line);
        rewritten.add(lines.get(i + 1));
        addIndented(rewritten, actual, indent);
        rewritten.add(lines.get(close));
        i = close + 1;
      } else {
        rewritten.add(line);
        i++;
      }
    }
    assertTrue(commands >= minimumCommands, doc + " shows its commands' outputs (found " + commands + ")");
    if (Golden.updating()) {
      Files.writeString(doc, String.join("\n", rewritten), StandardCharsets.UTF_8);
      return;
    }
    assertEquals(
        List.of(), mismatches, doc + " is out of date; regenerate with -Dcalm.update.golden=true and review the diff");
  }

  /** What the command prints; what it prints to stderr, if anything, follows its stdout. */
  private static String output(String args) {
    assertFalse(args.contains("\"") || args.contains("'") || args.contains("|"), "a plain command: " + args);
    Cli cli = Cli.run(args.trim().split("\\s+"));
    return cli.out() + cli.err();
  }

  static int closingFence(List<String> lines, int from, Path file, int opened) {
    for (int j = from; j < lines.size(); j++) {
      if (lines.get(j).strip().equals("```")) {
        return j;
      }
    }
    throw new AssertionError(file + ":" + opened + ": a fenced block that is never closed");
  }

  /** Lines {@code from} (inclusive) to {@code to} (exclusive), without the block's indent, each ending in a newline. */
  private static String body(List<String> lines, int from, int to, String indent) {
    StringBuilder b = new StringBuilder();
    for (int j = from; j < to; j++) {
      String l = lines.get(j);
      b.append(l.startsWith(indent) ? l.substring(indent.length()) : l.strip()).append('\n');
    }
    return b.toString();
  }

  private static void addIndented(List<String> out, String text, String indent) {
    if (text.isEmpty()) {
      return;
    }
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    for (String l : body.split("\n", -1)) {
      out.add(l.isEmpty() ? "" : indent + l);
    }
  }

  private static String mismatch(Path doc, int line, String args, String shown, String actual) {
    return doc + ":" + line + ": ./calm " + args + "\n--- the guide shows\n" + shown + "--- the command prints\n" + actual;
  }
}

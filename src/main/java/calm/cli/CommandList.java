package calm.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;

/**
 * The "Commands:" section of {@code calm --help}. Picocli shows only the first line of each command's
 * description, which cuts most of them mid-sentence; this shows each command's first sentence whole,
 * however many lines it takes.
 */
final class CommandList implements CommandLine.IHelpSectionRenderer {
  @Override
  public String render(Help help) {
    Map<String, Help> commands = help.subcommands();
    if (commands.isEmpty()) {
      return "";
    }
    int nameWidth = 2;
    for (String name : commands.keySet()) {
      nameWidth = Math.max(nameWidth, name.length() + 4);
    }
    int width = help.commandSpec().usageMessage().width();
    TextTable table =
        TextTable.forColumns(
            help.colorScheme(),
            new Column(nameWidth, 2, Column.Overflow.SPAN),
            new Column(Math.max(20, width - nameWidth), 1, Column.Overflow.WRAP));
    for (Map.Entry<String, Help> command : commands.entrySet()) {
      CommandLine.Model.UsageMessageSpec usage = command.getValue().commandSpec().usageMessage();
      // a header, where a command has one (picocli's own help), is its one-line summary
      String[] summary = usage.header().length > 0 ? usage.header() : usage.description();
      table.addRowValues(command.getKey(), firstSentence(summary));
    }
    return table.toString();
  }

  /** The lines joined, up to the end of the first sentence. */
  static String firstSentence(String[] description) {
    List<String> lines = new ArrayList<>();
    for (String line : description) {
      lines.add(line.strip());
    }
    String text = String.join(" ", lines);
    for (int i = 0; i + 2 < text.length(); i++) {
      if (text.charAt(i) == '.' && text.charAt(i + 1) == ' ' && Character.isUpperCase(text.charAt(i + 2))) {
        return text.substring(0, i + 1);
      }
    }
    return text;
  }
}

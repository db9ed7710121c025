package calm.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the two tables of an example's README — {@code | program | rule (line) | kinds | status |}
 * and {@code | program | output | verdict (points at lines ...) |} — into the words of its
 * verdicts.txt, so that a test can tell when the README and the asserted claims drift apart.
 */
final class ReadmeTables {
  private static final Pattern RULE_LINE = Pattern.compile("\\((\\d+)\\)$");
  private static final Pattern POINT_LINES = Pattern.compile("\\(points? at lines? ([0-9, –]+)");
  private static final String[] VERDICTS = {
    "needs coordination", "coordinated", "confluent", "sealed", "order dependent", "schedule independent"
  };

  private ReadmeTables() {}

  /** Lines {@code PROGRAM point LINE KINDS STATUS} and {@code PROGRAM output RELATION VERDICT LINES}, sorted. */
  static TreeSet<String> claims(Path readme) throws IOException {
    TreeSet<String> claims = new TreeSet<>();
    for (String row : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
      if (!row.startsWith("| `")) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      for (String cell : row.strip().replaceAll("^\\||\\|$", "").split("\\|")) {
        cells.add(cell.strip());
      }
      String program = unquote(cells.get(0));
      if (cells.size() == 4) {
        Matcher line = RULE_LINE.matcher(cells.get(1));
        if (line.find()) {
          String kinds = String.join(",", cells.get(2).split("\\s*,\\s*"));
          claims.add(program + " point " + line.group(1) + " " + kinds + " " + cells.get(3).split("\\s+")[0]);
        }
      } else if (cells.size() == 3) {
        claims.add(program + " output " + unquote(cells.get(1)) + " " + verdict(cells.get(2)) + " " + lines(cells.get(2)));
      } else if (cells.size() == 5) {
        // | program | invariant (line) | verdict | what calm explore shows | what calm run finds |
        Matcher line = Pattern.compile("(?:\\((\\d+)\\)|^(\\d+))\\s*$").matcher(cells.get(1));
        if (!line.find()) {
          throw new IllegalArgumentException(readme + ": no constraint line in " + row);
        }
        String explore = cells.get(3).startsWith("never") ? "never"
            : cells.get(3).startsWith("violated in every") ? "always" : "sometimes";
        claims.add(program + " constraint " + (line.group(1) != null ? line.group(1) : line.group(2)) + " "
            + verdict(cells.get(2)) + " " + explore + " "
            + cells.get(4).split("\\s+")[0]);
      } else {
        throw new IllegalArgumentException(readme + ": a table row with " + cells.size() + " cells: " + row);
      }
    }
    return claims;
  }

  private static String verdict(String cell) {
    for (String v : VERDICTS) {
      if (cell.startsWith(v)) {
        return v.replace(' ', '-');
      }
    }
    throw new IllegalArgumentException("no verdict in '" + cell + "'");
  }

  /** "(points at lines 14–17)" is 14,15,16,17; no points is "-". */
  private static String lines(String cell) {
    Matcher m = POINT_LINES.matcher(cell);
    if (!m.find()) {
      return "-";
    }
    List<String> all = new ArrayList<>();
    for (String part : m.group(1).split(",")) {
      String p = part.strip();
      if (p.contains("–")) {
        String[] ends = p.split("–");
        for (int n = Integer.parseInt(ends[0].strip()); n <= Integer.parseInt(ends[1].strip()); n++) {
          all.add(Integer.toString(n));
        }
      } else if (!p.isEmpty()) {
        all.add(p);
      }
    }
    return String.join(",", all);
  }

  private static String unquote(String cell) {
    return cell.replace("`", "");
  }
}

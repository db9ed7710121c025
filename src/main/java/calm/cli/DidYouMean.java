package calm.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * "did you mean" for a mistyped command or option: the known names within a small edit distance of
 * what was typed ({@code chek} -> {@code check}, {@code --formt} -> {@code --format}).
 */
final class DidYouMean {
  private DidYouMean() {}

  /** Picocli's message, except for a word that is not a command: that is said plainly. */
  static String message(ParameterException e) {
    if (e instanceof UnmatchedArgumentException unmatched
        && !unmatched.getUnmatched().isEmpty()
        && e.getCommandLine().getCommandSpec().parent() == null
        && !unmatched.getUnmatched().get(0).startsWith("-")) {
      return "unknown command '" + unmatched.getUnmatched().get(0) + "'";
    }
    return e.getMessage();
  }

  static Optional<String> suggestion(ParameterException e) {
    if (!(e instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
      return Optional.empty();
    }
    String typed = unmatched.getUnmatched().get(0);
    CommandSpec spec = e.getCommandLine().getCommandSpec();
    List<String> known = new ArrayList<>();
    if (typed.startsWith("-")) {
      for (OptionSpec option : spec.options()) {
        known.addAll(List.of(option.names()));
      }
    } else {
      for (CommandLine sub : spec.subcommands().values()) {
        if (!sub.getCommandSpec().usageMessage().hidden()) {
          known.add(sub.getCommandName());
        }
      }
    }
    String key = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
    List<String> close =
        known.stream()
            .distinct()
            .filter(name -> distance(key, name) <= Math.max(1, Math.min(3, name.length() / 3)))
            .sorted(Comparator.comparingInt((String name) -> distance(key, name)).thenComparing(name -> name))
            .toList();
    if (close.isEmpty()) {
      return Optional.empty();
    }
    String command = spec.qualifiedName();
    if (typed.startsWith("-")) {
      return Optional.of("Did you mean " + String.join(" or ", close.stream().map(n -> "'" + n + "'").toList()) + "?");
    }
    return Optional.of(
        "Did you mean " + String.join(" or ", close.stream().map(n -> "'" + command + " " + n + "'").toList()) + "?");
  }

  /** Levenshtein distance, with a swap of two neighbours counted as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}

package calm.cli;

import calm.analysis.Suggestions;
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
            .filter(name -> Suggestions.distance(key, name) <= Math.max(1, Math.min(3, name.length() / 3)))
            .sorted(Comparator.comparingInt((String name) -> Suggestions.distance(key, name)).thenComparing(name -> name))
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
}

package calm.cli;

import picocli.CommandLine.Model.CommandSpec;

/** The flags (boolean options) of a command declared through picocli's programmatic API. */
final class Flags {
  private Flags() {}

  /** Whether the command line gave {@code flag}: picocli leaves a flag that was not given unset. */
  static boolean isSet(CommandSpec spec, String flag) {
    Boolean value = spec.findOption(flag).getValue();
    return value != null && value;
  }
}

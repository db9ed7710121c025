package calm.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code -h, --help} and {@code -V, --version} for a command declared through picocli's programmatic
 * API, as {@code mixinStandardHelpOptions = true} gives an annotated one (the same names, descriptions
 * and resource keys), without picocli reading the annotations of its own mixin class at start-up.
 */
final class StandardHelpOptions {
  private StandardHelpOptions() {}

  static void addTo(CommandSpec spec) {
    spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).type(boolean.class)
        .descriptionKey("mixinStandardHelpOptions.help").description("Show this help message and exit.").build());
    spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).type(boolean.class)
        .descriptionKey("mixinStandardHelpOptions.version").description("Print version information and exit.").build());
  }
}

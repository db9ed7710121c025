package calm.cli;

/** {@code --format} of {@code calm check}. */
enum OutputFormat {
  TEXT,
  JSON,
  SARIF
}

/**
 * The last stage and the only one that prints: the picocli commands ({@code check}, {@code explain},
 * {@code graph}, {@code run}, {@code explore}, {@code lsp}, {@code serve}) registered in {@link
 * calm.cli.Main}, and the renderers (text, JSON, SARIF, tables). Everything it writes to a terminal
 * passes {@link calm.cli.SafeText}; exit statuses are {@link calm.cli.ExitCodes}. It may import every
 * package of ours; none imports it; see docs/architecture.md.
 */
package calm.cli;

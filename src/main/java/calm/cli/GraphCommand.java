package calm.cli;

import calm.analysis.calm.DataflowGraph;
import calm.cli.graph.DotGraph;
import calm.cli.graph.Drawing;
import calm.cli.graph.MermaidGraph;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code calm graph}: draws the dependency graph with its coordination points. Its model is declared
 * through picocli's programmatic API ({@link #spec()}), as {@code check}'s is, so that no annotation
 * proxy is generated at its start.
 */
final class GraphCommand implements Callable<Integer> {
  private CommandSpec spec;
  private Path file;
  private String format;
  private Path output;

  /** The command's model: its options, in the order {@code --help} lists them. */
  static CommandSpec spec() {
    GraphCommand command = new GraphCommand();
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
    command.spec = spec;
    spec.name("graph");
    spec.usageMessage().description(
        "Draws a program's dependency graph: tables as boxes, events as ovals, asynchronous edges"
            + " dashed, non-monotone edges marked, coordination points in red (sealed: blue,"
            + " acknowledged: purple), strata as clusters. Edges carry Bud's labels: M monotone,"
            + " A async, N non-monotone, D coordination point.");
    spec.addPositional(PositionalParamSpec.builder().index("0").arity("1").required(true).paramLabel("FILE")
        .type(Path.class).description("the .calm program to draw").build());
    spec.addOption(OptionSpec.builder("--format").paramLabel("FORMAT").type(String.class).defaultValue("dot")
        .completionCandidates(new GraphFormats())
        .description("dot, mermaid or svg (svg runs Graphviz's dot; default: ${DEFAULT-VALUE})").build());
    spec.addOption(OptionSpec.builder("-o", "--output").paramLabel("OUT").type(Path.class)
        .description("write the drawing to this file instead of standard output").build());
    StandardHelpOptions.addTo(spec); // last, where picocli puts a mixin's (the completion script lists them in order)
    return spec;
  }

  /** Takes the parsed values from the model (picocli resets them to their defaults before each parse). */
  private void readOptions() {
    file = spec.positionalParameters().get(0).getValue();
    format = spec.findOption("--format").getValue();
    output = spec.findOption("--output").getValue();
  }

  private PrintWriter err;

  @Override
  public Integer call() {
    readOptions();
    err = spec.commandLine().getErr();
    try {
      return draw(spec.commandLine().getOut());
    } finally {
      err.flush();
    }
  }

  private int draw(PrintWriter out) {
    String chosen = format.toLowerCase(Locale.ROOT);
    if (!List.of("dot", "mermaid", "svg").contains(chosen)) {
      err.println("calm graph: unknown format '" + format + "'; choose dot, mermaid or svg");
      return ExitCodes.FAILURE;
    }
    ProgramLoader.Checked checked;
    try {
      checked = new ProgramLoader("calm graph", "there is no graph to draw", err::println).check(file);
    } catch (ProgramLoader.Stop stop) {
      return stop.status;
    }
    // the check worked both out already, the analysis beside the checks
    DataflowGraph graph =
        DataflowGraph.of(checked.program().calmAnalysis(), checked.program().stratification());
    Drawing drawing =
        chosen.equals("mermaid") ? MermaidGraph.drawing(graph) : DotGraph.drawing(graph, file.getFileName().toString());
    String svg;
    if (chosen.equals("svg")) {
      try {
        svg = new String(runDot(drawing.text()), StandardCharsets.UTF_8); // dot writes SVG as UTF-8
      } catch (DotMissing e) {
        err.println(
            "calm graph: --format svg needs Graphviz's `dot` program, which is not installed (or not on PATH).");
        err.println(
            "  install it with `sudo apt-get install graphviz` (Debian, Ubuntu), `brew install graphviz` (macOS)"
                + " or from https://graphviz.org/download/,");
        err.println("  or draw with --format dot or --format mermaid instead");
        return ExitCodes.FAILURE;
      } catch (IOException e) {
        err.println("calm graph: Graphviz's dot failed: " + SourceLoader.reason(e));
        return ExitCodes.FAILURE;
      }
    } else {
      svg = null;
    }
    try {
      if (output != null) {
        AtomicFiles.write(output, w -> write(drawing, svg, w));
      } else {
        write(drawing, svg, out);
        out.flush();
      }
    } catch (IOException e) {
      err.println("calm graph: cannot write " + output + ": " + SourceLoader.reason(e));
      return ExitCodes.FAILURE;
    }
    return ExitCodes.OK;
  }

  /**
   * Writes the SVG, or else the drawing's blocks as they are made, side by side (a drawing of 100,000
   * rules is 25 MB): each block is whole lines, and our colour stand-in is escaped in it as in the whole
   * text ({@link SafeText#forFilter}).
   */
  private static void write(Drawing drawing, String svg, Writer out) throws IOException {
    if (svg != null) {
      ParallelBlocks.writeText(svg, out);
    } else {
      ParallelBlocks.write(drawing.blocks(), b -> SafeText.forFilter(drawing.block(b)), out);
    }
  }

  /** Signals that the {@code dot} program could not be started at all. */
  private static final class DotMissing extends Exception {
    DotMissing(Throwable cause) {
      super(cause);
    }
  }

  private static byte[] runDot(String dot) throws IOException, DotMissing {
    Process process;
    try {
      process = new ProcessBuilder("dot", "-Tsvg").redirectError(ProcessBuilder.Redirect.PIPE).start();
    } catch (IOException e) {
      throw new DotMissing(e);
    }
    ByteArrayOutputStream svg = new ByteArrayOutputStream();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    Thread stdout = copying(process.getInputStream(), svg);
    Thread stderr = copying(process.getErrorStream(), errors);
    try (OutputStream in = process.getOutputStream()) {
      in.write(dot.getBytes(StandardCharsets.UTF_8));
    }
    try {
      int status = process.waitFor();
      stdout.join();
      stderr.join();
      if (status != 0) {
        throw new IOException("exit status " + status + ": " + errors.toString(StandardCharsets.UTF_8).strip());
      }
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
    return svg.toByteArray();
  }

  private static Thread copying(InputStream from, OutputStream to) {
    Thread t =
        new Thread(
            () -> {
              try {
                from.transferTo(to);
              } catch (IOException ignored) {
                // the exit status reports the failure
              }
            },
            "dot-pipe");
    t.setDaemon(true);
    t.start();
    return t;
  }
}

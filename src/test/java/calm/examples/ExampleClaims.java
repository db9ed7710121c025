package calm.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What an example's README claims, in the machine-readable form of its {@code verdicts.txt}: the
 * coordination points of each program, each output's verdict and what the explorer shows for it.
 * The README's tables are for people; this file is what the tests hold the tool to. A claim of the
 * README that the tool disputes (and that the spec says the README is right about) is not asserted:
 * it is written as a comment {@code # disputed: CLAIM (why)}, and reported as a bug in the tool.
 */
record ExampleClaims(
    List<Point> points, List<String> pointFree, List<Output> outputs, List<String> disputed,
    List<Invariant> constraints) {

  /**
   * {@code PROGRAM constraint LINE VERDICT EXPLORE RUN}: the constraint whose {@code :-} is on LINE, its
   * verdict (§12), in how many explored runs that keep their seals it is violated ({@code never},
   * {@code sometimes}, {@code always}) and whether {@code calm run} finds it violated ({@code kept},
   * {@code violated}).
   */
  record Invariant(String program, int line, String verdict, String explore, String run) {
    boolean shownBy(int violated, int runs) {
      return switch (explore) {
        case "never" -> violated == 0;
        case "always" -> violated == runs;
        default -> violated > 0 && violated < runs;
      };
    }
  }

  List<Invariant> constraintsOf(String program) {
    return constraints.stream().filter(c -> c.program().equals(program)).collect(Collectors.toList());
  }

  /** {@code calm run} exits 1 exactly when it finds a constraint violated. */
  int runStatus(String program) {
    return constraintsOf(program).stream().anyMatch(c -> c.run().equals("violated")) ? 1 : 0;
  }


  /** {@code PROGRAM point LINE KINDS STATUS}: a coordination point whose rule head is on LINE. */
  record Point(String program, int line, String kinds, String status) {}

  /** {@code PROGRAM output RELATION VERDICT LINES EXPLORE}. */
  record Output(String program, String relation, String verdict, String pointLines, Exploration explore) {}

  /** What {@code calm explore} shows for an output. */
  enum Exploration {
    ONE_OUTCOME("one-outcome"),
    DIFFERS("differs"),
    OBSERVED_ONLY("observed-only");

    final String word;

    Exploration(String word) {
      this.word = word;
    }

    static Exploration of(String word, String where) {
      for (Exploration e : values()) {
        if (e.word.equals(word)) {
          return e;
        }
      }
      throw new IllegalArgumentException(where + ": unknown exploration '" + word + "'");
    }

    boolean shownBy(int observedOutcomes, int finalOutcomes) {
      switch (this) {
        case ONE_OUTCOME:
          return observedOutcomes == 1 && finalOutcomes == 1;
        case DIFFERS:
          return finalOutcomes >= 2;
        default:
          return observedOutcomes >= 2 && finalOutcomes == 1;
      }
    }
  }

  static ExampleClaims read(Path file) throws IOException {
    List<Point> points = new ArrayList<>();
    List<String> pointFree = new ArrayList<>();
    List<Output> outputs = new ArrayList<>();
    List<String> disputed = new ArrayList<>();
    List<Invariant> constraints = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("# disputed:")) {
        disputed.add(line.substring("# disputed:".length()).replaceAll("\\(.*$", "").strip());
        continue;
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = file + ":" + (i + 1);
      String[] words = line.split("\\s+");
      if (words.length == 5 && words[1].equals("point")) {
        points.add(new Point(words[0], Integer.parseInt(words[2]), words[3], words[4]));
      } else if (words.length == 3 && words[1].equals("points") && words[2].equals("none")) {
        pointFree.add(words[0]);
      } else if (words.length == 6 && words[1].equals("constraint")
          && List.of("never", "sometimes", "always").contains(words[4])
          && List.of("kept", "violated").contains(words[5])) {
        constraints.add(new Invariant(words[0], Integer.parseInt(words[2]), words[3], words[4], words[5]));
      } else if (words.length == 6 && words[1].equals("output")) {
        outputs.add(new Output(words[0], words[2], words[3], words[4], Exploration.of(words[5], where)));
      } else {
        throw new IllegalArgumentException(where + ": cannot read '" + line + "'");
      }
    }
    return new ExampleClaims(
        List.copyOf(points), List.copyOf(pointFree), List.copyOf(outputs), List.copyOf(disputed),
        List.copyOf(constraints));
  }

  /** Every program the file speaks of, in name order. */
  List<String> programs() {
    TreeSet<String> names = new TreeSet<>(pointFree);
    points.forEach(p -> names.add(p.program()));
    outputs.forEach(o -> names.add(o.program()));
    constraints.forEach(c -> names.add(c.program()));
    return List.copyOf(names);
  }

  List<Point> pointsOf(String program) {
    return points.stream().filter(p -> p.program().equals(program)).collect(Collectors.toList());
  }

  List<Output> outputsOf(String program) {
    return outputs.stream().filter(o -> o.program().equals(program)).collect(Collectors.toList());
  }

  /** The relations (for {@code output}) or rule lines (for {@code point}) of the program's disputed claims. */
  List<String> disputed(String program, String what) {
    List<String> keys = new ArrayList<>();
    for (String claim : disputed) {
      String[] words = claim.split("\\s+");
      if (words.length > 2 && words[0].equals(program) && words[1].equals(what)) {
        keys.add(words[2]);
      }
    }
    return keys;
  }

  /** {@code check} exits 1 exactly when some program has an unacknowledged point (§10). */
  int checkStatus() {
    return points.stream().anyMatch(p -> p.status().equals("unacknowledged")) ? 1 : 0;
  }
}

package calm.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Programs derived at random from the grammar ({@code grammar/Calm.g4}), with names drawn from a
 * small pool so that most references resolve and the checks, the engine and the explorer get past
 * the first error: every kind, annotation, aggregate, negation, deletion, seal and operator, strings
 * with escapes and control characters, integers at the edges of 64 bits.
 */
final class GrammarPrograms {
  private static final List<String> RELATIONS = List.of("a", "b", "c", "d", "msg", "count");
  private static final List<String> KINDS = List.of("table", "scratch", "input", "channel");
  private static final List<String> VARIABLES = List.of("X", "Y", "Z", "K", "V");
  private static final List<String> STRINGS = List.of(
      "\"\"", "\"local\"", "\"peer\"", "\"a\\tb\"", "\"line\\nbreak\"", "\"back\\\\slash\"", "\"q\\\"\"",
      "\"\u001b[2J\"", "\"\u001b]0;title\u0007\"", "\"caf\u00e9 \u2192 \ud83d\ude00\"", "\"\u009b31m\"");
  private static final List<String> INTEGERS = List.of(
      "0", "1", "2", "3", "-1", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
      "4611686018427387904");
  private static final List<String> AGGREGATES = List.of("count", "sum", "min", "max");
  private static final List<String> TIMES = List.of("next", "async", "later", "");

  private final Random random;
  private final StringBuilder text = new StringBuilder();

  GrammarPrograms(Random random) {
    this.random = random;
  }

  String generate() {
    int declarations = 1 + random.nextInt(6);
    for (int i = 0; i < declarations; i++) {
      declaration();
    }
    int items = random.nextInt(10);
    for (int i = 0; i < items; i++) {
      switch (random.nextInt(8)) {
        case 0, 1 -> fact();
        case 2 -> seal();
        default -> rule();
      }
    }
    return text.toString();
  }

  private <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }

  private void declaration() {
    String kind = pick(KINDS);
    if (random.nextInt(3) == 0) {
      text.append("output ");
    }
    text.append(kind).append(' ').append(pick(RELATIONS)).append('(');
    int columns = random.nextInt(4);
    for (int c = 0; c < columns; c++) {
      text.append(c > 0 ? ", " : "");
      if (kind.equals("channel") && c == 0 || random.nextInt(20) == 0) {
        text.append('@');
      }
      text.append("c").append(c).append(": ").append(random.nextBoolean() ? "int" : "string");
    }
    text.append(").\n");
  }

  private void fact() {
    text.append(pick(RELATIONS)).append('(');
    int values = random.nextInt(4);
    for (int v = 0; v < values; v++) {
      text.append(v > 0 ? ", " : "").append(random.nextBoolean() ? pick(INTEGERS) : pick(STRINGS));
    }
    text.append(").\n");
  }

  private void seal() {
    text.append("seal ");
    atom(false);
    text.append(" by ");
    atom(false);
    text.append(".\n");
  }

  private void rule() {
    if (random.nextInt(6) == 0) {
      text.append("@coordinated(").append(pick(STRINGS)).append(")\n");
    }
    if (random.nextInt(8) == 0) {
      text.append("delete ");
    }
    atom(true);
    String time = pick(TIMES);
    if (!time.isEmpty() && random.nextInt(3) == 0) {
      text.append('@').append(time);
    }
    text.append(" :- ");
    int literals = 1 + random.nextInt(4);
    for (int l = 0; l < literals; l++) {
      text.append(l > 0 ? ", " : "");
      switch (random.nextInt(6)) {
        case 0 -> {
          text.append("not ");
          atom(false);
        }
        case 1 -> {
          expression(2);
          text.append(' ').append(pick(List.of("=", "!=", "<", "<=", ">", ">="))).append(' ');
          expression(2);
        }
        default -> atom(false);
      }
    }
    text.append(".\n");
  }

  private void atom(boolean head) {
    text.append(pick(RELATIONS)).append('(');
    int arguments = random.nextInt(4);
    for (int a = 0; a < arguments; a++) {
      text.append(a > 0 ? ", " : "");
      if (head && random.nextInt(5) == 0) {
        text.append(pick(AGGREGATES)).append('(');
        expression(1);
        text.append(')');
      } else {
        expression(1);
      }
    }
    text.append(')');
  }

  private void expression(int depth) {
    int choice = random.nextInt(depth > 0 ? 9 : 4);
    switch (choice) {
      case 0, 1 -> text.append(pick(VARIABLES));
      case 2 -> text.append(random.nextInt(4) == 0 ? "_" : pick(INTEGERS));
      case 3 -> text.append(pick(STRINGS));
      case 4 -> {
        text.append('-');
        expression(depth - 1);
      }
      case 5 -> {
        text.append('(');
        expression(depth - 1);
        text.append(')');
      }
      default -> {
        expression(depth - 1);
        text.append(' ').append(pick(List.of("+", "-", "*", "/", "%"))).append(' ');
        expression(depth - 1);
      }
    }
  }
}

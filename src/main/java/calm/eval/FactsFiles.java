package calm.eval;

import calm.syntax.RelationKind;
import calm.syntax.Type;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Soufflé's fact files: one fact a line, columns separated by tabs, strings unquoted, a zero-column
 * fact written {@code ()}; a string's tabs, line breaks and control characters are escaped as
 * {@link FactsEscapes} says.
 */
public final class FactsFiles {
  private FactsFiles() {}

  /**
   * Reads {@code DIR/REL.facts} for every table and input relation that has one. Blank lines are
   * skipped; a line with the wrong number of columns or a non-integer in an int column is an error.
   */
  public static Map<String, List<long[]>> read(CompiledProgram program, Path dir)
      throws IOException, FactsFormatException {
    Map<String, List<long[]>> all = new LinkedHashMap<>();
    for (Relation r : program.relations()) {
      if (r.kind() != RelationKind.TABLE && r.kind() != RelationKind.INPUT) {
        continue;
      }
      Path file = dir.resolve(r.name() + ".facts");
      if (Files.isRegularFile(file)) {
        all.put(r.name(), readFile(program, r, file));
      } else if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        throw new FactsFormatException(file + ": " + notAFile(file));
      }
    }
    return all;
  }

  private static List<long[]> readFile(CompiledProgram program, Relation r, Path file)
      throws IOException, FactsFormatException {
    List<long[]> tuples = new ArrayList<>();
    int arity = r.arity();
    Type[] types = r.types().toArray(new Type[0]);
    try (Utf8Lines in = new Utf8Lines(Files.newInputStream(file))) {
      String line;
      int number = 0;
      while ((line = in.next()) != null) {
        number++;
        if (line.endsWith("\r")) {
          line = line.substring(0, line.length() - 1);
        }
        if (line.isEmpty() && !(arity == 1 && types[0] == Type.STRING)) {
          continue;
        }
        if (arity == 0) {
          if (!line.equals("()")) {
            throw new FactsFormatException(
                file + ":" + number + ": '" + r.name() + "' has no columns; a fact is written ()");
          }
          tuples.add(new long[0]);
          continue;
        }
        long[] t = new long[arity];
        int start = 0;
        for (int c = 0; c < arity; c++) {
          int tab = line.indexOf('\t', start);
          int end = tab < 0 ? line.length() : tab;
          if ((tab < 0) != (c == arity - 1)) {
            int found = line.split("\t", -1).length;
            throw new FactsFormatException(
                file + ":" + number + ": '" + r.name() + "' has " + arity + " columns, the line has " + found);
          }
          if (types[c] == Type.INT && plainDigits(line, start, end)) {
            t[c] = digits(line, start, end);
            start = end + 1;
            continue;
          }
          String field = line.substring(start, end);
          if (types[c] == Type.INT) {
            try {
              t[c] = Long.parseLong(field.trim());
            } catch (NumberFormatException e) {
              throw new FactsFormatException(
                  file + ":" + number + ": column " + (c + 1) + " (" + r.columnNames().get(c)
                      + ") of '" + r.name() + "' is an int, not '" + field + "'");
            }
          } else {
            t[c] = program.strings().intern(FactsEscapes.unescape(field));
          }
          start = end + 1;
        }
        tuples.add(t);
      }
    } catch (Utf8Lines.NotUtf8 e) {
      throw new FactsFormatException(file + ":" + e.line + ": not UTF-8 text: " + e.getMessage());
    }
    return tuples;
  }

  /**
   * Whether {@code line[from, to)} is an optional '-' and 1 to 18 ASCII digits: a number that
   * {@link #digits} reads without a substring, where Long.parseLong and its messages are not needed.
   */
  private static boolean plainDigits(String line, int from, int to) {
    int i = from < to && line.charAt(from) == '-' ? from + 1 : from;
    if (i == to || to - i > 18) {
      return false;
    }
    for (; i < to; i++) {
      char ch = line.charAt(i);
      if (ch < '0' || ch > '9') {
        return false;
      }
    }
    return true;
  }

  private static long digits(String line, int from, int to) {
    boolean negative = line.charAt(from) == '-';
    long value = 0;
    for (int i = negative ? from + 1 : from; i < to; i++) {
      value = value * 10 + (line.charAt(i) - '0');
    }
    return negative ? -value : value;
  }

  /** Writes facts in the same format, already sorted. */
  public static void write(Writer out, List<Object[]> facts, int arity) throws IOException {
    for (Object[] f : facts) {
      out.write(line(f, arity));
      out.write('\n');
    }
  }

  /** Why an entry of the facts directory is not a file to read. */
  private static String notAFile(Path file) {
    if (Files.isDirectory(file)) {
      return "is a directory, not a facts file";
    }
    if (Files.isSymbolicLink(file)) {
      try {
        file.toRealPath();
      } catch (java.nio.file.FileSystemException e) {
        return e.getReason() != null && e.getReason().contains("many levels")
            ? "symbolic link loop"
            : "broken symbolic link";
      } catch (IOException e) {
        return "broken symbolic link";
      }
    }
    return "not a regular file";
  }

  public static String line(Object[] f, int arity) {
    if (arity == 0) {
      return "()";
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < f.length; i++) {
      if (i > 0) {
        b.append('\t');
      }
      b.append(f[i] instanceof String string ? FactsEscapes.escape(string) : f[i]);
    }
    return b.toString();
  }
}

package calm.eval;

import calm.syntax.RelationKind;
import calm.syntax.Type;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
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
    for (Map.Entry<String, FactRows> e : readRows(program, dir).entrySet()) {
      all.put(e.getKey(), e.getValue().asList());
    }
    return all;
  }

  /** As {@link #read}, each relation's facts packed in one array rather than an array a fact. */
  public static Map<String, FactRows> readRows(CompiledProgram program, Path dir)
      throws IOException, FactsFormatException {
    Map<String, FactRows> all = new LinkedHashMap<>();
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

  private static FactRows readFile(CompiledProgram program, Relation r, Path file)
      throws IOException, FactsFormatException {
    int arity = r.arity();
    Type[] types = r.types().toArray(new Type[0]);
    boolean allInts = arity > 0;
    for (Type t : types) {
      allInts &= t == Type.INT;
    }
    // for a file of ints, a guess from its size (about 5 bytes a column) sizes the first chunk
    long guess = allInts ? Files.size(file) / (5L * arity) : 16;
    FactRows tuples = new FactRows(arity, (int) Math.min(Math.max(guess, 16), 1 << 22));
    long[] row = new long[arity];
    try (Utf8Lines in = new Utf8Lines(Files.newInputStream(file))) {
      while (true) {
        String line;
        if (in.nextInBuffer()) {
          if (allInts && parseInts(in.buffer(), in.lineStart, in.lineEnd, row, tuples)) {
            continue;
          }
          line = new String(in.buffer(), in.lineStart, in.lineEnd - in.lineStart, StandardCharsets.ISO_8859_1);
        } else {
          line = in.next();
          if (line == null) {
            break;
          }
        }
        parseLine(program, r, types, file, in.lineNumber(), line, tuples);
      }
    } catch (Utf8Lines.NotUtf8 e) {
      throw new FactsFormatException(file + ":" + e.line + ": not UTF-8 text: " + e.getMessage());
    }
    return tuples;
  }

  /**
   * The common line of a facts file of ints, read from its bytes into {@code row} and added: as many
   * plain numbers as {@code row} has columns (see {@link #plainDigits}) separated by tabs, perhaps ending
   * in '\r'. False, with nothing added, for any other line, which {@link #parseLine} then reads (and
   * explains, if it is wrong).
   */
  private static boolean parseInts(byte[] bytes, int from, int to, long[] row, FactRows into) {
    int arity = row.length;
    if (to > from && bytes[to - 1] == '\r') {
      to--;
    }
    if (from == to) {
      return false;
    }
    int i = from;
    for (int c = 0; c < arity; c++) {
      boolean negative = i < to && bytes[i] == '-';
      if (negative) {
        i++;
      }
      int start = i;
      long value = 0;
      while (i < to) {
        int digit = bytes[i] - '0';
        if (digit < 0 || digit > 9) {
          break;
        }
        value = value * 10 + digit;
        i++;
      }
      boolean last = c == arity - 1;
      if (i == start || i - start > 18 || (last ? i != to : i == to || bytes[i] != '\t')) {
        return false;
      }
      row[c] = negative ? -value : value;
      i++; // the tab
    }
    into.add(row);
    return true;
  }

  private static void parseLine(CompiledProgram program, Relation r, Type[] types, Path file, int number,
      String line, FactRows tuples) throws FactsFormatException {
    int arity = r.arity();
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    if (line.isEmpty() && !(arity == 1 && types[0] == Type.STRING)) {
      return;
    }
    if (arity == 0) {
      if (!line.equals("()")) {
        throw new FactsFormatException(
            file + ":" + number + ": '" + r.name() + "' has no columns; a fact is written ()");
      }
      tuples.reserve();
      return;
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
    StringBuilder b = new StringBuilder();
    for (Object[] f : facts) {
      appendLine(b, f, arity);
      b.append('\n');
      if (b.length() >= 1 << 13) {
        out.write(b.toString());
        b.setLength(0);
      }
    }
    out.write(b.toString());
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
    StringBuilder b = new StringBuilder();
    appendLine(b, f, arity);
    return b.toString();
  }

  /** Appends {@link #line}'s text to {@code b}: a number without a String made for it first. */
  public static void appendLine(StringBuilder b, Object[] f, int arity) {
    if (arity == 0) {
      b.append("()");
      return;
    }
    for (int i = 0; i < f.length; i++) {
      if (i > 0) {
        b.append('\t');
      }
      if (f[i] instanceof Long number) {
        b.append(number.longValue());
      } else if (f[i] instanceof String string) {
        b.append(FactsEscapes.escape(string));
      } else {
        b.append(f[i]);
      }
    }
  }
}

package calm.diagnostics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every diagnostic Calm can report, declared once: its stable id, a kebab-case name, its default
 * severity and a one-line summary. The long explanation (with a wrong and a right example) lives in
 * {@code /calm/diagnostics/explanations/ID.md} beside this class; {@code calm explain} and the pages in
 * {@code docs/diagnostics/} are both made from it.
 *
 * <p>Ids never change meaning once released: E = error, W = warning, C = CALM analysis.
 */
public enum Code {
  // Reading the file
  UNREADABLE_FILE("E001", Severity.ERROR, "the file cannot be read as UTF-8 text"),
  SYNTAX_ERROR("E002", Severity.ERROR, "the text does not follow the grammar"),
  LEXICAL_ERROR("E003", Severity.ERROR, "a character, string or comment is malformed"),
  INTEGER_OUT_OF_RANGE("E004", Severity.ERROR, "an integer literal does not fit in 64 bits"),
  NESTING_TOO_DEEP("E005", Severity.ERROR, "an expression is nested too deeply"),
  UNKNOWN_ANNOTATION("E006", Severity.ERROR, "an '@' name that the language does not define"),
  MALFORMED_SUPPRESSION("E007", Severity.ERROR, "a calm-ignore comment without a reason, or naming a code that is not a warning"),

  // Declarations and names
  UNKNOWN_RELATION("E101", Severity.ERROR, "a relation is used but never declared"),
  DUPLICATE_DECLARATION("E102", Severity.ERROR, "a relation is declared more than once"),
  DUPLICATE_COLUMN("E103", Severity.ERROR, "two columns of one relation share a name"),
  LOCATION_COLUMN("E104", Severity.ERROR, "a channel needs exactly one '@' column, and only a channel may have one"),
  ARITY_MISMATCH("E105", Severity.ERROR, "an atom has the wrong number of arguments"),
  TYPE_MISMATCH("E106", Severity.ERROR, "a value of one type is used where another is expected"),

  // Facts, atoms and heads
  NON_GROUND_FACT("E201", Severity.ERROR, "a fact contains a variable or an expression that is not a constant"),
  FACT_FOR_EVENT_RELATION("E202", Severity.ERROR, "a fact is given for a scratch or channel relation"),
  EXPRESSION_IN_ATOM("E203", Severity.ERROR, "a body atom holds an expression; expressions belong in comparisons"),
  AGGREGATE_MISUSE("E204", Severity.ERROR, "an aggregate is used where it is not allowed"),
  UNKNOWN_AGGREGATE("E205", Severity.ERROR, "an aggregate name that the language does not define"),
  AGGREGATE_OVER_STRING("E206", Severity.ERROR, "sum, min or max is applied to a string"),
  ASYNC_HEAD_NOT_CHANNEL("E207", Severity.ERROR, "an @async head names a relation that is not a channel"),
  CHANNEL_HEAD_WITHOUT_ASYNC("E208", Severity.ERROR, "a channel head is written without @async"),
  DELETE_NON_TABLE("E209", Severity.ERROR, "delete names a relation that is not a table"),
  INPUT_IN_HEAD("E210", Severity.ERROR, "a rule derives an input relation, which only the outside world fills"),

  // Rules as a whole
  UNSAFE_VARIABLE("E301", Severity.ERROR, "a variable is not bound by a positive atom or an '=' binding"),
  UNSTRATIFIABLE_CYCLE("E302", Severity.ERROR, "a same-tick cycle passes through negation or aggregation"),

  // Annotations and seals
  EMPTY_COORDINATION_REASON("E401", Severity.ERROR, "@coordinated needs a non-blank reason"),
  SEAL_KEY_NOT_IN_GUARD("E402", Severity.ERROR, "a seal's key variable does not appear in its guard"),
  MALFORMED_SEAL("E403", Severity.ERROR, "a seal's atoms may hold only variables and '_'"),
  VACUOUS_SEAL("E404", Severity.ERROR, "a seal's guard is a relation that nothing can write"),
  EMPTY_INVARIANT_NAME("E405", Severity.ERROR, "@invariant needs one non-blank name"),

  // §11 Keyed tables, lattices and extern tables
  KEY_ON_NON_TABLE("E601", Severity.ERROR, "a key ('=>') on a relation that is not a table"),
  MIXED_VALUE_COLUMNS("E602", Severity.ERROR, "a keyed table mixes lattice and plain value columns"),
  MISPLACED_LATTICE("E603", Severity.ERROR, "a lattice type where none may stand: a key column, a table without a key, a scratch, or a channel's '@' column"),
  LATTICE_SHRINK("E604", Severity.ERROR, "delete or @update of a lattice table, which only grows"),
  UPDATE_UNKEYED("E605", Severity.ERROR, "@update of a relation that is not a plain keyed table"),
  EXTERN_WRITTEN("E606", Severity.ERROR, "a rule writes an extern table, whose facts come only from outside"),
  EXTERN_NOT_TABLE("E607", Severity.ERROR, "extern prefixes a relation that is not a table"),

  // Warnings
  NEVER_WRITTEN("W101", Severity.WARNING, "a relation that no rule or fact ever writes"),
  NEVER_READ("W102", Severity.WARNING, "a relation that nothing reads and that is not an output"),
  EMPTY_PROGRAM("W103", Severity.WARNING, "a file that holds no declarations, facts or rules"),
  COORDINATED_WITHOUT_POINT("W201", Severity.WARNING, "@coordinated on a rule that has no open coordination point"),
  SEAL_COVERS_NOTHING("W202", Severity.WARNING, "a seal that covers no coordination point"),
  UNUSED_SUPPRESSION("W203", Severity.WARNING, "a calm-ignore comment that suppresses nothing"),
  AGGREGATE_INTO_TABLE("W301", Severity.WARNING, "an aggregate written into a table keeps every value it ever had"),

  // §8 The CALM analysis
  COORDINATION_POINT("C001", Severity.ERROR, "a rule whose result depends on the order of asynchronous events"),
  ORDER_DEPENDENT_CONSTRAINT(
      "C002", Severity.WARNING, "a constraint whose violation may depend on the order of asynchronous events");

  private final String id;
  private final Severity severity;
  private final String summary;

  Code(String id, Severity severity, String summary) {
    this.id = id;
    this.severity = severity;
    this.summary = summary;
  }

  public String id() {
    return id;
  }

  /** The kebab-case name, e.g. {@code unknown-relation}. */
  public String slug() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public Severity severity() {
    return severity;
  }

  public String summary() {
    return summary;
  }

  /** A finding of the CALM analysis (a C code) rather than a fault of the program. */
  public boolean isAnalysisFinding() {
    return id.startsWith("C");
  }

  /** Finds a code by id ({@code E101}) or name ({@code unknown-relation}), ignoring case. */
  public static Optional<Code> lookup(String idOrName) {
    return Arrays.stream(values())
        .filter(c -> c.id.equalsIgnoreCase(idOrName) || c.slug().equalsIgnoreCase(idOrName))
        .findFirst();
  }

  /** Read once: SARIF carries every code's explanation in every report. */
  private volatile String explanation;

  /** The long explanation in Markdown, with a wrong and a right example. */
  public String explanation() {
    String text = explanation;
    if (text == null) {
      text = readExplanation();
      explanation = text;
    }
    return text;
  }

  private String readExplanation() {
    String resource = "/calm/diagnostics/explanations/" + id + ".md";
    try (InputStream in = Code.class.getResourceAsStream(resource)) {
      if (in == null) {
        return summary + ".\n";
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

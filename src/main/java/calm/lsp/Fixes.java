package calm.lsp;

import calm.analysis.Checker;
import calm.analysis.FileReport;
import calm.analysis.calm.CalmAnalysis;
import calm.analysis.calm.CalmReport;
import calm.analysis.calm.CoordinationPoint;
import calm.analysis.calm.PointKind;
import calm.analysis.calm.PointStatus;
import calm.diagnostics.Code;
import calm.syntax.Atom;
import calm.syntax.Column;
import calm.syntax.Declaration;
import calm.syntax.Literal;
import calm.syntax.NegatedLiteral;
import calm.syntax.PositiveLiteral;
import calm.syntax.Rule;
import calm.syntax.SourceFile;
import calm.source.Span;
import calm.syntax.Term;
import calm.syntax.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * The remedies that a coordination point's {@code help:} lines name, as quick fixes: acknowledge it with
 * {@code @coordinated}, persist an event in a new table, or seal a relation by a key. A fix is offered
 * only when the file, so edited, checks clean for the point: it is checked again before it is offered,
 * since whether a seal's key or a persisted event removes a point depends on the whole rule.
 */
final class Fixes {
  static final String PLACEHOLDER_REASON = "TODO: say how the deployment coordinates here";
  /** Seal candidates checked per point; each costs one check of the file. */
  static final int MAX_SEAL_CANDIDATES = 6;

  private final Checker checker;

  Fixes(Checker checker) {
    this.checker = checker;
  }

  /** A fix before it is checked: its edits, and whether it must remove the whole point or one kind of it. */
  record Candidate(String title, List<TextEdit> edits, Optional<PointKind> removes) {}

  List<CodeAction> at(Snapshot snapshot, Range range, List<Diagnostic> contextDiagnostics) {
    List<CodeAction> actions = new ArrayList<>();
    Optional<CalmAnalysis> analysis = snapshot.analysis();
    if (analysis.isEmpty()) {
      return actions;
    }
    for (CoordinationPoint point : analysis.get().report().points()) {
      if (point.status() != PointStatus.UNACKNOWLEDGED || !Ranges.overlaps(point.rule().span(), range)) {
        continue;
      }
      List<Diagnostic> fixed = contextDiagnostics.stream()
          .filter(d -> Code.COORDINATION_POINT.id().equals(codeOf(d)) && d.getRange().equals(Ranges.of(point.at())))
          .toList();
      for (Candidate candidate : candidates(snapshot, analysis.get(), point)) {
        if (fixes(snapshot, point, candidate)) {
          CodeAction action = new CodeAction(candidate.title());
          action.setKind(CodeActionKind.QuickFix);
          action.setDiagnostics(fixed);
          action.setEdit(new WorkspaceEdit(Map.of(snapshot.uri(), candidate.edits())));
          actions.add(action);
        }
      }
    }
    return actions;
  }

  private static String codeOf(Diagnostic d) {
    return d.getCode() == null ? null : d.getCode().isLeft() ? d.getCode().getLeft() : String.valueOf(d.getCode().getRight());
  }

  /** Every fix that might work for the point, best first. */
  List<Candidate> candidates(Snapshot snapshot, CalmAnalysis analysis, CoordinationPoint point) {
    List<Candidate> out = new ArrayList<>();
    if (point.kinds().contains(PointKind.RACE)) {
      persistCandidates(snapshot, analysis, point).forEach(out::add);
    }
    if (!point.kinds().contains(PointKind.DELETION)) {
      sealCandidates(snapshot, analysis, point).stream().limit(MAX_SEAL_CANDIDATES).forEach(out::add);
    }
    acknowledge(snapshot, point).ifPresent(out::add);
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // @coordinated

  private static Optional<Candidate> acknowledge(Snapshot snapshot, CoordinationPoint point) {
    Rule rule = point.rule();
    if (rule.annotation().isPresent()) {
      return Optional.empty();
    }
    Span start = rule.span();
    String indent = snapshot.source().line(start.line()).substring(0, start.column() - 1).replaceAll("\\S", " ");
    TextEdit edit = insert(start.line(), start.column(), "@coordinated(\"" + PLACEHOLDER_REASON + "\")\n" + indent);
    return Optional.of(new Candidate(
        "Acknowledge the coordination point: add @coordinated(\"…\") (then say why)", List.of(edit), Optional.empty()));
  }

  // -------------------------------------------------------------------------------------------
  // persist an event

  private static List<Candidate> persistCandidates(Snapshot snapshot, CalmAnalysis analysis, CoordinationPoint point) {
    List<Candidate> out = new ArrayList<>();
    List<String> done = new ArrayList<>();
    for (Literal literal : point.rule().body()) {
      if (!(literal instanceof PositiveLiteral p)) {
        continue;
      }
      String event = p.atom().relation().text();
      if (!analysis.isEvent(event) || done.contains(event)) {
        continue;
      }
      done.add(event);
      Optional<Declaration> declaration = snapshot.schema().flatMap(s -> s.lookup(event));
      declaration.ifPresent(d -> out.add(persist(snapshot, point, d)));
    }
    return out;
  }

  private static Candidate persist(Snapshot snapshot, CoordinationPoint point, Declaration event) {
    String name = freshName(snapshot, event.name().text() + "_log");
    String columns = event.columns().stream().map(c -> columnText(snapshot, c)).collect(Collectors.joining(", "));
    String variables = event.columns().stream().map(c -> variableFor(c.name().text())).collect(Collectors.joining(", "));
    String added = "\ntable " + name + "(" + columns + ").\n"
        + name + "(" + variables + ") :- " + event.name().text() + "(" + variables + ").";
    List<TextEdit> edits = new ArrayList<>();
    edits.add(insert(event.span().endLine(), event.span().endColumn(), added));
    for (Literal literal : point.rule().body()) {
      if (literal instanceof PositiveLiteral p && p.atom().relation().text().equals(event.name().text())) {
        edits.add(new TextEdit(Ranges.of(p.atom().relation().span()), name));
      }
    }
    return new Candidate(
        "Persist `" + event.name().text() + "` in a new table `" + name + "` and read the table",
        edits, Optional.of(PointKind.RACE));
  }

  /** A column as declared, without a channel's '@': a table has no destination. */
  private static String columnText(Snapshot snapshot, Column column) {
    String text = snapshot.text(column.span()).strip();
    return text.startsWith("@") ? text.substring(1).strip() : text;
  }

  private static String variableFor(String column) {
    return column.substring(0, 1).toUpperCase(Locale.ROOT) + column.substring(1);
  }

  private static String freshName(Snapshot snapshot, String wanted) {
    String name = wanted;
    for (int i = 2; !snapshot.occurrences().of(name).isEmpty() || Keywords.ALL.contains(name); i++) {
      name = wanted + i;
    }
    return name;
  }

  // -------------------------------------------------------------------------------------------
  // seal

  /**
   * Seals of an asynchronous atom of the rule by another positive atom of the rule, keyed by a variable
   * both carry: the shapes accepted by §5 Annotations and seals. Which of them removes the point is left to the check.
   */
  private static List<Candidate> sealCandidates(Snapshot snapshot, CalmAnalysis analysis, CoordinationPoint point) {
    List<Candidate> out = new ArrayList<>();
    Rule rule = point.rule();
    for (Literal literal : rule.body()) {
      Atom sealed = literal instanceof PositiveLiteral p ? p.atom() : literal instanceof NegatedLiteral n ? n.atom() : null;
      // an event is the guard of a race, not what is sealed (the example of §5 Annotations and seals seals the log by the checkout)
      if (sealed == null || !analysis.isAsynchronous(sealed.relation().text()) 
          || analysis.isEvent(sealed.relation().text()) && !(literal instanceof NegatedLiteral)) {
        continue;
      }
      for (Literal other : rule.body()) {
        if (other == literal || !(other instanceof PositiveLiteral g)) {
          continue;
        }
        Atom guard = g.atom();
        if (guard.relation().text().equals(sealed.relation().text())) {
          continue;
        }
        for (String key : variables(sealed)) {
          if (variables(guard).contains(key)) {
            String seal = "seal " + pattern(sealed, key) + " by " + pattern(guard, key) + ".";
            Span start = rule.span();
            String indent = snapshot.source().line(start.line()).substring(0, start.column() - 1).replaceAll("\\S", " ");
            out.add(new Candidate(
                "Seal `" + sealed.relation().text() + "` by `" + guard.relation().text() + "` on key " + key + ": " + seal,
                List.of(insert(start.line(), start.column(), seal + "\n" + indent)), Optional.empty()));
          }
        }
      }
    }
    return out;
  }

  private static List<String> variables(Atom atom) {
    List<String> names = new ArrayList<>();
    for (Term t : atom.arguments()) {
      if (t instanceof Variable v && !names.contains(v.name())) {
        names.add(v.name());
      }
    }
    return names;
  }

  /** The atom with the key variable where the atom has it, `_` elsewhere. */
  private static String pattern(Atom atom, String key) {
    return atom.relation().text() + atom.arguments().stream()
        .map(t -> t instanceof Variable v && v.name().equals(key) ? key : "_")
        .collect(Collectors.joining(", ", "(", ")"));
  }

  // -------------------------------------------------------------------------------------------
  // checking a fix

  /**
   * Whether the edited file has no program error and the point is gone (or, for a fix of one kind, has
   * lost that kind), with no new open point elsewhere.
   */
  boolean fixes(Snapshot snapshot, CoordinationPoint point, Candidate candidate) {
    String edited = Edits.apply(snapshot.source().text(), candidate.edits());
    Checker.Outcome outcome;
    try {
      outcome = checker.run(new SourceFile(snapshot.source().displayPath(), edited));
    } catch (RuntimeException | StackOverflowError e) {
      return false;
    }
    FileReport report = outcome.report();
    if (report.hasErrors() || outcome.checked().isEmpty()) {
      return false;
    }
    int line = point.line() + linesInsertedBefore(candidate.edits(), point.rule().span());
    CalmReport before = snapshot.analysis().get().report();
    CalmReport after = outcome.checked().get().calmReport();
    Optional<CoordinationPoint> still = after.points().stream()
        .filter(p -> p.line() == line && p.status() == PointStatus.UNACKNOWLEDGED)
        .findFirst();
    boolean gone = still.isEmpty() || candidate.removes().map(k -> !still.get().kinds().contains(k)).orElse(false);
    long openBefore = open(before) - 1;
    long openAfter = open(after) - (still.isPresent() ? 1 : 0);
    return gone && openAfter <= openBefore;
  }

  private static long open(CalmReport report) {
    return report.points().stream().filter(p -> p.status() == PointStatus.UNACKNOWLEDGED).count();
  }

  private static int linesInsertedBefore(List<TextEdit> edits, Span rule) {
    int lines = 0;
    for (TextEdit edit : edits) {
      Position start = edit.getRange().getStart();
      boolean before = start.getLine() + 1 < rule.line()
          || (start.getLine() + 1 == rule.line() && start.getCharacter() + 1 <= rule.column());
      if (before) {
        lines += (int) edit.getNewText().chars().filter(c -> c == '\n').count();
      }
    }
    return lines;
  }

  private static TextEdit insert(int line, int column, String text) {
    Position at = new Position(line - 1, column - 1);
    return new TextEdit(new Range(at, at), text);
  }
}

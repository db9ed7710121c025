package calm.analysis.calm;

import static calm.analysis.calm.PointContext.relationOf;

import calm.syntax.Literal;
import calm.syntax.NegatedLiteral;
import calm.syntax.PositiveLiteral;
import calm.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Points of kind {@code race} (§8 The CALM analysis: race): an event joined in positive atoms with
 * an asynchronous table or a view of one, with state that changes from tick to tick, or with an event
 * from a different arrival (or a second message of the same one, {@link SameSourceRace}).
 */
final class RacePoints implements PointFinder {
  private final PointContext context;
  private final SealAdvice advice;

  /**
   * What the race is, for its note, and the same-source race behind it, if that is what it is. The
   * note is written when the report is: a million-rule program has over a hundred thousand races,
   * kept until then, and the text of each is about 200 bytes where what it is made of is already held.
   */
  private record Found(Supplier<String> text, SameSourceRace.Race sameSource) {}

  RacePoints(PointContext context, SealAdvice advice) {
    this.context = context;
    this.advice = advice;
  }

  @Override
  public PointKind kind() {
    return PointKind.RACE;
  }

  @Override
  public void find(PointDraft draft, List<Literal> asynchronous) {
    AsyncReach reach = context.reach();
    EventRelations events = context.events();
    List<Literal> eventAtoms = new ArrayList<>();
    List<Literal> stateAtoms = new ArrayList<>();
    // state that is not asynchronous but changes from tick to tick (@next, delete): when an asynchronous
    // fact arrives decides which of its states the fact meets
    List<Literal> changing = new ArrayList<>();
    List<Literal> body = draft.rule.body();
    for (int i = 0; i < body.size(); i++) {
      Literal literal = body.get(i);
      if (SealApplication.atomOf(literal) == null) {
        continue;
      }
      int relation = context.relation(draft, i);
      if (literal instanceof PositiveLiteral && events.isEvent(relation)) {
        eventAtoms.add(literal);
      } else if (literal instanceof PositiveLiteral && reach.isAsynchronous(relation)) {
        stateAtoms.add(literal);
      } else if (!reach.isAsynchronous(relation) && !context.fixed().isFixed(relation)) {
        changing.add(literal);
      }
    }
    if (eventAtoms.isEmpty()) {
      if (stateAtoms.isEmpty()) {
        return; // no asynchronous atom at all: most rules of a large program
      }
      List<Literal> meets =
          changing.stream()
              .filter(l -> l instanceof NegatedLiteral || !context.growOnly().isGrowOnly(relationOf(l)))
              .toList();
      if (!stateAtoms.isEmpty() && !meets.isEmpty()) {
        Literal state = stateAtoms.get(0);
        Literal other = meets.get(0);
        found(
            draft,
            () -> "race: asynchronous `" + relationOf(state) + "` is joined with `" + relationOf(other) + "`, which "
                + (other instanceof NegatedLiteral ? "is negated while it changes" : "loses facts")
                + " from tick to tick (`@next` or `delete`): which of its states a `" + relationOf(state)
                + "` fact meets depends on when it arrives",
            null);
        stateAtoms.forEach(l -> draft.add(PointKind.RACE, l));
        meets.forEach(l -> draft.add(PointKind.RACE, l));
      }
      return;
    }
    if (stateAtoms.isEmpty() && !changing.isEmpty()) {
      Literal other = changing.get(0);
      Literal event = eventAtoms.get(0);
      found(
          draft,
          () -> "race: event `" + relationOf(event) + "` is joined with `" + relationOf(other)
              + "`, which changes from tick to tick (`@next` or `delete`): the join sees whatever `"
              + relationOf(other) + "` holds when the event arrives",
          null);
      eventAtoms.forEach(l -> draft.add(PointKind.RACE, l));
      changing.forEach(l -> draft.add(PointKind.RACE, l));
      return;
    }
    List<String> eventRelations = eventAtoms.stream().map(PointContext::relationOf).toList();
    if (!stateAtoms.isEmpty()) {
      Literal state = stateAtoms.get(0);
      String kind = context.schema().get(relationOf(state)).kind().keyword();
      found(
          draft,
          () -> "race: event `" + eventRelations.get(0) + "` is joined with asynchronous " + kind + " `"
              + relationOf(state) + "`: the join sees whatever of `" + relationOf(state)
              + "` has arrived when the event does",
          null);
      eventAtoms.forEach(l -> draft.add(PointKind.RACE, l));
      stateAtoms.forEach(l -> draft.add(PointKind.RACE, l));
    } else if (eventAtoms.size() > 1 && events.fromDifferentSources(eventRelations)) {
      found(
          draft,
          () -> "race: events "
              + eventRelations.stream()
                  .distinct()
                  .map(r -> "`" + r + "` (from " + events.describeSource(r) + ")")
                  .collect(Collectors.joining(" and "))
              + " come from different arrivals, so whether they meet in one tick depends on timing",
          null);
      eventAtoms.forEach(l -> draft.add(PointKind.RACE, l));
    } else {
      Optional<SameSourceRace.Race> race =
          context.sameSource().find(draft.rule, eventAtoms.stream().map(l -> (PositiveLiteral) l).toList());
      if (race.isPresent()) {
        SameSourceRace.Race r = race.get();
        found(
            draft,
            () -> "race: `" + SameSourceRace.atomText(r.first().atom()) + "` and `"
                + SameSourceRace.atomText(r.second().atom()) + "` both come from "
                + context.schema().get(r.source()).kind().keyword() + " `" + r.source()
                + "`, but neither must hold whenever the other's message arrives: " + r.why()
                + "; so they can match two `" + r.source() + "` messages that arrive in different ticks",
            r);
        draft.add(PointKind.RACE, r.first());
        draft.add(PointKind.RACE, r.second());
      }
    }
  }

  private static void found(PointDraft draft, Supplier<String> text, SameSourceRace.Race sameSource) {
    draft.detail(PointKind.RACE, new Found(text, sameSource));
  }

  /** The path must start at a source: state that only changes with the ticks is not on one. */
  @Override
  public List<Literal> primary(PointDraft draft) {
    List<Literal> all = draft.reasons(PointKind.RACE);
    List<Literal> asynchronous =
        all.stream().filter(l -> context.reach().isAsynchronous(relationOf(l))).toList();
    List<Literal> preferred = asynchronous.stream().filter(l -> !context.events().isEvent(relationOf(l))).toList();
    if (preferred.isEmpty()) {
      preferred = asynchronous;
    }
    return preferred.isEmpty() ? all : preferred;
  }

  @Override
  public String reason(PointDraft draft, Literal literal) {
    return draft.detail(PointKind.RACE, Found.class).text().get();
  }

  @Override
  public void notes(PointDraft draft, BiConsumer<Span, String> note) {
    SameSourceRace.Race sameSource = sameSource(draft);
    if (sameSource != null) {
      List<Literal> race = primary(draft);
      Literal shown = Literal.among(race, draft.via) ? draft.via : race.get(0);
      Literal other = shown == sameSource.first() ? sameSource.second() : sameSource.first();
      note.accept(other.span(), "the other `" + sameSource.source() + "` atom of the race");
    }
  }

  @Override
  public void help(PointDraft draft, List<String> help) {
    SameSourceRace.Race sameSource = sameSource(draft);
    if (sameSource != null) {
      String source = sameSource.source();
      help.add(
          "persist `" + source + "` in a table first (a rule `" + source + "_log(...) :- " + source
              + "(...).`) and join the table, so both atoms see every message that has arrived");
      help.add(
          "or join the two atoms on the message's full key: let both hold the same variable in every"
              + " column of `" + source + "` that either tests, and keep those columns in the scratch"
              + " relations on the way, so that one atom matches exactly the other's message");
      return;
    }
    String event =
        draft.reasons(PointKind.RACE).stream()
            .map(PointContext::relationOf)
            .filter(context.events()::isEvent)
            .findFirst()
            .orElse("the event");
    String other = relationOf(primary(draft).get(0));
    help.add(
        "persist `" + event + "` in a table (a rule `" + event + "_log(...) :- " + event
            + "(...).`) and read the table"
            + (other.equals(event) || draft.has(PointKind.DELETION)
                ? ""
                : ", or seal `" + other + "` by a key that `" + event + "` carries (`seal "
                    + advice.sealPattern(other) + " by " + event + "(..., K, ...).`; a guard must be a"
                    + " relation the program writes, as `" + event + "` is)"));
  }

  private static SameSourceRace.Race sameSource(PointDraft draft) {
    Found found = draft.detail(PointKind.RACE, Found.class);
    return found == null ? null : found.sameSource();
  }
}

package calm.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.diagnostics.Code;
import calm.diagnostics.Diagnostic;
import calm.syntax.SourceFile;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * A checked program exists only for a file without errors: the errors come instead. The cases are
 * the faults the engine once looked for itself before running a program; the checks report each, so
 * no program with one of them reaches the engine.
 */
class CheckedProgramTest {
  private static Checker.Outcome check(String text) {
    return Checker.standard().run(new SourceFile("t.calm", text));
  }

  static Stream<Arguments> faults() {
    return Stream.of(
        Arguments.of(Code.SYNTAX_ERROR, "table t(x: int).\nt(1) :- .\n"),
        Arguments.of(Code.LOCATION_COLUMN, "channel m(x: string).\ninput i(x: string).\nm(X)@async :- i(X).\n"),
        Arguments.of(Code.LOCATION_COLUMN, "table t(@x: string).\nt(\"a\").\n"),
        Arguments.of(Code.UNKNOWN_RELATION, "table t(x: int).\nnope(1).\n"),
        Arguments.of(Code.UNKNOWN_RELATION, "table t(x: int).\nt(X) :- nope(X).\n"),
        Arguments.of(Code.FACT_FOR_EVENT_RELATION, "scratch s(x: int).\ns(1).\n"),
        Arguments.of(Code.ARITY_MISMATCH, "table t(x: int).\nt(1, 2).\n"),
        Arguments.of(Code.ARITY_MISMATCH, "table t(x: int).\ntable u(x: int).\nu(X) :- t(X, X).\n"),
        Arguments.of(Code.TYPE_MISMATCH, "table t(x: int).\nt(\"a\").\n"),
        Arguments.of(Code.TYPE_MISMATCH, "table t(x: int).\ntable u(x: int).\nu(X) :- t(X), t(\"a\").\n"),
        Arguments.of(Code.INPUT_IN_HEAD, "table t(x: int).\ninput i(x: int).\ni(X) :- t(X).\n"),
        Arguments.of(Code.ASYNC_HEAD_NOT_CHANNEL, "table t(x: int).\ntable u(x: int).\nu(X)@async :- t(X).\n"),
        Arguments.of(Code.CHANNEL_HEAD_WITHOUT_ASYNC,
            "table t(x: string).\nchannel m(@to: string).\nm(X) :- t(X).\n"),
        Arguments.of(Code.UPDATE_UNKEYED,
            "table t(x: string).\nchannel m(@to: string).\nm(X)@update :- t(X).\n"),
        Arguments.of(Code.DELETE_NON_TABLE, "table t(x: int).\nscratch s(x: int).\ndelete s(X) :- t(X).\n"),
        Arguments.of(Code.EXTERN_WRITTEN, "table t(x: int).\nextern table e(x: int).\ne(X) :- t(X).\n"),
        Arguments.of(Code.LATTICE_SHRINK,
            "table t(k: int, v: int).\ntable m(k: int => v: max<int>).\ndelete m(K, V) :- t(K, V).\n"),
        Arguments.of(Code.LATTICE_SHRINK,
            "table t(k: int, v: int).\ntable m(k: int => v: max<int>).\nm(K, V)@update :- t(K, V).\n"),
        Arguments.of(Code.UPDATE_UNKEYED, "table t(k: int, v: int).\ntable u(k: int, v: int).\nu(K, V)@update :- t(K, V).\n"),
        Arguments.of(Code.AGGREGATE_MISUSE, "table t(x: int).\ntable u(n: int).\nu(sum(X + 1)) :- t(X).\n"),
        Arguments.of(Code.AGGREGATE_MISUSE, "table t(x: int).\ntable u(n: int, m: int).\nu(sum(X), max(X)) :- t(X).\n"),
        Arguments.of(Code.AGGREGATE_MISUSE, "table t(x: int).\ntable u(n: int).\ndelete u(count(X)) :- t(X).\n"),
        Arguments.of(Code.UNSAFE_VARIABLE, "table t(x: int).\ntable u(x: int).\nu(_) :- t(X).\n"),
        Arguments.of(Code.UNSAFE_VARIABLE, "table t(x: int).\ntable u(x: int).\nu(X) :- t(X), X > _.\n"),
        Arguments.of(Code.UNSAFE_VARIABLE, "table t(x: int).\ntable u(x: int).\nu(Y) :- t(X).\n"),
        Arguments.of(Code.UNSAFE_VARIABLE, "table t(x: int).\n:- t(X), Y > X.\n"),
        Arguments.of(Code.EXPRESSION_IN_ATOM, "table t(x: int).\ntable u(x: int).\nu(X) :- t(X + 1), t(X).\n"),
        Arguments.of(Code.UNSTRATIFIABLE_CYCLE,
            "table t(x: int).\nscratch a(x: int).\nscratch b(x: int).\na(X) :- t(X), not b(X).\nb(X) :- a(X).\n"));
  }

  @ParameterizedTest
  @MethodSource("faults")
  void aProgramWithAnErrorHasNoCheckedProgramButItsErrors(Code code, String text) {
    Checker.Outcome outcome = check(text);
    assertTrue(outcome.checked().isEmpty(), () -> "checked despite " + code + ":\n" + text);
    List<Code> errors =
        outcome.report().diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::code).toList();
    assertTrue(errors.contains(code), () -> "expected " + code + ", got " + errors + " for\n" + text);
  }

  @Test
  void aProgramWithWarningsOnlyIsChecked() {
    Checker.Outcome outcome = check("table t(x: int).\ntable never(x: int).\noutput table u(x: int).\nt(1).\nu(X) :- t(X).\n");
    assertFalse(outcome.report().hasErrors(), () -> outcome.report().diagnostics().toString());
    assertFalse(outcome.report().diagnostics().isEmpty(), "the unused table is a warning");
    assertTrue(outcome.checked().isPresent());
    assertEquals(outcome.report().program().get(), outcome.checked().get().program());
  }

  @Test
  void aCoordinationPointDoesNotStopTheProgramFromBeingChecked() {
    Checker.Outcome outcome = check("""
        input vote(v: string).
        scratch votes(n: int).
        output table tally(n: int).
        votes(count(V)) :- vote(V).
        tally(N) :- votes(N).
        """);
    assertTrue(outcome.report().diagnostics().stream().anyMatch(d -> d.code() == Code.COORDINATION_POINT));
    assertTrue(outcome.checked().isPresent());
    assertEquals(outcome.report().calm(), outcome.checked().get().calmReport());
  }

  @Test
  void outputsAreTheDeclaredOnesElseWhatNoRuleReads() {
    CheckedProgram declared = check("""
        table a(x: int).
        output table c(x: int).
        output table b(x: int).
        table d(x: int).
        b(X) :- a(X).
        c(X) :- b(X).
        """).checked().orElseThrow();
    assertEquals(List.of("c", "b"), declared.outputs());
    CheckedProgram unread = check("""
        table a(x: int).
        table c(x: int).
        table b(x: int).
        table d(x: int).
        b(X) :- a(X), not d(X).
        c(X) :- b(X).
        """).checked().orElseThrow();
    assertEquals(List.of("c"), unread.outputs());
  }

  @Test
  void aCheckerWithoutTheCalmAnalysisMakesItOnFirstUse() {
    String text = """
        input vote(v: string).
        scratch votes(n: int).
        output table tally(n: int).
        votes(count(V)) :- vote(V).
        tally(N) :- votes(N).
        """;
    CheckedProgram lazy = Checker.withoutCalmAnalysis().run(new SourceFile("t.calm", text)).checked().orElseThrow();
    CheckedProgram eager = check(text).checked().orElseThrow();
    assertEquals(eager.calmReport().outputs(), lazy.calmReport().outputs());
    assertEquals(1, lazy.calmReport().points().size());
  }
}

package calm.analysis.calm;

import static calm.analysis.calm.EdgeLabel.A;
import static calm.analysis.calm.EdgeLabel.D;
import static calm.analysis.calm.EdgeLabel.M;
import static calm.analysis.calm.EdgeLabel.N;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bud's label composition and the shared point sets behind the verdicts. */
class LabelsAndSetsTest {

  @Test
  void labelsComposeAsInBud() {
    assertEquals(List.of(M), EdgeLabel.compose(List.of()));
    assertEquals(List.of(M), EdgeLabel.compose(List.of(M, M)));
    assertEquals(List.of(A), EdgeLabel.compose(List.of(M, A, M, A)));
    assertEquals(List.of(D), EdgeLabel.compose(List.of(A, M, N)), "async then non-monotone diverges");
    assertEquals(List.of(N, A), EdgeLabel.compose(List.of(N, A)), "non-monotone then async does not reduce");
    assertEquals(List.of(D), EdgeLabel.compose(List.of(D, A, N, M)), "D absorbs what follows");
    assertEquals(List.of(N, D), EdgeLabel.compose(List.of(N, A, N)));
  }
}

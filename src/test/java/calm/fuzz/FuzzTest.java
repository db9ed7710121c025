package calm.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 2,000 fuzzed inputs through every command (fixed seed; -Dcalm.fuzz.inputs=N for more), on one
 * lane per core; bench/fuzz.sh runs 100,000. A failure names the input's index, which with the seed
 * makes it again ({@link FuzzInputs#forInput}).
 */
class FuzzTest {
  static final int INPUTS = Integer.getInteger("calm.fuzz.inputs", 2_000);
  static final long SEED = 20;

  @TempDir Path work;

  @Test
  void noInputCrashesHangsOrEscapes() throws Exception {
    FuzzCampaign.Result result =
        FuzzCampaign.run(Path.of("."), SEED, INPUTS, 20_000, work, Optional.empty(), 10, FuzzCampaign.lanes());
    assertTrue(result.findings().isEmpty(), () -> result.findings().stream()
        .map(f -> f.kind() + " in calm " + f.command() + "\n" + f.detail())
        .collect(Collectors.joining("\n\n")));
    assertEquals(INPUTS, result.inputs());
  }
}

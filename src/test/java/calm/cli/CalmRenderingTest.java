package calm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import calm.analysis.FileReport;
import calm.analysis.calm.PointStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Coordination points and verdicts in every format, and their effect on the exit status. */
class CalmRenderingTest {
  @Test
  void anOpenPointFailsTheCheckAndAnAcknowledgedOneDoesNot() {
    assertEquals(
        1, CheckCommand.exitStatus(Tally.of(List.of(ReportFixtures.withPoint(PointStatus.UNACKNOWLEDGED))), false, false, -1));
    assertEquals(
        0, CheckCommand.exitStatus(Tally.of(List.of(ReportFixtures.withPoint(PointStatus.ACKNOWLEDGED))), false, false, -1));
    assertEquals(
        0, CheckCommand.exitStatus(Tally.of(List.of(ReportFixtures.withPoint(PointStatus.SEALED))), false, false, -1));
    assertEquals(
        2, CheckCommand.exitStatus(Tally.of(List.of(ReportFixtures.withPoint(PointStatus.SEALED))), true, false, -1));
  }

  @Test
  void jsonListsPointsAndVerdictsAsSection10Says() throws Exception {
    String json = new JsonRenderer(false).render(List.of(ReportFixtures.withPoint(PointStatus.UNACKNOWLEDGED)));
    JsonNode file = JsonTrees.MAPPER.readTree(json).get("files").get(0);
    JsonNode point = file.get("coordinationPoints").get(0);
    assertEquals(5, point.get("line").asInt());
    assertEquals(1, point.get("column").asInt());
    assertEquals("[\"aggregation\",\"race\"]", point.get("kinds").toString());
    assertEquals("unacknowledged", point.get("status").asText());
    assertEquals("[\"client_action\",\"action_log\",\"item_count\"]", point.get("path").toString());
    assertEquals("client_action", point.get("lastAsyncEdge").get("from").asText());
    assertEquals("action_log", point.get("lastAsyncEdge").get("to").asText());
    JsonNode output = file.get("outputs").get(0);
    assertEquals("item_count", output.get("relation").asText());
    assertEquals("needs-coordination", output.get("verdict").asText());
    assertEquals("[5]", output.get("pointLines").toString());
  }

  @Test
  void textShowsPointsAndVerdictsAndCountsOpenPoints() {
    FileReport report = ReportFixtures.withPoint(PointStatus.UNACKNOWLEDGED);
    String text = new TextRenderer(Palette.NONE, false).render(List.of(report));
    assertTrue(text.contains("examples/cart.calm:5:1: coordination point[C001] (aggregation, race): unacknowledged"), text);
    assertTrue(text.contains("path: client_action -> action_log -> item_count"), text);
    assertTrue(text.contains("last asynchronous edge: client_action -> action_log"), text);
    assertTrue(text.contains("output 'item_count': needs coordination (coordination points at line 5)"), text);
    assertTrue(text.endsWith("1 file checked: 0 errors, 0 warnings, 1 unacknowledged coordination point\n"), text);
    String quietAcknowledged =
        new TextRenderer(Palette.NONE, true).render(List.of(ReportFixtures.withPoint(PointStatus.ACKNOWLEDGED)));
    assertFalse(quietAcknowledged.contains("coordination point["), quietAcknowledged);
  }
}

package calm.eval.explore;

import calm.analysis.CheckedProgram;
import calm.analysis.calm.CoordinationPoint;
import calm.analysis.calm.PointKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules the analysis calls snapshot points (§11), by head relation: what the explorer watches to
 * show two schedules in which a snapshot read a different value. One entry per head (the first rule).
 */
record SnapshotReads(String relation, int line) {
  static List<SnapshotReads> of(CheckedProgram program) {
    if (!program.schema().hasLatticeTables()) {
      return List.of();
    }
    Map<String, SnapshotReads> heads = new LinkedHashMap<>();
    for (CoordinationPoint p : program.calmReport().points()) {
      if (p.kinds().contains(PointKind.SNAPSHOT)) {
        String head = p.rule().head().atom().relation().text();
        heads.putIfAbsent(head, new SnapshotReads(head, p.rule().span().line()));
      }
    }
    return new ArrayList<>(heads.values());
  }
}

import calm.syntax.ParseResult;
import calm.syntax.Parsing;
import calm.syntax.SourceFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold parse of a file, as `calm check` does it first (docs/benchmarks.md, "Parsing, 2026-12-07,
 * fifth round"): wall time, the process's CPU time (both parse threads, the compiler, the collector)
 * and the bytes the parse allocated. Give it a young generation larger than what the parse allocates
 * (-Xmn2g for 100,000 rules), so that no collection runs and the growth of the heap is the allocation:
 *
 *   java -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmn2g [-XX:+UseTransparentHugePages] \
 *     -cp target/calm.jar bench/ParseHarness.java bench/out/check-100000.calm
 */
public class ParseHarness {
  public static void main(String[] args) throws Exception {
    String text = Files.readString(Path.of(args[0]));
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    var memory = ManagementFactory.getMemoryMXBean();
    long collections = collections();
    long heap = memory.getHeapMemoryUsage().getUsed();
    long cpu = os.getProcessCpuTime();
    long wall = System.nanoTime();
    ParseResult parsed = Parsing.parse(new SourceFile(args[0], text));
    wall = System.nanoTime() - wall;
    cpu = os.getProcessCpuTime() - cpu;
    long allocated = memory.getHeapMemoryUsage().getUsed() - heap;
    int items = parsed.program().orElseThrow().items().size();
    System.out.printf(
        "%d items: wall %.0f ms, process CPU %.0f ms, allocated %s%n",
        items,
        wall / 1e6,
        cpu / 1e6,
        collections() == collections ? (allocated >> 20) + " MB" : "unknown (a collection ran; give it a larger -Xmn)");
  }

  private static long collections() {
    long count = 0;
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += gc.getCollectionCount();
    }
    return count;
  }
}

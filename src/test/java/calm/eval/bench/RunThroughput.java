package calm.eval.bench;

import calm.eval.CompiledProgram;
import calm.eval.Delivery;
import calm.eval.DeliveryPolicy;
import calm.eval.Envelope;
import calm.eval.GroundFact;
import calm.eval.OutputHistory;
import calm.eval.Run;
import calm.eval.RunLimits;
import calm.eval.Scenario;
import calm.eval.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How many runs per second the engine manages on a small distributed program (the explorer's load):
 * a 3-node shopping cart with 20 client actions, random delays and duplicates. Not a unit test; run by
 * bench/run-throughput.sh.
 */
public final class RunThroughput {
  static final String CART = """
      input action(client: string, session: string, item: string, n: int).
      input checkout(client: string, session: string).
      channel action_msg(@server: string, session: string, item: string, n: int).
      channel checkout_msg(@server: string, session: string, client: string).
      channel response(@client: string, session: string, item: string, n: int).
      table action_log(session: string, item: string, n: int).
      table checked_out(session: string, client: string).
      scratch item_sum(session: string, item: string, total: int).
      output table client_response(session: string, item: string, n: int).
      action_msg("server", S, I, N)@async :- action(_, S, I, N).
      checkout_msg("server", S, C)@async :- checkout(C, S).
      action_log(S, I, N) :- action_msg(_, S, I, N).
      checked_out(S, C) :- checkout_msg(_, S, C).
      item_sum(S, I, sum(N)) :- action_log(S, I, N).
      response(C, S, I, T)@async :- checkout_msg(_, S, C), item_sum(S, I, T), T > 0.
      client_response(S, I, T) :- response(_, S, I, T).
      """;

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    CompiledProgram program = calm.eval.Checked.compile("cart.calm", CART);
    Scenario scenario = Scenario.empty().addNode("server").addNode("c1").addNode("c2");
    String[] items = {"milk", "eggs", "jam", "tea", "bread"};
    Random setup = new Random(7);
    for (int a = 0; a < 20; a++) {
      String client = a % 2 == 0 ? "c1" : "c2";
      scenario.addInput(client, new GroundFact("action",
          List.of(client, "s" + (a % 2), items[setup.nextInt(items.length)], (long) (1 + setup.nextInt(3)))),
          Scenario.ANY_TICK);
    }
    scenario.addInput("c1", new GroundFact("checkout", List.of("c1", "s0")), Scenario.ANY_TICK);
    scenario.addInput("c2", new GroundFact("checkout", List.of("c2", "s1")), Scenario.ANY_TICK);
    World world = World.of(program, scenario, Map.of());
    long ticks = 0;
    long facts = 0;
    for (int warm = 0; warm < 2; warm++) {
      long start = System.nanoTime();
      for (int seed = 0; seed < runs; seed++) {
        Random random = new Random(seed);
        DeliveryPolicy policy = (tick, pending) -> {
          List<Delivery> now = new ArrayList<>();
          for (Envelope e : pending) {
            int roll = random.nextInt(4);
            if (roll == 0) {
              now.add(new Delivery(e, random.nextInt(8) == 0)); // sometimes a duplicate
            }
          }
          java.util.Collections.shuffle(now, random);
          return now;
        };
        OutputHistory history = new OutputHistory();
        Run run = new Run(program, world, RunLimits.defaults(), policy, history);
        ticks += run.runToQuiescence();
        facts += history.last("c1", "client_response").size();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("%s: %d runs in %.2f s = %.0f runs/s (%.1f ticks/run, %d facts)%n",
          warm == 0 ? "cold" : "warm", runs, seconds, runs / seconds, ticks / (double) runs, facts);
      ticks = 0;
    }
  }
}

package callstats.lake.jobs.simulate;

import java.util.SplittableRandom;

/**
 * Generates the calls of a simulated day one at a time, each from its own seed: the same call index gives the same
 * call (lines and truth) in whichever task and order it is generated. A background pre-call test may follow a
 * call's lines.
 */
final class DayGenerator {

  private final SimulateSettings settings;
  private final CallPlanner planner;

  DayGenerator(SimulateSettings settings) {
    this.settings = settings;
    this.planner = new CallPlanner(settings.profile(), settings.seed(), settings.date(), settings.calls(),
        settings.apps());
  }

  /**
   * Plans and simulates call {@code callIndex}, writing its lines to {@code sink} (null: compute the truth only,
   * which gives the same truth).
   */
  CallTruth call(long callIndex, LineSink sink) {
    int app = planner.appOf(callIndex);
    long seed = planner.callSeed(app, callIndex);
    SplittableRandom rng = new SplittableRandom(seed);
    DirtInjector dirt = new DirtInjector(settings.dirt(), settings.profile().dirtMix(), Seeds.of(seed, 0xD127L));
    CallPlan plan = planner.plan(callIndex, rng, dirt);
    LineEmitter emitter = new LineEmitter(sink, dirt);
    CallTruth truth = new CallSimulator(plan, emitter, dirt, rng).run();
    CallPlanner.BackgroundTest test = planner.backgroundTest(callIndex);
    if (test != null) {
      CallSimulator.backgroundTest(emitter, test);
    }
    return truth;
  }
}

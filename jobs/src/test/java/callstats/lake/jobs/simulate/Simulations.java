package callstats.lake.jobs.simulate;

import callstats.lake.config.LakeConfig;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test helpers: settings from the built-in defaults, and days generated in memory. */
final class Simulations {

  static final LocalDate DATE = LocalDate.parse("2026-11-20");

  private Simulations() {}

  static SimulatorProfile profile(Map<String, String> overrides) {
    LakeConfig config = LakeConfig.forLocations("/tmp/sim-test-lake", "/tmp/sim-test-lake/landing", overrides);
    return config.read("simulate", SimulatorProfile::from);
  }

  static SimulateSettings settings(long calls, long seed, double dirt) {
    return settings(calls, seed, dirt, Map.of());
  }

  static SimulateSettings settings(long calls, long seed, double dirt, Map<String, String> overrides) {
    return new SimulateSettings(DATE, calls, 3, seed, dirt, Dialect.CALLSTATS, "file:/tmp/sim-test-lake/landing",
        "file:/tmp/sim-test-lake/simulator/truth", profile(overrides));
  }

  /** A generated day held in memory. */
  record Day(List<CallTruth> calls, MemorySink sink) {}

  static Day generate(SimulateSettings settings, boolean lines) {
    DayGenerator generator = new DayGenerator(settings);
    MemorySink sink = lines ? new MemorySink() : null;
    List<CallTruth> truths = new ArrayList<>();
    for (long i = 0; i < settings.calls(); i++) {
      truths.add(generator.call(i, sink));
    }
    return new Day(truths, sink);
  }
}

package callstats.lake.jobs.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import callstats.lake.config.ConfigError;
import callstats.lake.table.truth.Truth;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A test-sized day without Spark: files in the landing layout, truth rows in memory, same bytes on every run. */
class LocalSimulationTest {

  @TempDir
  Path dir;

  private SimulateSettings settings(long seed) {
    return new SimulateSettings(Simulations.DATE, 20, 2, seed, 0.02, Dialect.CALLSTATS, "file:" + dir.resolve("landing"),
        "file:" + dir.resolve("truth"), Simulations.profile(Map.of("simulate.calls-per-partition", "8")));
  }

  @Test
  void writesTheDayAndKeepsItsTruth() throws Exception {
    LocalSimulation day = LocalSimulation.run(settings(3));
    Map<String, List<String>> files = SimulateJobTest.readLanding(dir.resolve("landing"));
    assertThat(files.keySet()).allMatch(f -> f.matches(
        "callstats/date=2026-11-2\\d/hour=\\d\\d/sim-2026-11-20-0000[0-2]\\.jsonl\\.gz"));
    assertThat(day.rows(Truth.CALLS)).hasSize(20);
    long truthLines = day.rows(Truth.LANDING_LINES).stream().mapToLong(r -> r.getLong(r.fieldIndex("lines"))).sum();
    assertThat(files.values().stream().mapToLong(List::size).sum()).isEqualTo(truthLines);
    Row call = day.rows(Truth.CALLS).get(0);
    assertThat(call.schema()).isEqualTo(Truth.CALLS.schema());
    assertThatThrownBy(() -> day.rows(Truth.APP_DAYS)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRerunWritesTheSameFiles() throws Exception {
    LocalSimulation.run(settings(3));
    Map<String, List<String>> first = SimulateJobTest.readLanding(dir.resolve("landing"));
    LocalSimulation.run(settings(3));
    assertThat(SimulateJobTest.readLanding(dir.resolve("landing"))).isEqualTo(first);
    LocalSimulation.run(settings(4));
    assertThat(SimulateJobTest.readLanding(dir.resolve("landing"))).isNotEqualTo(first);
  }

  @Test
  void settingsStateTheRuleAndTheBadValue() {
    assertThatThrownBy(() -> new SimulateSettings(Simulations.DATE, 0, 2, 1, 0, Dialect.CALLSTATS, "file:/a/landing",
        "file:/a/truth", Simulations.profile(Map.of())))
        .isInstanceOf(ConfigError.class).hasMessageContaining("--calls").hasMessageContaining("0");
    assertThatThrownBy(() -> new SimulateSettings(Simulations.DATE, 5, 2, 1, 0.7, Dialect.CALLSTATS, "file:/a/landing",
        "file:/a/truth", Simulations.profile(Map.of())))
        .isInstanceOf(ConfigError.class).hasMessageContaining("--dirt").hasMessageContaining("0.7");
    assertThatThrownBy(() -> new SimulateSettings(Simulations.DATE, 5, 2, 1, 0, Dialect.CALLSTATS, "file:/a/landing",
        "file:/a/landing/truth", Simulations.profile(Map.of())))
        .isInstanceOf(ConfigError.class).hasMessageContaining("not inside");
    assertThatThrownBy(() -> Dialect.parse("rtcstats")).isInstanceOf(ConfigError.class)
        .hasMessageContaining("not generated yet");
    assertThatThrownBy(() -> Simulations.profile(Map.of("simulate.impairments.cpu", "1.5")))
        .isInstanceOf(ConfigError.class).hasMessageContaining("cpu").hasMessageContaining("1.5");
  }

  @Test
  void userIdsAreDistinctAndNumbersArePlain() throws Exception {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < 5_000; i++) {
      ids.add(EndpointCatalogue.userId(i));
    }
    assertThat(ids).hasSize(5_000);
    var out = new java.io.ByteArrayOutputStream();
    var gen = new com.fasterxml.jackson.core.JsonFactory().createGenerator(out);
    gen.writeStartObject();
    new JsonOut(gen).num("small", 0.0002, 4).num("big", 12_345_678.5, 1).num("whole", 972.4, 0)
        .millis("ts", 1_795_165_378_083L, 4);
    gen.writeEndObject();
    gen.close();
    assertThat(out.toString()).isEqualTo("{\"small\":0.0002,\"big\":12345678.5,\"whole\":972,\"ts\":1795165378083.004}");
  }
}

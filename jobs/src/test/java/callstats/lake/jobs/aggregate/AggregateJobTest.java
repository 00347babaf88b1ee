package callstats.lake.jobs.aggregate;

import static callstats.lake.jobs.testing.Landing.at;
import static callstats.lake.jobs.testing.Landing.body;
import static callstats.lake.jobs.testing.Landing.inboundAudio;
import static callstats.lake.jobs.testing.Landing.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import callstats.lake.config.LakeConfig;
import callstats.lake.ingest.IngestSettings;
import callstats.lake.jobs.normalise.NormaliseJob;
import callstats.lake.jobs.summarise.SummariseJob;
import callstats.lake.jobs.testing.Landing;
import callstats.lake.jobs.testing.Tables;
import callstats.lake.metrics.sketch.QuantileSketch;
import callstats.lake.table.TableSpec;
import callstats.lake.table.gold.Gold;
import callstats.lake.testing.TestLake;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two days of calls with known outcomes, aggregated per day and rolled up per week and month: daily
 * counts equal the calls written, rollups equal the sums of the days, sketch percentiles equal those of
 * one sketch over all the values.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AggregateJobTest {

  /** A Tuesday and a Wednesday of the same ISO week and month. */
  private static final LocalDate DAY1 = LocalDate.of(2026, 11, 17);
  private static final LocalDate DAY2 = DAY1.plusDays(1);
  private static final String APP = "app-agg";

  private SparkSession spark;
  private LakeConfig config;
  private final Map<TableSpec, List<String>> afterRun = new HashMap<>();

  @BeforeAll
  void run(@TempDir Path dir) {
    spark = TestLake.spark();
    Landing landing = new Landing(dir.resolve("landing"));
    config = TestLake.config(dir.resolve("lake"), landing.root());
    IngestSettings settings = IngestSettings.forTests(TestLake.HASH_KEY, List.of());
    List<String> day1 = new ArrayList<>();
    day1.addAll(call(DAY1, "call-a", 10, 60, "alice", "bob"));
    day1.addAll(failedCall(DAY1, "call-b", "carol"));
    landing.write(DAY1, 10, "d1.jsonl", day1);
    landing.write(DAY2, 10, "d2.jsonl", call(DAY2, "call-c", 10, 120, "alice", "dave"));
    for (LocalDate d : List.of(DAY1, DAY2)) {
      NormaliseJob.run(spark, config, settings, d);
      SummariseJob.run(spark, config, d);
      AggregateJob.run(spark, config, d);
    }
    for (TableSpec t : Gold.AGGREGATES) {
      afterRun.put(t, Tables.contents(spark, config.lake(), t));
    }
  }

  /** A call of users who join at hh:00 and leave after {@code seconds}; each receives audio from the next. */
  private static List<String> call(LocalDate day, String conf, int hour, int seconds, String... users) {
    List<String> lines = new ArrayList<>();
    long start = at(day, hour, 0);
    for (int u = 0; u < users.length; u++) {
      String user = users[u];
      String uc = conf + "-" + user;
      lines.add(line(APP, conf, uc, "userJoined", start + 50, body(user, start).set("endpointInfo",
          Landing.JSON.createObjectNode().put("type", "peer").put("buildName", u == 0 ? "Chrome" : "Safari")
              .put("buildVersion", "120.1").put("os", "macOS"))));
      lines.add(line(APP, conf, uc, "events/fabric/setup", start + 1_050,
          body(user, start + 1_000).put("connectionID", "pc-" + user).put("delay", 500 + 100 * u)));
      for (int i = 0; i * 10 <= seconds; i++) {
        long ts = start + 10_000L * i;
        lines.add(line(APP, conf, uc, "stats", ts + 30,
            inboundAudio(user, ts, "pc-" + user, 1000 + u, 500L * i, i, 40_000L * i)));
      }
      lines.add(line(APP, conf, uc, "events/user/left", start + seconds * 1000L + 30,
          body(user, start + seconds * 1000L)));
    }
    return lines;
  }

  private static List<String> failedCall(LocalDate day, String conf, String user) {
    long t = at(day, 12, 0);
    return List.of(
        line(APP, conf, conf + "-" + user, "userJoined", t + 10, body(user, t)),
        line(APP, conf, conf + "-" + user, "events/fabric/setupfailed", t + 3_010,
            body(user, t + 3_000).put("connectionID", "pc-x").put("reason", "TransportFailure")));
  }

  private Row row(TableSpec t, String where) {
    List<Row> rows = Tables.read(spark, config.lake(), t).where(where).collectAsList();
    assertThat(rows).as(t.qualifiedName() + " where " + where).hasSize(1);
    return rows.get(0);
  }

  @Test
  void dailyCountsAreTheCallsOfTheDay() {
    Row d1 = row(Gold.DAILY_SERVICE, "period_start = '" + DAY1 + "'");
    assertThat(d1.<Long>getAs("calls")).isEqualTo(2L);
    assertThat(d1.<Long>getAs("calls_successful")).isEqualTo(1L);
    assertThat(d1.<Long>getAs("calls_failed")).isEqualTo(1L);
    assertThat(d1.<Double>getAs("failure_rate_pct")).isEqualTo(50.0);
    assertThat(d1.<Long>getAs("participants")).isEqualTo(3L);
    assertThat(d1.<Long>getAs("distinct_users")).isEqualTo(3L);
    // alice and bob for 60 s each, carol from join to her last record (3 s)
    assertThat(d1.<Double>getAs("participant_minutes")).isCloseTo(2.05, within(1e-6));
    assertThat(d1.<Long>getAs("connections")).isEqualTo(3L);
    assertThat(d1.<Long>getAs("connections_failed")).isEqualTo(1L);
    Map<String, Long> issues = d1.getJavaMap(d1.fieldIndex("issue_counts"));
    assertThat(issues).containsEntry("setup_failure", 1L);
    Row d2 = row(Gold.DAILY_SERVICE, "period_start = '" + DAY2 + "'");
    assertThat(d2.<Long>getAs("calls")).isEqualTo(1L);
    assertThat(d2.<Double>getAs("call_duration_sum_s")).isEqualTo(120.0);
  }

  @Test
  void weekAndMonthAddUpTheDays() {
    for (TableSpec t : List.of(Gold.WEEKLY_SERVICE, Gold.MONTHLY_SERVICE)) {
      Row r = Tables.read(spark, config.lake(), t).collectAsList().get(0);
      assertThat(r.<Long>getAs("days")).isEqualTo(2L);
      assertThat(r.<Long>getAs("calls")).isEqualTo(3L);
      assertThat(r.<Long>getAs("calls_successful")).isEqualTo(2L);
      assertThat(r.<Long>getAs("participants")).isEqualTo(5L);
      // alice, bob, carol, dave: the HLL sketch is exact at this size
      assertThat(r.<Long>getAs("distinct_users")).isEqualTo(4L);
      assertThat(r.<Double>getAs("success_rate_pct")).isCloseTo(100.0 * 2 / 3, within(1e-6));
    }
    assertThat(row(Gold.WEEKLY_SERVICE, "true").<java.sql.Date>getAs("period_start").toString()).isEqualTo("2026-11-16");
    assertThat(row(Gold.MONTHLY_SERVICE, "true").<java.sql.Date>getAs("period_start").toString()).isEqualTo("2026-11-01");
  }

  @Test
  void rolledUpPercentilesComeFromMergedSketchesNotAverages() {
    List<Double> durations = Tables.read(spark, config.lake(), Gold.CALL_SUMMARY).collectAsList().stream()
        .map(r -> r.<Double>getAs("duration_s")).toList();
    QuantileSketch direct = QuantileSketch.of(durations);
    Row week = row(Gold.WEEKLY_SERVICE, "true");
    assertThat(week.<Double>getAs("call_duration_p95_s")).isEqualTo(direct.quantile(0.95));
    assertThat(week.<Double>getAs("call_duration_p50_s")).isEqualTo(direct.quantile(0.5));
    // durations 3, 60 and 120 s; DDSketch's p95 is the value of rank floor(0.95 x (n - 1)) = 1: 60 s, within 1 %
    List<Double> sorted = durations.stream().sorted().toList();
    double exact = sorted.get((int) Math.floor(0.95 * (sorted.size() - 1)));
    assertThat(week.<Double>getAs("call_duration_p95_s")).isCloseTo(exact, within(exact * 0.01));
  }

  @Test
  void breakdownSplitsSessionsBySegment() {
    Row chrome = row(Gold.DAILY_BREAKDOWN, "day = '" + DAY1 + "' AND dimension = 'browser' AND value = 'Chrome'");
    assertThat(chrome.<Long>getAs("participants")).isEqualTo(1L);
    Row safari = row(Gold.DAILY_BREAKDOWN, "day = '" + DAY1 + "' AND dimension = 'browser' AND value = 'Safari'");
    assertThat(safari.<Long>getAs("participants")).isEqualTo(1L);
    Row unknown = row(Gold.DAILY_BREAKDOWN, "day = '" + DAY1 + "' AND dimension = 'browser' AND value = 'unknown'");
    assertThat(unknown.<Double>getAs("failed_pct")).isEqualTo(100.0);
  }

  @Test
  void rerunningADayChangesNothing() {
    AggregateJob.run(spark, config, DAY1);
    AggregateJob.run(spark, config, DAY2);
    for (TableSpec t : Gold.AGGREGATES) {
      assertThat(Tables.contents(spark, config.lake(), t)).as(t.qualifiedName()).isEqualTo(afterRun.get(t));
    }
  }
}

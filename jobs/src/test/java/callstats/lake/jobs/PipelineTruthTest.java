package callstats.lake.jobs;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import callstats.lake.config.LakeConfig;
import callstats.lake.ingest.IngestSettings;
import callstats.lake.jobs.aggregate.AggregateJob;
import callstats.lake.jobs.normalise.NormaliseJob;
import callstats.lake.jobs.simulate.Dialect;
import callstats.lake.jobs.simulate.LocalSimulation;
import callstats.lake.jobs.simulate.SimulateSettings;
import callstats.lake.jobs.simulate.SimulatorProfile;
import callstats.lake.jobs.summarise.SummariseJob;
import callstats.lake.table.DeltaTables;
import callstats.lake.table.gold.Gold;
import callstats.lake.table.silver.Silver;
import callstats.lake.table.truth.Truth;
import callstats.lake.testing.TestLake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline against the simulator's ground truth: a clean simulated day (no dirt) through normalise, summarise
 * and aggregate of every date its lines landed on must give back, per call, the outcome and counts the simulator
 * planned; per stream leg, exactly the packets, bytes, losses and freezes the endpoints reported; per app, the
 * service-level totals of truth.app_days.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineTruthTest {

  private static final LocalDate D = LocalDate.of(2026, 11, 18);
  private static final long CALLS = 30;

  private SparkSession spark;
  private LakeConfig config;
  private LocalSimulation truth;

  @BeforeAll
  void run(@TempDir Path dir) throws Exception {
    spark = TestLake.spark();
    Path landing = dir.resolve("landing");
    // more failures, drops and retries than the default profile, so that a small day has every outcome
    config = TestLake.config(dir.resolve("lake").toUri().toString(), landing.toUri().toString(),
        Map.of("simulate.failures.failed-call", "0.12", "simulate.failures.partially-failed-call", "0.12",
            "simulate.failures.dropped-call", "0.12", "simulate.failures.setup-retry", "0.15",
            "simulate.recovered-drop-rate", "0.1"));
    SimulatorProfile profile = SimulatorProfile.load(config, null);
    truth = LocalSimulation.run(new SimulateSettings(D, CALLS, 3, 7, 0.0, Dialect.CALLSTATS,
        landing.toUri().toString(), dir.resolve("truth").toUri().toString(), profile));
    IngestSettings ingest = IngestSettings.forTests(TestLake.HASH_KEY, List.of());
    for (LocalDate d = D; !d.isAfter(D.plusDays(4)); d = d.plusDays(1)) {
      if (Files.exists(landing.resolve("callstats").resolve("date=" + d))) {
        NormaliseJob.run(spark, config, ingest, d);
        SummariseJob.run(spark, config, d);
      }
    }
    AggregateJob.run(spark, config, D);
  }

  private Dataset<Row> gold(callstats.lake.table.TableSpec spec) {
    return DeltaTables.readOrEmpty(spark, spec, config.lake());
  }

  @Test
  void everyLandedLineIsAcceptedWhenTheDayIsClean() {
    long written = truth.table(spark, Truth.LANDING_LINES).agg(org.apache.spark.sql.functions.sum("lines"))
        .first().getLong(0);
    long quarantined = gold(Silver.QUARANTINE).count();
    assertThat(written).isGreaterThan(5_000);
    assertThat(quarantined).isZero();
  }

  @Test
  void everyCallHasItsPlannedOutcomeAndCounts() {
    Dataset<Row> t = truth.table(spark, Truth.CALLS).alias("t");
    Dataset<Row> g = gold(Gold.CALL_SUMMARY).alias("g");
    Dataset<Row> joined = t.join(g, col("t.app_id").equalTo(col("g.app_id"))
        .and(col("t.conf_id").equalTo(col("g.conf_id"))), "full_outer");
    assertThat(joined.count()).isEqualTo(CALLS);
    assertThat(mismatches(joined, col("t.outcome"), col("g.outcome"))).isEmpty();
    assertThat(mismatches(joined, col("t.participants"), col("g.participants"))).isEmpty();
    assertThat(mismatches(joined, col("t.failed_connections"), col("g.connections_failed"))).isEmpty();
    assertThat(mismatches(joined, col("t.dropped_connections"), col("g.connections_dropped"))).isEmpty();
    assertThat(mismatches(joined, lit(D), col("g.call_date"))).isEmpty();
    List<String> outcomes = t.select("outcome").distinct().orderBy("outcome").collectAsList().stream()
        .map(r -> r.getString(0)).toList();
    assertThat(outcomes).as("the day exercises more than the happy path").contains("successful")
        .hasSizeGreaterThan(1);
  }

  @Test
  void receivedStreamsHaveExactlyTheReportedTotals() {
    Dataset<Row> t = truth.table(spark, Truth.STREAMS).where(col("leg").notEqual("to_sfu")).alias("t");
    Dataset<Row> g = gold(Gold.STREAM_SUMMARY).where(col("direction").equalTo("inbound")).alias("g");
    Dataset<Row> joined = t.join(g, col("t.receiver_connection_id").equalTo(col("g.connection_id"))
        .and(col("t.ssrc").equalTo(col("g.ssrc"))), "left");
    long legs = t.count();
    assertThat(legs).isGreaterThan(100);
    assertThat(joined.count()).isEqualTo(legs);
    assertThat(mismatches(joined, col("t.packets_received"), col("g.packets"))).isEmpty();
    assertThat(mismatches(joined, col("t.bytes_received"), col("g.bytes"))).isEmpty();
    assertThat(mismatches(joined, col("t.packets_lost"), col("g.packets_lost"))).isEmpty();
    Dataset<Row> video = joined.where(col("t.kind").equalTo("video"));
    assertThat(mismatches(video, col("t.freeze_count"), col("g.freeze_count"))).isEmpty();
    assertThat(video.where(abs(col("t.freeze_s").minus(col("g.freeze_s"))).gt(1e-6)).count()).isZero();
    assertThat(joined.where(abs(col("t.realised_loss_pct").minus(col("g.loss_pct"))).gt(1e-9)).count()).isZero();
    assertThat(joined.where(col("t.packets_lost").gt(0)).count()).as("some legs lost packets").isPositive();
  }

  /**
   * The loss the simulator injected is recovered: on every leg with 2,000 packets or more, the loss the job
   * reports is within four binomial standard deviations (plus 0.2 points for bursts) of the injected loss rate.
   */
  @Test
  void injectedLossIsRecoveredWithinItsSamplingError() {
    Dataset<Row> t = truth.table(spark, Truth.STREAMS).where(col("leg").notEqual("to_sfu")).alias("t");
    Dataset<Row> g = gold(Gold.STREAM_SUMMARY).where(col("direction").equalTo("inbound")).alias("g");
    Dataset<Row> legs = t.join(g, col("t.receiver_connection_id").equalTo(col("g.connection_id"))
        .and(col("t.ssrc").equalTo(col("g.ssrc")))).where(col("g.packets").plus(col("g.packets_lost")).geq(2000));
    Column p = org.apache.spark.sql.functions.greatest(col("t.injected_loss_pct"), lit(0.5)).divide(100);
    Column sd = org.apache.spark.sql.functions.sqrt(p.multiply(lit(1).minus(p))
        .divide(col("g.packets").plus(col("g.packets_lost")))).multiply(100);
    Column outside = abs(col("t.injected_loss_pct").minus(col("g.loss_pct"))).gt(sd.multiply(4).plus(0.2));
    assertThat(legs.where(col("t.injected_loss_pct").gt(2)).count()).as("legs with injected loss").isPositive();
    assertThat(legs.where(outside).select("t.injected_loss_pct", "g.loss_pct", "g.packets").collectAsList())
        .isEmpty();
  }

  @Test
  void dailyServiceAndParticipantsAddUpToTheTruth() {
    Dataset<Row> t = truth.table(spark, Truth.APP_DAYS).alias("t");
    Dataset<Row> g = gold(Gold.DAILY_SERVICE).where(col("period_start").equalTo(lit(D))).alias("g");
    Dataset<Row> joined = t.join(g, col("t.app_id").equalTo(col("g.app_id")), "full_outer");
    assertThat(joined.count()).isEqualTo(3);
    for (String c : List.of("calls", "calls_successful", "calls_partially_failed", "calls_failed", "calls_dropped",
        "participants", "distinct_users")) {
      assertThat(mismatches(joined, col("t." + c), col("g." + c))).as(c).isEmpty();
    }
    Dataset<Row> p = truth.table(spark, Truth.PARTICIPANTS).alias("t")
        .join(gold(Gold.PARTICIPANT_SUMMARY).alias("g"), "uc_id");
    assertThat(mismatches(p, col("t.relayed"), col("g.relay_used"))).isEmpty();
    // (gold's rejoins counts re-established connections, churn; the truth's counts presence segments: not compared)
    // one presence segment: exactly the truth; several (rejoins, drops): gold spans first join to last leave,
    // gaps included, so it is at least the truth's sum of the segments
    Column single = col("t.segments").equalTo(1).and(col("t.drops").equalTo(0));
    assertThat(p.where(single).count()).isGreaterThan(p.count() / 2);
    assertThat(p.where(single.and(abs(col("t.time_in_call_s").minus(col("g.time_in_call_s"))).gt(0.01)))
        .select("uc_id", "t.time_in_call_s", "g.time_in_call_s").collectAsList()).isEmpty();
    assertThat(p.where(col("g.time_in_call_s").lt(col("t.time_in_call_s").minus(0.01)))
        .select("uc_id", "t.time_in_call_s", "g.time_in_call_s").collectAsList()).isEmpty();
    assertThat(joined.where(col("g.participant_minutes").lt(col("t.participant_minutes").minus(0.01))
        .or(col("g.participant_minutes").gt(col("t.participant_minutes").multiply(1.02)))).count())
        .as("participant minutes: at least the truth's, at most 2 % more (gaps of rejoins)").isZero();
  }

  /** Rows where the truth and the job's value differ (null-safe), as text for the failure message. */
  private static List<String> mismatches(Dataset<Row> joined, Column expected, Column actual) {
    return joined.where(expected.eqNullSafe(actual).unary_$bang()).select(expected, actual).collectAsList().stream()
        .map(Row::toString).toList();
  }
}

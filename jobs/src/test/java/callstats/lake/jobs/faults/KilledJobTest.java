package callstats.lake.jobs.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import callstats.lake.config.LakeConfig;
import callstats.lake.ingest.IngestSettings;
import callstats.lake.jobs.aggregate.AggregateJob;
import callstats.lake.jobs.normalise.NormaliseJob;
import callstats.lake.jobs.simulate.Dialect;
import callstats.lake.jobs.simulate.LocalSimulation;
import callstats.lake.jobs.simulate.SimulateSettings;
import callstats.lake.jobs.simulate.SimulatorProfile;
import callstats.lake.jobs.summarise.SummariseJob;
import callstats.lake.jobs.testing.Tables;
import callstats.lake.table.DeltaTables;
import callstats.lake.table.TableSpec;
import callstats.lake.table.gold.Gold;
import callstats.lake.table.gold.RtcstatsFeatureTables;
import callstats.lake.table.silver.Silver;
import callstats.lake.testing.TestLake;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kill -9} of the driver of normalise, summarise and aggregate, in a JVM of its own, at moments seen from
 * outside in the lake's files: while a table's files are written but not committed, and right after a table's
 * commit (between two tables). After each kill every table the job writes is either as it was before the run or
 * as an uninterrupted run leaves it (no partial commit is visible); a re-run then gives, row for row, the tables
 * of an uninterrupted run of the same landing day into another lake.
 *
 * <p>The kills are chained on one lake (normalise, then summarise, then aggregate). Cost: four simulated calls,
 * four child JVMs of 15-25 s each, one reference run and three re-runs in the test session: about three minutes
 * on two cores, most of it Spark and Delta work that does not shrink with the input. Every writer commits
 * through the same Delta protocol, so one "before commit" point (normalise's first table) stands for all; one
 * of the summarise MERGE passes too, and is one line to add.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KilledJobTest {

  private static final Logger LOG = LoggerFactory.getLogger(KilledJobTest.class);
  private static final LocalDate D = LocalDate.of(2026, 11, 19);
  private static final long CALLS = 4;
  private static final List<TableSpec> NORMALISED =
      Stream.concat(Silver.ALL.stream(), RtcstatsFeatureTables.ALL.stream()).toList();

  private SparkSession spark;
  private LakeConfig config;
  private LakeConfig referenceConfig;
  private ChildJob child;
  private final Map<TableSpec, List<String>> reference = new LinkedHashMap<>();
  private final List<String> kills = new ArrayList<>();
  private boolean normalised;
  private boolean summarised;

  @BeforeAll
  void referenceRun(@TempDir Path dir) throws Exception {
    spark = TestLake.spark();
    Path landing = dir.resolve("landing");
    referenceConfig = TestLake.config(dir.resolve("reference"), landing);
    LocalSimulation.run(new SimulateSettings(D, CALLS, 2, 19, 0.05, Dialect.CALLSTATS, landing.toUri().toString(),
        dir.resolve("truth").toUri().toString(), SimulatorProfile.load(referenceConfig, null)));
    normalise(referenceConfig);
    SummariseJob.run(spark, referenceConfig, D);
    AggregateJob.run(spark, referenceConfig, D);
    for (TableSpec t : Stream.of(NORMALISED, Gold.SUMMARIES, Gold.AGGREGATES).flatMap(List::stream).toList()) {
      reference.put(t, contents(referenceConfig, t));
    }
    for (TableSpec t : List.of(Silver.SESSIONS, Silver.RTP_STREAM_SAMPLES, Silver.QUARANTINE, Gold.STREAM_SUMMARY,
        Gold.CALL_SUMMARY, Gold.DAILY_SERVICE, Gold.DAILY_BREAKDOWN)) {
      assertThat(reference.get(t)).as("the reference run writes rows to " + t.qualifiedName()).isNotEmpty();
    }
    reference.forEach((t, rows) -> assertThat(new HashSet<>(rows)).as(t.qualifiedName() + " has no duplicate rows")
        .hasSize(rows.size()));
    Path lake = dir.resolve("lake");
    config = TestLake.config(lake, landing);
    child = new ChildJob(dir.resolve("child"), TestLake.sparkOverrides(), lake, landing, TestLake.HASH_KEY);
  }

  @AfterAll
  void reportKills() {
    kills.forEach(k -> LOG.info("{}", k));
  }

  @Test
  @Order(1)
  void normaliseKilledBeforeAndBetweenCommitsThenRerunGivesTheUninterruptedTables() throws Exception {
    killAndCheck("normalise", KillPoint.beforeCommit(Silver.SESSIONS), NORMALISED);
    killAndCheck("normalise", KillPoint.afterCommit(Silver.EVENTS), NORMALISED);
    normalise(config);
    assertConverged(NORMALISED);
    normalised = true;
  }

  @Test
  @Order(2)
  void summariseKilledAfterAMergeThenRerunGivesTheUninterruptedTables() throws Exception {
    ensureNormalised();
    killAndCheck("summarise", KillPoint.afterCommit(Gold.STREAM_SUMMARY), Gold.SUMMARIES);
    SummariseJob.run(spark, config, D);
    assertConverged(Gold.SUMMARIES);
    summarised = true;
  }

  @Test
  @Order(3)
  void aggregateKilledBetweenTablesThenRerunGivesTheUninterruptedTables() throws Exception {
    ensureSummarised();
    killAndCheck("aggregate", KillPoint.afterCommit(Gold.DAILY_SERVICE), Gold.AGGREGATES);
    AggregateJob.run(spark, config, D);
    assertConverged(Gold.AGGREGATES);
  }

  /** The earlier stage, for a test method run on its own (in class order it has run already). */
  private void ensureNormalised() {
    if (!normalised) {
      normalise(config);
      normalised = true;
    }
  }

  private void ensureSummarised() {
    ensureNormalised();
    if (!summarised) {
      SummariseJob.run(spark, config, D);
      summarised = true;
    }
  }

  /** Kills the job at the point, then checks that each of its tables is as before the run or as the reference. */
  private void killAndCheck(String job, KillPoint point, List<TableSpec> tables) throws Exception {
    Map<TableSpec, List<String>> before = new LinkedHashMap<>();
    for (TableSpec t : tables) {
      before.put(t, contents(config, t));
    }
    ChildJob.Kill kill = child.killAt(job, D, point);
    List<String> committed = new ArrayList<>();
    for (TableSpec t : tables) {
      List<String> now = contents(config, t);
      boolean asBefore = now.equals(before.get(t));
      boolean asReference = now.equals(reference.get(t));
      if (!asBefore && !asReference) {
        fail("after %s, %s has %d rows: neither its %d rows before the run nor the %d of an uninterrupted run. "
            + "Log:%n%s", kill, t.qualifiedName(), now.size(), before.get(t).size(), reference.get(t).size(),
            ChildJob.tail(kill.log()));
      }
      if (asReference && !asBefore) {
        committed.add(t.name());
      }
    }
    point.committedTable().ifPresent(t -> assertThat(committed).as("after " + kill + ", its commit is visible")
        .contains(t.name()));
    kills.add(kill + "; tables then new: " + committed);
  }

  private void assertConverged(List<TableSpec> tables) {
    for (TableSpec t : tables) {
      assertThat(contents(config, t)).as(t.qualifiedName() + " after the re-run").isEqualTo(reference.get(t));
    }
  }

  private void normalise(LakeConfig c) {
    NormaliseJob.run(spark, c, IngestSettings.from(c, Map.of(ChildJob.HASH_KEY_ENV, TestLake.HASH_KEY)), D);
  }

  private List<String> contents(LakeConfig c, TableSpec t) {
    return DeltaTables.exists(spark, t, c.lake()) ? Tables.contents(spark, c.lake(), t) : List.of();
  }
}

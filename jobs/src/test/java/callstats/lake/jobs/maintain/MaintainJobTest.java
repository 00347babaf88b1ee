package callstats.lake.jobs.maintain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import callstats.lake.config.ConfigError;
import callstats.lake.config.LakeConfig;
import callstats.lake.jobs.LakeTables;
import callstats.lake.jobs.cli.Main;
import callstats.lake.jobs.maintain.MaintainJob.Scope;
import callstats.lake.jobs.maintain.MaintainJob.TableResult;
import callstats.lake.jobs.testing.Tables;
import callstats.lake.table.DeltaTables;
import callstats.lake.table.TableSpec;
import callstats.lake.table.gold.Gold;
import callstats.lake.table.silver.Silver;
import callstats.lake.testing.TestLake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * maintain on a table written in many small commits: compaction keeps the contents and leaves one file per
 * partition, a date range limits it to those partitions, and VACUUM with a zero retention (allowed here)
 * deletes the replaced files from disk.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaintainJobTest {

  private static final LocalDate D1 = LocalDate.of(2026, 11, 20);
  private static final LocalDate D2 = LocalDate.of(2026, 11, 21);
  private static final TableSpec T = Silver.FEEDBACK;
  private static final int WRITES = 4;

  private SparkSession spark;
  private LakeConfig config;
  private Path tableDir;

  @BeforeAll
  void startSpark() {
    spark = TestLake.spark();
  }

  @BeforeEach
  void writeSmallCommits(@TempDir Path dir) {
    config = TestLake.config(dir.resolve("lake").toUri().toString(), dir.resolve("landing").toUri().toString(),
        Map.of("maintain.vacuum-retention-hours", "0", "maintain.allow-short-retention", "true"));
    tableDir = dir.resolve("lake").resolve(T.layer()).resolve(T.name());
    for (int w = 0; w < WRITES; w++) {
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        rows.add(feedback(D1, w * 10 + i));
        rows.add(feedback(D2, w * 10 + i));
      }
      DeltaTables.append(spark, T, config.lake(), spark.createDataFrame(rows, T.schema()).coalesce(1),
          Map.of("job", "test"));
    }
  }

  @Test
  void optimizeCompactsEachPartitionIntoOneFileWithTheSameContents() {
    List<String> before = Tables.contents(spark, config.lake(), T);
    assertThat(activeFiles()).hasSize(2 * WRITES);

    TableResult r = result(MaintainJob.run(spark, config, settings(true, false), Scope.EVERYTHING));

    assertThat(activeFiles()).hasSize(2);
    assertThat(Tables.contents(spark, config.lake(), T)).isEqualTo(before);
    assertThat(r.filesRemoved()).isEqualTo(2 * WRITES);
    assertThat(r.filesAdded()).isEqualTo(2);
    assertThat(r.zOrderBy()).containsExactly("app_id", "conf_id");
    assertThat(r.filesDeleted()).isEqualTo(-1);
    assertThat(filesOnDisk()).hasSize(2 * WRITES + 2);
  }

  @Test
  void vacuumWithZeroRetentionDeletesTheReplacedFilesFromDisk() {
    List<String> before = Tables.contents(spark, config.lake(), T);

    TableResult r = result(MaintainJob.run(spark, config, settings(true, true), Scope.EVERYTHING));

    assertThat(filesOnDisk()).hasSize(2).containsExactlyInAnyOrderElementsOf(activeFiles());
    assertThat(r.filesDeleted()).isEqualTo(2 * WRITES);
    assertThat(Tables.contents(spark, config.lake(), T)).isEqualTo(before);
    assertThat(spark.conf().get("spark.databricks.delta.retentionDurationCheck.enabled", "true")).isEqualTo("true");
  }

  @Test
  void aDateRangeOptimizesOnlyThosePartitions() {
    TableResult r = result(MaintainJob.run(spark, config, settings(true, false), Scope.of(null, D1, D1)));

    assertThat(r.filesRemoved()).isEqualTo(WRITES);
    assertThat(activeFiles()).filteredOn(f -> f.contains("date=" + D1)).hasSize(1);
    assertThat(activeFiles()).filteredOn(f -> f.contains("date=" + D2)).hasSize(WRITES);
  }

  @Test
  void tablesNotWrittenYetAreSkipped() {
    List<TableResult> results =
        MaintainJob.run(spark, config, settings(true, true), Scope.of(Silver.LAYER, null, null));

    assertThat(results).extracting(TableResult::table).containsExactlyElementsOf(Silver.ALL);
    assertThat(results).filteredOn(TableResult::exists).extracting(TableResult::table).containsExactly(T);
    assertThat(tableDir.resolveSibling(Silver.EVENTS.name())).doesNotExist();
  }

  @Test
  void aRetentionBelowTheSafetyCheckIsAConfigErrorUnlessAllowed() {
    assertThatThrownBy(() -> new MaintainSettings(true, true, true, 24, false, Retention.KEEP_EVERYTHING))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("maintain.vacuum-retention-hours must be at least 168")
        .hasMessageContaining("cannot be: 24.0")
        .hasMessageContaining("maintain.allow-short-retention = true");
    assertThatThrownBy(() -> new MaintainSettings(true, true, true, -1, true, Retention.KEEP_EVERYTHING)).isInstanceOf(ConfigError.class);
    assertThat(new MaintainSettings(true, true, true, 24, true, Retention.KEEP_EVERYTHING).shortRetention()).isTrue();

    MaintainSettings defaults = MaintainSettings.from(TestLake.config("/tmp/l", "/tmp/l/landing", Map.of()));
    assertThat(defaults).isEqualTo(new MaintainSettings(true, true, true, 168, false, Retention.KEEP_EVERYTHING));
    assertThatThrownBy(() -> MaintainSettings.from(
        TestLake.config("/tmp/l", "/tmp/l/landing", Map.of("maintain.vacuum-retention-hours", "1"))))
        .isInstanceOf(ConfigError.class);
  }

  @Test
  void badScopesAreUsageErrorsBeforeSparkStarts() {
    assertThatThrownBy(() -> Scope.of("bronze", null, null)).isInstanceOf(ConfigError.class)
        .hasMessageContaining("--layer must be one of [gold, silver]").hasMessageContaining("cannot be: bronze");
    assertThatThrownBy(() -> Scope.of(null, D2, D1)).isInstanceOf(ConfigError.class);
    assertThat(Main.execute("maintain", "--layer", "bronze")).isEqualTo(Main.EXIT_USAGE);
    assertThat(Main.execute("maintain", "--from", "2026-11-20")).isEqualTo(Main.EXIT_USAGE);
  }

  @Test
  void recordTablesDeclareZOrderAndAuditTablesAreOnlyCompacted() {
    for (TableSpec t : Silver.RECORD_TABLES) {
      assertThat(t.zOrderBy()).as(t.qualifiedName()).containsExactly("app_id", "conf_id");
    }
    assertThat(Silver.QUARANTINE.zOrderBy()).isEmpty();
    assertThat(Silver.INGEST_LOG.zOrderBy()).isEmpty();
    for (TableSpec t : Gold.SUMMARIES) {
      assertThat(t.zOrderBy()).as(t.qualifiedName()).containsExactly("app_id");
    }
  }

  @Test
  void aDateRangeAppliesToEachTablesDatePartition() {
    Scope week = Scope.of(null, D1, D2);

    assertThat(week.predicate(Silver.EVENTS)).contains("date >= '2026-11-20' AND date <= '2026-11-21'");
    assertThat(week.predicate(Gold.CALL_SUMMARY))
        .contains("call_date >= '2026-11-20' AND call_date <= '2026-11-21'");
    assertThat(week.predicate(Gold.DAILY_BREAKDOWN)).contains("day >= '2026-11-20' AND day <= '2026-11-21'");
    assertThat(week.predicate(Gold.MONTHLY_SERVICE))
        .contains("period_start >= '2026-11-01' AND period_start <= '2026-11-21'");
    assertThat(Scope.EVERYTHING.predicate(Gold.CALL_SUMMARY)).isEmpty();
    assertThat(LakeTables.all()).allSatisfy(t -> assertThat(MaintainJob.datePartition(t)).isPresent());
  }

  @Test
  void rollupPartitionsThatHoldDaysOfTheRangeAreIncluded() {
    assertThat(MaintainJob.periodStartCovering(LocalDate.of(2026, 11, 20))).isEqualTo("2026-11-01");
    assertThat(MaintainJob.periodStartCovering(LocalDate.of(2026, 12, 2))).isEqualTo("2026-11-30");
    assertThat(MaintainJob.periodStartCovering(LocalDate.of(2026, 6, 1))).isEqualTo("2026-06-01");
  }

  private static MaintainSettings settings(boolean optimize, boolean vacuum) {
    return new MaintainSettings(optimize, true, vacuum, 0, true, Retention.KEEP_EVERYTHING);
  }

  private static TableResult result(List<TableResult> results) {
    return results.stream().filter(r -> r.table().equals(T)).findFirst().orElseThrow();
  }

  /** The data files of the current version, relative to the table directory. */
  private List<String> activeFiles() {
    Path root = tableDir.toAbsolutePath();
    return Stream.of(DeltaTables.read(spark, T, config.lake()).inputFiles())
        .map(f -> root.relativize(Path.of(URI.create(f))).toString()).sorted().toList();
  }

  /** Every data file under the table directory, referenced or not. */
  private List<String> filesOnDisk() {
    try (Stream<Path> files = Files.walk(tableDir)) {
      return files.filter(p -> p.toString().endsWith(".parquet")).map(p -> tableDir.relativize(p).toString())
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Row feedback(LocalDate date, int i) {
    Timestamp ts = Timestamp.valueOf(date.atTime(10, 0).plusSeconds(i));
    return RowFactory.create(Date.valueOf(date), "app-" + (i % 3), "conf-" + i, "uc-" + i, "user-" + i, null, ts, ts,
        1 + i % 5, null, null, null, null, "landing/a.jsonl", (long) i, "rec-" + date + "-" + i);
  }
}

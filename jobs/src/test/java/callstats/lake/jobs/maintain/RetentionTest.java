package callstats.lake.jobs.maintain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import callstats.lake.config.ConfigError;
import callstats.lake.config.LakeConfig;
import callstats.lake.jobs.cli.Main;
import callstats.lake.jobs.maintain.MaintainJob.Scope;
import callstats.lake.jobs.maintain.MaintainJob.TableResult;
import callstats.lake.jobs.testing.NeutralRows;
import callstats.lake.table.DeltaTables;
import callstats.lake.table.TableSpec;
import callstats.lake.table.gold.Gold;
import callstats.lake.table.silver.Silver;
import callstats.lake.testing.TestLake;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention per layer, applied by maintain as of a pinned day: silver keeps 10 days, quarantine 5, gold 12,
 * landing 10. Each table holds rows on both sides of its boundary, so the test shows exactly which dates go:
 * the first day kept stays, the day before goes, a week or month is expired only when it ended before the
 * first day kept. A second run expires nothing and commits nothing; VACUUM then removes the expired files
 * from disk, and the landing zone loses only its expired {@code date=D} directories.
 */
class RetentionTest {

  private static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);

  private final SparkSession spark = TestLake.spark();

  @Test
  void maintainExpiresEachLayerToItsRetention(@TempDir Path dir) throws IOException {
    Path landing = dir.resolve("landing");
    LakeConfig config = TestLake.config(dir.resolve("lake").toUri().toString(), landing.toUri().toString(),
        Map.of("maintain.vacuum-retention-hours", "0", "maintain.allow-short-retention", "true",
            "maintain.optimize", "false", "maintain.retention-days.silver", "10", "maintain.retention-days.quarantine", "5",
            "maintain.retention-days.gold", "12", "maintain.retention-days.landing", "10"));
    // silver: first day kept 2026-11-21; quarantine: 2026-11-26; gold: 2026-11-19 (a Thursday).
    write(config, Silver.FEEDBACK, "date", "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-30");
    write(config, Silver.QUARANTINE, "date", "2026-11-20", "2026-11-25", "2026-11-26");
    write(config, Gold.CALL_SUMMARY, "call_date", "2026-11-18", "2026-11-19");
    write(config, Gold.DAILY_SERVICE, "period_start", "2026-11-18", "2026-11-19");
    write(config, Gold.WEEKLY_SERVICE, "period_start", "2026-11-09", "2026-11-16");
    write(config, Gold.MONTHLY_SERVICE, "period_start", "2026-10-01", "2026-11-01");
    for (String d : List.of("2026-11-20", "2026-11-21")) {
      touch(landing.resolve("callstats/date=" + d + "/hour=10/a.jsonl.gz"));
      touch(landing.resolve("rtcstats/date=" + d + "/dump-1"));
    }
    touch(landing.resolve("callstats/README"));
    Path leftover = dir.resolve("lake/_staging/normalise-2026-11-21-run-1/kind=0/part-0.parquet");
    touch(leftover);
    touch(landing.resolve("callstats/date=garbage/x.jsonl"));
    MaintainSettings settings = MaintainSettings.from(config);
    assertThat(settings.retention()).isEqualTo(new Retention(10, 10, 5, 12));

    List<TableResult> first = MaintainJob.run(spark, config, settings, Scope.EVERYTHING, AS_OF);

    assertThat(dates(config, Silver.FEEDBACK, "date")).containsExactly("2026-11-21", "2026-11-30");
    assertThat(dates(config, Silver.QUARANTINE, "date")).containsExactly("2026-11-26");
    assertThat(dates(config, Gold.CALL_SUMMARY, "call_date")).containsExactly("2026-11-19");
    assertThat(dates(config, Gold.DAILY_SERVICE, "period_start")).containsExactly("2026-11-19");
    assertThat(dates(config, Gold.WEEKLY_SERVICE, "period_start"))
        .as("the week of 16 November holds kept days").containsExactly("2026-11-16");
    assertThat(dates(config, Gold.MONTHLY_SERVICE, "period_start")).containsExactly("2026-11-01");
    assertThat(expired(first)).containsExactlyInAnyOrderEntriesOf(Map.of(Silver.FEEDBACK, 2L,
        Silver.QUARANTINE, 2L, Gold.CALL_SUMMARY, 1L, Gold.DAILY_SERVICE, 1L, Gold.WEEKLY_SERVICE, 1L,
        Gold.MONTHLY_SERVICE, 1L));
    assertThat(filesUnder(landing)).containsExactly("callstats/README", "callstats/date=2026-11-21/hour=10/a.jsonl.gz",
        "callstats/date=garbage/x.jsonl", "rtcstats/date=2026-11-21/dump-1");
    assertThat(dir.resolve("lake/_staging")).as("a killed run's staging folder, older than the VACUUM retention")
        .isEmptyDirectory();
    assertThat(filesUnder(dir.resolve("lake/silver/feedback"))).noneMatch(f -> f.startsWith("date=2026-11-19/")
        || f.startsWith("date=2026-11-20/")).anyMatch(f -> f.startsWith("date=2026-11-21/"));

    long version = DeltaTable.forPath(spark, dir.resolve("lake/silver/feedback").toString()).history(1)
        .select("version").first().getLong(0);
    List<TableResult> second = MaintainJob.run(spark, config,
        new MaintainSettings(false, false, false, 0, true, settings.retention()), Scope.EVERYTHING, AS_OF);
    assertThat(expired(second).values()).containsOnly(0L);
    assertThat(DeltaTable.forPath(spark, dir.resolve("lake/silver/feedback").toString()).history()
        .where("operation = 'DELETE' AND version > " + version).count()).isZero();
  }

  @Test
  void aLayerScopeLeavesTheLandingZoneAndOtherLayersAlone(@TempDir Path dir) throws IOException {
    Path landing = dir.resolve("landing");
    LakeConfig config = TestLake.config(dir.resolve("lake").toUri().toString(), landing.toUri().toString(),
        Map.of("maintain.retention-days.silver", "1", "maintain.retention-days.gold", "1",
            "maintain.retention-days.landing", "1", "maintain.optimize", "false", "maintain.vacuum", "false"));
    write(config, Silver.FEEDBACK, "date", "2026-11-01");
    write(config, Gold.CALL_SUMMARY, "call_date", "2026-11-01");
    touch(landing.resolve("callstats/date=2026-11-01/a.jsonl"));

    MaintainJob.run(spark, config, MaintainSettings.from(config), Scope.of(Silver.LAYER, null, null), AS_OF);

    assertThat(dates(config, Silver.FEEDBACK, "date")).isEmpty();
    assertThat(dates(config, Gold.CALL_SUMMARY, "call_date")).containsExactly("2026-11-01");
    assertThat(filesUnder(landing)).containsExactly("callstats/date=2026-11-01/a.jsonl");
  }

  @Test
  void badRetentionsAreUsageErrors() {
    assertThatThrownBy(() -> MaintainSettings.from(TestLake.config("/tmp/l", "/tmp/l/landing",
        Map.of("maintain.retention-days.quarantine", "-3"))))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("maintain.retention-days.quarantine must be a number of days")
        .hasMessageContaining("cannot be: -3");
    assertThatThrownBy(() -> MaintainSettings.from(TestLake.config("/tmp/l", "/tmp/l/landing",
        Map.of("maintain.retention-days.gold", "a year"))))
        .isInstanceOf(ConfigError.class).hasMessageContaining("retention-days.gold");
    assertThat(Main.execute("maintain", "--as-of", "yesterday")).isEqualTo(Main.EXIT_USAGE);
  }

  private static Map<TableSpec, Long> expired(List<TableResult> results) {
    Map<TableSpec, Long> out = new HashMap<>();
    results.stream().filter(TableResult::exists).forEach(r -> out.put(r.table(), r.rowsExpired()));
    return out;
  }

  private List<String> dates(LakeConfig config, TableSpec t, String column) {
    return DeltaTables.read(spark, t, config.lake()).select(column).distinct().collectAsList().stream()
        .map(r -> r.get(0).toString()).sorted().toList();
  }

  /** One row per date with the date column set and every other non-nullable column a neutral value. */
  private void write(LakeConfig config, TableSpec t, String column, String... dates) {
    List<Row> rows = new ArrayList<>();
    for (String d : dates) {
      rows.add(NeutralRows.row(t, Map.of(column, Date.valueOf(d))));
    }
    DeltaTables.append(spark, t, config.lake(), spark.createDataFrame(rows, t.schema()), Map.of("job", "test"));
  }

  private static void touch(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{}\n");
  }

  /** Files under a directory, relative and sorted, Delta's log and checksums left out. */
  private static List<String> filesUnder(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString())
          .filter(f -> !f.startsWith("_delta_log") && !f.endsWith(".crc")).sorted().toList();
    }
  }
}

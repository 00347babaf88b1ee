package callstats.lake.jobs.normalise;

import static callstats.lake.jobs.testing.Landing.at;
import static callstats.lake.jobs.testing.Landing.body;
import static callstats.lake.jobs.testing.Landing.inboundAudio;
import static callstats.lake.jobs.testing.Landing.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.apache.spark.sql.functions.col;

import callstats.lake.config.LakeConfig;
import callstats.lake.ingest.IngestSettings;
import callstats.lake.jobs.testing.Landing;
import callstats.lake.jobs.testing.Tables;
import callstats.lake.table.DeltaTables;
import callstats.lake.table.TableSpec;
import callstats.lake.table.silver.Silver;
import callstats.lake.testing.TestLake;
import io.delta.tables.DeltaTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * normalise on a small hand-built day whose right answers are known: one call with a counter reset and a
 * duplicate line across files, bad lines of several kinds, a truncated gzip and a file that is not gzip.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NormaliseJobTest {

  private static final LocalDate D = LocalDate.of(2026, 11, 20);
  private static final String APP = "app-1";

  private Path dir;
  private SparkSession spark;
  private LakeConfig config;
  private IngestSettings settings;
  private NormaliseJob.Result first;
  private final Map<TableSpec, List<String>> afterFirstRun = new HashMap<>();

  @BeforeAll
  void normaliseTheDay(@TempDir Path tmp) throws IOException {
    dir = tmp;
    spark = TestLake.spark();
    Landing landing = new Landing(dir.resolve("landing"));
    config = TestLake.config(dir.resolve("lake"), landing.root());
    settings = IngestSettings.forTests(TestLake.HASH_KEY, List.of());
    writeDay(landing);
    first = NormaliseJob.run(spark, config, settings, D);
    for (TableSpec t : Silver.ALL) {
      afterFirstRun.put(t, Tables.contents(spark, config.lake(), t));
    }
  }

  private static void writeDay(Landing landing) throws IOException {
    long t = at(D, 10, 0);
    String stats10 = line(APP, "c1", "uc-a", "stats", t + 10_050, inboundAudio("alice", t + 10_000, "pc1", 1, 500, 10, 40_000));
    landing.write(D, 10, "a.jsonl", List.of(
        line(APP, "c1", "uc-a", "userJoined", t + 40, body("alice", t).set("endpointInfo",
            Landing.JSON.createObjectNode().put("type", "peer").put("buildName", "Chrome").put("buildVersion", "120.0.6099.71")
                .put("os", "Windows").put("osVersion", "10"))),
        line(APP, "c1", "uc-a", "stats", t + 50, inboundAudio("alice", t, "pc1", 1, 0, 0, 0)),
        stats10,
        line(APP, "c1", "uc-a", "stats", t + 20_050, inboundAudio("alice", t + 20_000, "pc1", 1, 1000, 20, 80_000)),
        line(APP, "c1", "uc-a", "events/fabric/setup", t + 1_500,
            body("alice", t + 1_450).put("connectionID", "pc1").put("remoteID", "bob").put("delay", 1450))));
    landing.write(D, 11, "b.jsonl.gz", List.of(
        stats10.replace("\"receivedAt\":" + (t + 10_050), "\"receivedAt\":" + (t + 3_600_000)),
        line(APP, "c1", "uc-a", "stats", t + 30_050, inboundAudio("alice", t + 30_000, "pc1", 1, 100, 1, 8_000)),
        "{\"v\":1,\"appID\":\"app-1\",\"confID\":",
        "",
        line(APP, "c1", "uc-a", "events/teleport", t + 31_000, body("alice", t + 31_000)),
        line(APP, "c1", "uc-a", "stats", t + 32_000, body("alice", t + 32_000)).replace("\"confID\":\"c1\",", ""),
        line(APP, "c1", "uc-b", "userJoined", t + 33_000, body("bob", t + 33_000))));
    List<String> alive = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      alive.add(line(APP, "c2", "uc-c", "events/user/alive", t + i * 10_000L, body("carol-" + i, t + i * 10_000L)));
    }
    Path truncated = landing.write(D, 12, "c.jsonl.gz", alive);
    byte[] whole = Files.readAllBytes(truncated);
    Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
    Path garbage = truncated.resolveSibling("d.jsonl.gz");
    Files.write(garbage, "this is not gzip at all\n".getBytes());
  }

  private List<Row> rows(TableSpec t, String where) {
    return Tables.read(spark, config.lake(), t).where(where).collectAsList();
  }

  private static List<String> flags(Row r) {
    return r.getList(r.fieldIndex("flags"));
  }

  @Test
  void everyLineIsAcceptedOrQuarantinedPerFile() {
    List<Row> log = Tables.read(spark, config.lake(), Silver.INGEST_LOG).orderBy("source_file").collectAsList();
    assertThat(log).hasSize(4);
    for (Row r : log) {
      assertThat(r.<Long>getAs("lines_read"))
          .isEqualTo(r.<Long>getAs("lines_accepted") + r.<Long>getAs("lines_quarantined"));
      assertThat(r.<String>getAs("run_id")).isEqualTo(first.runId());
    }
    Row a = log.get(0);
    assertThat(a.<Long>getAs("lines_read")).isEqualTo(5L);
    assertThat(a.<Long>getAs("lines_accepted")).isEqualTo(5L);
    Row b = log.get(1);
    assertThat(b.<Long>getAs("lines_read")).isEqualTo(7L);
    assertThat(b.<Long>getAs("lines_accepted")).isEqualTo(2L);
    assertThat(b.<Long>getAs("lines_duplicate")).isEqualTo(1L);
    Row c = log.get(2);
    assertThat(c.<String>getAs("read_error")).startsWith("truncated_file");
    assertThat(c.<Long>getAs("lines_accepted")).isBetween(1L, 399L);
    assertThat(c.<Long>getAs("lines_quarantined")).isEqualTo(1L);
    Row d = log.get(3);
    assertThat(d.<String>getAs("read_error")).startsWith("unreadable_file").contains("gzip");
    assertThat(d.<Long>getAs("lines_read")).isEqualTo(1L);
    assertThat(first.linesRead()).isEqualTo(first.accepted() + first.quarantined());
  }

  @Test
  void badLinesAreQuarantinedWithTheirReasons() {
    List<String> reasons = Tables.read(spark, config.lake(), Silver.QUARANTINE).orderBy("source_file", "line_number")
        .collectAsList().stream().map(r -> r.<String>getAs("reason")).toList();
    assertThat(reasons).containsExactly("duplicate", "malformed_json", "empty_line", "unknown_path", "missing_field",
        "truncated_file", "unreadable_file");
    Row dup = rows(Silver.QUARANTINE, "reason = 'duplicate'").get(0);
    assertThat(dup.<String>getAs("detail")).contains("a.jsonl line 3");
    assertThat(dup.<String>getAs("app_id")).isEqualTo(APP);
    assertThat(dup.<String>getAs("user_id")).isEqualTo("alice");
    assertThat(rows(Silver.QUARANTINE, "reason = 'unknown_path'").get(0).<String>getAs("detail")).contains("events/teleport");
  }

  @Test
  void rtpSamplesCarryDeltasRatesAndFlags() {
    List<Row> s = Tables.read(spark, config.lake(), Silver.RTP_STREAM_SAMPLES).orderBy("sample_ts").collectAsList();
    assertThat(s).hasSize(4);
    assertThat(flags(s.get(0))).containsExactly("first_sample");
    Row second = s.get(1);
    assertThat(second.<Double>getAs("interval_s")).isEqualTo(10.0);
    assertThat(second.<Long>getAs("delta_packets")).isEqualTo(500L);
    assertThat(second.<Long>getAs("delta_packets_lost")).isEqualTo(10L);
    assertThat(second.<Double>getAs("loss_pct")).isCloseTo(100.0 * 10 / 510, within(1e-9));
    assertThat(second.<Double>getAs("bitrate_kbps")).isCloseTo(32.0, within(1e-9));
    assertThat(second.<Double>getAs("jitter_ms")).isCloseTo(20.0, within(1e-9));
    Row reset = s.get(3);
    assertThat(flags(reset)).containsExactly("counter_reset");
    assertThat(reset.<Long>getAs("delta_packets")).isEqualTo(100L);
    assertThat(reset.<Long>getAs("delta_packets_lost")).isEqualTo(1L);
  }

  @Test
  void sessionsRollUpPerUserSession() {
    Row a = rows(Silver.SESSIONS, "uc_id = 'uc-a'").get(0);
    // userJoined, three stats and the setup in a.jsonl, one stats in b.jsonl.gz (its duplicate does not count)
    assertThat(a.<Long>getAs("records")).isEqualTo(6L);
    assertThat(a.<String>getAs("browser")).isEqualTo("Chrome");
    assertThat(a.<String>getAs("browser_major")).isEqualTo("120");
    assertThat(a.<String>getAs("country")).isEqualTo("FI");
    assertThat(a.<Long>getAs("clock_offset_ms")).isEqualTo(50L);
    assertThat(rows(Silver.SESSIONS, "uc_id = 'uc-b'")).hasSize(1);
    assertThat(Tables.read(spark, config.lake(), Silver.SESSIONS).count()).isEqualTo(3);
  }

  @Test
  void candidateAddressesAreHashedNeverInClear() {
    List<String> transport = Tables.contents(spark, config.lake(), Silver.TRANSPORT_SAMPLES);
    assertThat(transport).hasSize(4).noneMatch(r -> r.contains("10.0.0.1") || r.contains("198.51.100.1"));
    assertThat(rows(Silver.TRANSPORT_SAMPLES, "local_address_private").size()).isEqualTo(4);
  }

  @Test
  void rerunningTheDateGivesTheSameContents() {
    NormaliseJob.Result again = NormaliseJob.run(spark, config, settings, D);
    assertThat(again).isEqualTo(first);
    for (TableSpec t : Silver.ALL) {
      assertThat(Tables.contents(spark, config.lake(), t)).as(t.qualifiedName()).isEqualTo(afterFirstRun.get(t));
    }
  }

  @Test
  void aLateFileForTheDateIsPickedUpByARerunWithoutDuplicates() throws IOException {
    Path lake2 = dir.resolve("lake-late");
    Landing landing = new Landing(dir.resolve("landing-late"));
    LakeConfig c = TestLake.config(lake2, landing.root());
    long t = at(D, 23, 0);
    String alive = line(APP, "c9", "uc-z", "events/user/alive", t, body("zed", t));
    landing.write(D, 23, "early.jsonl", List.of(alive));
    NormaliseJob.run(spark, c, settings, D);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write((alive + "\n" + line(APP, "c9", "uc-z", "events/user/left", t + 5, body("zed", t + 5)) + "\n").getBytes());
    }
    Path late = landing.root().resolve("callstats/date=" + D + "/hour=23/late.jsonl.gz");
    Files.write(late, gz.toByteArray());
    NormaliseJob.Result r = NormaliseJob.run(spark, c, settings, D);
    assertThat(r.files()).isEqualTo(2);
    assertThat(r.accepted()).isEqualTo(2);
    assertThat(r.duplicates()).isEqualTo(1);
    assertThat(Tables.read(spark, c.lake(), Silver.EVENTS).where(col("uc_id").equalTo("uc-z")).count()).isEqualTo(2);
  }

  @Test
  void aRerunEmptiesTheDateOfTablesThatNoLongerGetRowsAndLeavesTablesWithoutRowsAlone() {
    Landing landing = new Landing(dir.resolve("landing-gone"));
    LakeConfig c = TestLake.config(dir.resolve("lake-gone"), landing.root());
    long t = at(D, 9, 0);
    String alive = line(APP, "c8", "uc-y", "events/user/alive", t, body("yan", t));
    String stats = line(APP, "c8", "uc-y", "stats", t + 50, inboundAudio("yan", t, "pc1", 1, 0, 0, 0));
    landing.write(D, 9, "a.jsonl", List.of(alive, stats));
    NormaliseJob.run(spark, c, settings, D);
    assertThat(Tables.read(spark, c.lake(), Silver.RTP_STREAM_SAMPLES).count()).isEqualTo(1);
    long feedbackCommits = commits(c, Silver.FEEDBACK);

    landing.write(D, 9, "a.jsonl", List.of(alive));
    NormaliseJob.Result r = NormaliseJob.run(spark, c, settings, D);

    assertThat(r.accepted()).isEqualTo(1);
    assertThat(Tables.read(spark, c.lake(), Silver.RTP_STREAM_SAMPLES).count()).isZero();
    assertThat(Tables.read(spark, c.lake(), Silver.EVENTS).count()).isEqualTo(1);
    assertThat(commits(c, Silver.FEEDBACK)).as("no commit to a table with no rows before or after").isEqualTo(
        feedbackCommits);
  }

  private long commits(LakeConfig c, TableSpec t) {
    return DeltaTable.forPath(spark, t.location(c.lake()).value()).history().count();
  }

  @Test
  void sampleTablesKeepFileStatisticsOnTheirFilterColumnsOnly() {
    assertThat(properties(config, Silver.RTP_STREAM_SAMPLES)).containsEntry("delta.dataSkippingStatsColumns",
        "app_id,conf_id");
    assertThat(properties(config, Silver.INGEST_LOG)).doesNotContainKey("delta.dataSkippingStatsColumns");
    // a table created before the property existed gets it from the next write
    LakeConfig c = TestLake.config(dir.resolve("lake-stats"), dir.resolve("landing-stats"));
    DeltaTables.ensure(spark, Silver.EVENTS, c.lake());
    spark.sql("ALTER TABLE delta.`" + Silver.EVENTS.location(c.lake()).value()
        + "` UNSET TBLPROPERTIES ('delta.dataSkippingStatsColumns')");
    assertThat(properties(c, Silver.EVENTS)).doesNotContainKey("delta.dataSkippingStatsColumns");
    DeltaTables.ensure(spark, Silver.EVENTS, c.lake());
    assertThat(properties(c, Silver.EVENTS)).containsEntry("delta.dataSkippingStatsColumns", "app_id,conf_id");
  }

  private Map<String, String> properties(LakeConfig c, TableSpec t) {
    Row detail = DeltaTable.forPath(spark, t.location(c.lake()).value()).detail().first();
    return detail.getJavaMap(detail.fieldIndex("properties"));
  }

  @Test
  void aDayWithoutDataLeavesNoRowsForIt() {
    LocalDate empty = D.plusDays(5);
    NormaliseJob.Result r = NormaliseJob.run(spark, config, settings, empty);
    assertThat(r.files()).isZero();
    assertThat(r.linesRead()).isZero();
    assertThat(Tables.read(spark, config.lake(), Silver.EVENTS).where(col("date").equalTo(empty.toString())).count())
        .isZero();
  }
}

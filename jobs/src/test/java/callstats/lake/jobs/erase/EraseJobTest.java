package callstats.lake.jobs.erase;

import static callstats.lake.jobs.testing.Landing.at;
import static callstats.lake.jobs.testing.Landing.body;
import static callstats.lake.jobs.testing.Landing.inboundAudio;
import static callstats.lake.jobs.testing.Landing.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.apache.spark.sql.functions.col;

import callstats.lake.config.ConfigError;
import callstats.lake.config.LakeConfig;
import callstats.lake.ingest.IngestSettings;
import callstats.lake.jobs.LakeTables;
import callstats.lake.jobs.cli.Main;
import callstats.lake.jobs.maintain.MaintainJob;
import callstats.lake.jobs.maintain.MaintainSettings;
import callstats.lake.jobs.maintain.Retention;
import callstats.lake.jobs.normalise.NormaliseJob;
import callstats.lake.jobs.summarise.SummariseJob;
import callstats.lake.jobs.testing.Landing;
import callstats.lake.jobs.testing.Tables;
import callstats.lake.table.TableSpec;
import callstats.lake.table.audit.Audit;
import callstats.lake.table.gold.Gold;
import callstats.lake.table.silver.Silver;
import callstats.lake.testing.TestLake;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * erase on a small lake of two users in one call: alice's rows leave every silver and gold table and the
 * quarantine, bob's stay; the previous table versions still hold alice until VACUUM, and after VACUUM (with a
 * zero retention, allowed for the test) no data file of any table holds a row of hers.
 */
class EraseJobTest {

  private static final LocalDate D = LocalDate.of(2026, 11, 20);
  private static final String APP = "app-1";

  private static Column alice() {
    return col("uc_id").equalTo("uc-a");
  }

  @Test
  void aUserIsGoneFromEveryTableAndAfterVacuumFromEveryFile(@TempDir Path dir) throws IOException {
    SparkSession spark = TestLake.spark();
    Landing landing = new Landing(dir.resolve("landing"));
    LakeConfig config = TestLake.config(dir.resolve("lake"), landing.root());
    IngestSettings settings = IngestSettings.forTests(TestLake.HASH_KEY, List.of());
    long t = at(D, 10, 0);
    List<String> lines = new ArrayList<>();
    for (String[] u : new String[][] {{"alice", "uc-a", "1"}, {"bob", "uc-b", "2"}}) {
      lines.add(line(APP, "c1", u[1], "userJoined", t, body(u[0], t)));
      for (int i = 0; i < 4; i++) {
        lines.add(line(APP, "c1", u[1], "stats", t + i * 10_050L,
            inboundAudio(u[0], t + i * 10_000L, "pc-" + u[0], Long.parseLong(u[2]), 100L * i, i, 8_000L * i)));
      }
      // a line for the quarantine that names the user
      lines.add(line(APP, "c1", u[1], "events/teleport", t + 50_000, body(u[0], t + 50_000)));
    }
    landing.write(D, 10, "a.jsonl", lines);
    NormaliseJob.run(spark, config, settings, D);
    SummariseJob.run(spark, config, D);

    Map<TableSpec, Long> aliceBefore = new HashMap<>();
    Map<TableSpec, List<String>> bobBefore = new HashMap<>();
    for (TableSpec t2 : userTables()) {
      aliceBefore.put(t2, rows(spark, config, t2).where(alice()).count());
      bobBefore.put(t2, Tables.contents(spark, config.lake(), t2).stream().filter(r -> !r.contains("uc-a")).toList());
    }
    assertThat(aliceBefore).allSatisfy((table, n) -> assertThat(n).as(table.qualifiedName()).isPositive());

    EraseJob.Result r = EraseJob.run(spark, config, settings, new EraseJob.Request(APP, "alice", null));

    assertThat(r.ucIds()).containsExactly("uc-a");
    for (TableSpec table : userTables()) {
      assertThat(rows(spark, config, table).where(alice()).count()).as(table.qualifiedName()).isZero();
      assertThat(r.rowsDeleted()).containsEntry(table.qualifiedName(), aliceBefore.get(table));
      assertThat(Tables.contents(spark, config.lake(), table)).as("bob's rows in %s", table.qualifiedName())
          .isEqualTo(bobBefore.get(table));
    }
    assertThat(r.landingFiles()).singleElement().asString().endsWith("/a.jsonl");
    // the previous version still has her: the DELETE only made a new version
    String events = Silver.EVENTS.location(config.lake()).value();
    long v = DeltaTable.forPath(spark, events).history(1).select("version").first().getLong(0);
    assertThat(spark.read().format("delta").option("versionAsOf", v - 1).load(events).where(alice()).count())
        .isPositive();

    Row audit = Tables.read(spark, config.lake(), Audit.ERASURES).collectAsList().get(0);
    assertThat(audit.<String>getAs("erasure_id")).isEqualTo(r.erasureId());
    assertThat(audit.<String>getAs("app_id")).isEqualTo(APP);
    assertThat(audit.<String>getAs("user_id_hash")).isEqualTo(settings.hasher().hash(APP + "\u0000alice"))
        .doesNotContain("alice");
    assertThat(audit.<Long>getAs("sessions")).isEqualTo(1L);
    assertThat(audit.getJavaMap(audit.fieldIndex("rows_deleted"))).isEqualTo(new HashMap<>(r.rowsDeleted()));

    MaintainJob.run(spark, config, new MaintainSettings(false, false, true, 0, true, Retention.KEEP_EVERYTHING), MaintainJob.Scope.EVERYTHING);

    for (TableSpec table : userTables()) {
      String location = table.location(config.lake()).value();
      Path tableDir = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
      List<String> files;
      try (Stream<Path> s = Files.walk(tableDir)) {
        files = s.filter(p -> p.toString().endsWith(".parquet") && !p.toString().contains("_delta_log"))
            .map(p -> p.toUri().toString()).toList();
      }
      assertThat(files).as(table.qualifiedName()).isNotEmpty();
      Dataset<Row> everyFile = spark.read().parquet(files.toArray(String[]::new));
      assertThat(everyFile.where(alice()).count()).as("rows of alice in the files of %s", table.qualifiedName())
          .isZero();
      assertThat(everyFile.where(col("uc_id").equalTo("uc-b")).count()).isPositive();
    }
  }

  @Test
  void aRequestNeedsAnAppAndAUserOrSession() {
    assertThatThrownBy(() -> new EraseJob.Request(APP, null, " ")).isInstanceOf(ConfigError.class);
    assertThatThrownBy(() -> new EraseJob.Request("", "alice", null)).isInstanceOf(ConfigError.class);
    assertThat(Main.execute("erase", "--app", APP)).isEqualTo(Main.EXIT_USAGE);
    assertThat(Main.execute("erase", "--user", "alice")).isEqualTo(Main.EXIT_USAGE);
  }

  /** The tables that hold alice's rows in this lake. */
  private static List<TableSpec> userTables() {
    return List.of(Silver.SESSIONS, Silver.EVENTS, Silver.RTP_STREAM_SAMPLES, Silver.TRANSPORT_SAMPLES,
        Silver.QUARANTINE, Gold.STREAM_SUMMARY, Gold.CONNECTION_SUMMARY, Gold.PARTICIPANT_SUMMARY);
  }

  private static Dataset<Row> rows(SparkSession spark, LakeConfig config, TableSpec t) {
    assertThat(LakeTables.all()).contains(t);
    return Tables.read(spark, config.lake(), t);
  }
}

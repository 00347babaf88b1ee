package callstats.lake.jobs.summarise;

import static callstats.lake.jobs.testing.Landing.at;
import static callstats.lake.jobs.testing.Landing.body;
import static callstats.lake.jobs.testing.Landing.inboundAudio;
import static callstats.lake.jobs.testing.Landing.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import callstats.lake.config.LakeConfig;
import callstats.lake.ingest.IngestSettings;
import callstats.lake.jobs.normalise.NormaliseJob;
import callstats.lake.jobs.testing.Landing;
import callstats.lake.jobs.testing.Tables;
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
 * summarise over a call that crosses midnight: the run of the first date sees half of it, the run of the
 * next date summarises it completely, and re-running either date afterwards changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummariseJobTest {

  private static final LocalDate D = LocalDate.of(2026, 11, 20);
  private static final LocalDate NEXT = D.plusDays(1);
  private static final String APP = "app-1";

  private SparkSession spark;
  private LakeConfig config;
  private IngestSettings settings;
  private Landing landing;
  private Row afterFirstDay;
  private final Map<TableSpec, List<String>> complete = new HashMap<>();

  @BeforeAll
  void run(@TempDir Path dir) {
    spark = TestLake.spark();
    landing = new Landing(dir.resolve("landing"));
    config = TestLake.config(dir.resolve("lake"), landing.root());
    settings = IngestSettings.forTests(TestLake.HASH_KEY, List.of());
    writeCall();
    NormaliseJob.run(spark, config, settings, D);
    SummariseJob.run(spark, config, D);
    afterFirstDay = callRow();
    NormaliseJob.run(spark, config, settings, NEXT);
    SummariseJob.run(spark, config, NEXT);
    for (TableSpec t : Gold.SUMMARIES) {
      complete.put(t, Tables.contents(spark, config.lake(), t));
    }
  }

  /**
   * alice and bob from 23:59:00 to 00:01:00; alice receives bob's audio, 500 packets per 10 s, 10 of them lost
   * in every interval after midnight.
   */
  private void writeCall() {
    long start = at(D, 23, 59);
    List<String> before = new ArrayList<>();
    List<String> after = new ArrayList<>();
    for (String[] u : new String[][] {{"uc-a", "alice"}, {"uc-b", "bob"}}) {
      before.add(line(APP, "c1", u[0], "userJoined", start + 100, body(u[1], start).set("endpointInfo",
          Landing.JSON.createObjectNode().put("type", "peer").put("buildName", "Firefox").put("buildVersion", "121.0"))));
      before.add(line(APP, "c1", u[0], "events/fabric/setup", start + 1_100,
          body(u[1], start + 1_000).put("connectionID", "pc-" + u[1]).put("delay", 900)));
      after.add(line(APP, "c1", u[0], "events/user/left", start + 120_100, body(u[1], start + 120_000)));
    }
    for (int i = 0; i <= 12; i++) {
      long ts = start + 10_000L * i;
      long lost = i <= 6 ? 0 : 10L * (i - 6);
      String stats = line(APP, "c1", "uc-a", "stats", ts + 200, inboundAudio("alice", ts, "pc-alice", 42, 500L * i - lost,
          lost, 40_000L * i));
      (ts + 200 < at(NEXT, 0, 0) ? before : after).add(stats);
    }
    landing.write(D, 23, "late-evening.jsonl", before);
    landing.write(NEXT, 0, "after-midnight.jsonl", after);
  }

  private Row callRow() {
    List<Row> rows = Tables.read(spark, config.lake(), Gold.CALL_SUMMARY).collectAsList();
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  @Test
  void theFirstDateSeesThePartOfTheCallThatHadLanded() {
    assertThat(afterFirstDay.<java.sql.Date>getAs("call_date").toString()).isEqualTo(D.toString());
    assertThat(afterFirstDay.<Long>getAs("participants")).isEqualTo(2L);
    // 23:59:00 to the last sample before midnight (23:59:50)
    assertThat(afterFirstDay.<Double>getAs("duration_s")).isEqualTo(50.0);
  }

  @Test
  void theNextDateCompletesTheCallUnderItsFirstDate() {
    Row call = callRow();
    assertThat(call.<java.sql.Date>getAs("call_date").toString()).isEqualTo(D.toString());
    assertThat(call.<Double>getAs("duration_s")).isEqualTo(120.0);
    assertThat(call.<String>getAs("outcome")).isEqualTo("successful");
    assertThat(call.<Double>getAs("setup_ms_mean")).isEqualTo(900.0);
    assertThat(call.<Double>getAs("participant_minutes")).isEqualTo(4.0);
    Row stream = Tables.read(spark, config.lake(), Gold.STREAM_SUMMARY).collectAsList().get(0);
    assertThat(stream.<Long>getAs("packets_lost")).isEqualTo(60L);
    assertThat(stream.<Long>getAs("packets")).isEqualTo(6000L - 60L);
    assertThat(stream.<Double>getAs("loss_pct")).isCloseTo(1.0, within(1e-9));
    assertThat(stream.<Long>getAs("samples")).isEqualTo(13L);
    Row alice = Tables.read(spark, config.lake(), Gold.PARTICIPANT_SUMMARY).where("uc_id = 'uc-a'").first();
    assertThat(alice.<String>getAs("browser")).isEqualTo("Firefox");
    assertThat(alice.<Double>getAs("time_in_call_s")).isEqualTo(120.0);
    assertThat(alice.<Double>getAs("audio_score")).isBetween(3.0, 4.5);
  }

  @Test
  void rerunningEitherDateChangesNothing() {
    SummariseJob.run(spark, config, D);
    SummariseJob.run(spark, config, NEXT);
    for (TableSpec t : Gold.SUMMARIES) {
      assertThat(Tables.contents(spark, config.lake(), t)).as(t.qualifiedName()).isEqualTo(complete.get(t));
    }
  }

  @Test
  void recordsBeyondTheWindowDoNotReopenTheCall() {
    LocalDate late = D.plusDays(5);
    long ts = at(late, 9, 0);
    landing.write(late, 9, "very-late.jsonl", List.of(line(APP, "c1", "uc-a", "events/user/alive", ts, body("alice", ts))));
    NormaliseJob.run(spark, config, settings, late);
    SummariseJob.Result r = SummariseJob.run(spark, config, late);
    assertThat(r.calls()).isZero();
    assertThat(r.tooLate()).isEqualTo(1);
    assertThat(Tables.contents(spark, config.lake(), Gold.CALL_SUMMARY)).isEqualTo(complete.get(Gold.CALL_SUMMARY));
  }
}

package callstats.lake.jobs.s3;

import static callstats.lake.jobs.testing.Landing.at;
import static callstats.lake.jobs.testing.Landing.body;
import static callstats.lake.jobs.testing.Landing.inboundAudio;
import static callstats.lake.jobs.testing.Landing.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import callstats.lake.config.LakeConfig;
import callstats.lake.ingest.IngestSettings;
import callstats.lake.jobs.cli.Main;
import callstats.lake.jobs.cli.S3Failure;
import callstats.lake.jobs.normalise.NormaliseJob;
import callstats.lake.jobs.testing.FaultyLink;
import callstats.lake.jobs.testing.Landing;
import callstats.lake.jobs.testing.LocalS3;
import callstats.lake.jobs.testing.Tables;
import callstats.lake.table.TableSpec;
import callstats.lake.table.gold.RtcstatsFeatureTables;
import callstats.lake.table.silver.Silver;
import callstats.lake.testing.TestLake;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * normalise on s3a:// while the store fails: S3A talks HTTP to S3Proxy through a {@link FaultyLink} that
 * answers 503 SlowDown, resets connections, slows down or goes away. A run either completes through S3A's
 * retries with the tables of a clean run, or fails with a message naming S3 and leaves every table as it was;
 * the next run succeeds. The faults share runs: each S3 run of normalise costs about half a minute.
 */
class S3FaultTest {

  private static final Logger LOG = LoggerFactory.getLogger(S3FaultTest.class);
  private static final LocalDate D = LocalDate.of(2026, 11, 21);
  private static final List<TableSpec> TABLES = tables();

  @TempDir
  static Path dir;
  private static LocalS3 s3;
  private static FaultyLink link;
  private static LocalS3.Restore restore;
  private static Map<TableSpec, List<String>> clean;

  private final SparkSession spark = TestLake.spark();

  @BeforeAll
  static void cleanRun() throws Exception {
    s3 = LocalS3.start(dir.resolve("s3"), "landing", "lake");
    link = FaultyLink.in(s3.endpoint());
    SparkSession spark = TestLake.spark();
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    LakeConfig config = config("clean", "full", Map.of());
    restore = LocalS3.apply(config, hadoop);

    // landing "full": two files of the date; landing "part": the first only (what had landed by an earlier run)
    Landing local = new Landing(dir.resolve("local-landing"));
    long t = at(D, 9, 0);
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      first.add(line("app-s3", "c1", "uc-1", "stats", t + i * 10_000L + 30,
          inboundAudio("ann", t + i * 10_000L, "pc", 7, i * 400L, i * 4L, i * 32_000L)));
      second.add(line("app-s3", "c2", "uc-2", "stats", t + i * 10_000L + 40,
          inboundAudio("bob", t + i * 10_000L, "pc", 9, i * 300L, i, i * 24_000L)));
    }
    first.add(line("app-s3", "c1", "uc-1", "events/user/left", t + 70_000, body("ann", t + 70_000)));
    first.add("not json");
    local.write(D, 9, "part-0.jsonl.gz", first);
    FileSystem fs = new org.apache.hadoop.fs.Path("s3a://landing/").getFileSystem(hadoop);
    fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(local.root().resolve("callstats").toUri()),
        new org.apache.hadoop.fs.Path("s3a://landing/part/callstats"));
    local.write(D, 10, "part-1.jsonl.gz", second);
    fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(local.root().resolve("callstats").toUri()),
        new org.apache.hadoop.fs.Path("s3a://landing/full/callstats"));

    NormaliseJob.Result r = normalise(spark, config);
    assertThat(r.files()).isEqualTo(2);
    assertThat(r.accepted()).isEqualTo(13);
    clean = contents(spark, config);
    assertThat(clean.get(Silver.RTP_STREAM_SAMPLES)).hasSize(12);
  }

  @AfterAll
  static void stop() throws Exception {
    if (restore != null) {
      restore.close();
    }
    if (link != null) {
      link.close();
    }
    if (s3 != null) {
      s3.close();
    }
  }

  @AfterEach
  void passThrough() {
    link.passThrough();
  }

  /**
   * One night on a failing store: the store goes away in the middle of a run, which fails with one clear line and
   * leaves the tables of the earlier run; when it is back it throttles, resets connections and is slow, and the
   * re-run completes through S3A's retries with the tables of a clean run.
   */
  @Test
  void failsClearlyWhenTheStoreGoesAwayThenCompletesThroughThrottlingResetsAndSlowness() {
    // the lake as an earlier run left it: only the first file had landed
    LakeConfig earlier = config("down", "part", Map.of());
    normalise(spark, earlier);
    Map<TableSpec, List<String>> before = contents(spark, earlier);
    assertThat(before.get(Silver.RTP_STREAM_SAMPLES)).hasSize(6);

    // short retries through the keys an operator sets; the defaults would retry for minutes
    Map<String, String> quick = new LinkedHashMap<>();
    quick.put("s3.hadoop.\"fs.s3a.attempts.maximum\"", "1");
    quick.put("s3.hadoop.\"fs.s3a.retry.limit\"", "2");
    quick.put("s3.hadoop.\"fs.s3a.retry.interval\"", "100ms");
    LakeConfig config = config("down", "full", quick);
    Exception failure;
    long failedAfter;
    try (LocalS3.Restore quickRetries = LocalS3.apply(config, spark.sparkContext().hadoopConfiguration())) {
      link.onFirst(r -> r.startsWith("PUT /lake/down/"), link::down);
      long t0 = System.nanoTime();
      failure = (Exception) catchThrowable(() -> normalise(spark, config));
      failedAfter = ms(t0);
    }
    // what the command line prints: LakeCommand explains the failure, Main prints it
    String message = Main.failureMessage("normalise", S3Failure.explain(config.s3(), failure));
    LOG.info("normalise failed after {} ms and {} connection attempts while down: {}", failedAfter, link.refused(),
        message, failure);

    assertThat(failure).isNotNull();
    assertThat(message).startsWith("callstats-lake normalise failed: ")
        .contains(" on down/", "S3 endpoint " + link.endpoint() + " failed after retries", "Connection reset")
        .doesNotContain("\n", "callstats-lake-test-secret");
    // fs.s3a.attempts.maximum = 1 took effect: the SDK tried each request twice (the default 5 would be 6)
    assertThat(message).contains("(SDK Attempt Count: 2)");
    assertThat(message.indexOf("Connection reset")).as("the failing operation is named once")
        .isEqualTo(message.lastIndexOf("Connection reset"));
    assertThat(failedAfter).isLessThan(60_000);

    link.passThrough();
    assertThat(contents(spark, earlier)).isEqualTo(before);

    // back, with the default retries: slow (each chunk 300 ms late, well below the timeouts) for 4 s from the
    // first upload, throttling the first data upload, then resetting the connections of the first commit
    LakeConfig rerun = config("down", "full", Map.of());
    link.onFirst(r -> r.startsWith("PUT /lake/down/"), () -> link.slow(Duration.ofMillis(300), Duration.ofSeconds(4)));
    link.onFirst(r -> r.startsWith("PUT /lake/down/") && r.contains(".parquet"),
        () -> link.failNext(3, FaultyLink.Failure.SLOW_DOWN));
    link.onFirst(r -> r.startsWith("PUT /lake/down/") && r.contains("_delta_log/"),
        () -> link.failNext(3, FaultyLink.Failure.RESET));

    int failedBefore = link.failed();
    long t0 = System.nanoTime();
    normalise(spark, rerun);
    int failed = link.failed() - failedBefore;
    LOG.info("normalise through {} failed requests and a slow store took {} ms", failed, ms(t0));

    assertThat(failed).isEqualTo(6);
    assertThat(contents(spark, rerun)).isEqualTo(clean);
  }

  private static NormaliseJob.Result normalise(SparkSession spark, LakeConfig config) {
    return NormaliseJob.run(spark, config, IngestSettings.forTests(TestLake.HASH_KEY, List.of()), D);
  }

  /** A lake at s3a://lake/NAME reading s3a://landing/LANDING, through the link, with extra overrides. */
  private static LakeConfig config(String lake, String landing, Map<String, String> overrides) {
    Map<String, String> m = new HashMap<>(Map.of("s3.endpoint", link.endpoint(), "s3.path-style-access", "true",
        "s3.ssl-enabled", "false"));
    m.putAll(overrides);
    return TestLake.config("s3a://lake/" + lake, "s3a://landing/" + landing, m);
  }

  private static Map<TableSpec, List<String>> contents(SparkSession spark, LakeConfig config) {
    Map<TableSpec, List<String>> m = new LinkedHashMap<>();
    for (TableSpec t : TABLES) {
      m.put(t, Tables.contents(spark, config.lake(), t));
    }
    return m;
  }

  private static List<TableSpec> tables() {
    List<TableSpec> all = new ArrayList<>(Silver.ALL);
    all.addAll(RtcstatsFeatureTables.ALL);
    return all;
  }

  private static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}

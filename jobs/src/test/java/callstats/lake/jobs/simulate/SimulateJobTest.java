package callstats.lake.jobs.simulate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import callstats.lake.config.LakeConfig;
import callstats.lake.jobs.cli.Main;
import callstats.lake.table.TableSpec;
import callstats.lake.table.truth.Truth;
import callstats.lake.testing.TestLake;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulate job on Spark local[2]: the landing layout, the truth tables and their agreement with the files,
 * byte-identical re-runs, and the command line's refusals.
 */
class SimulateJobTest {

  private static final int CALLS = 30;

  @TempDir
  static Path root;

  private static SparkSession spark;
  private static SimulateSettings settings;
  private static SimulateJob.Summary summary;

  @BeforeAll
  static void start() {
    spark = TestLake.spark(); // the suite's shared session: never stopped here
    settings = settings(root.resolve("lake"), 5);
    summary = SimulateJob.run(spark, settings);
  }

  private static SimulateSettings settings(Path lake, long seed) {
    SimulatorProfile profile = SimulatorProfile.load(LakeConfig.forLocations(lake.toString(),
        lake.resolve("landing").toString(), Map.of()), 15);
    return new SimulateSettings(Simulations.DATE, CALLS, 2, seed, 0.02, Dialect.CALLSTATS,
        "file:" + lake.resolve("landing"), "file:" + lake.resolve("simulator/truth"), profile);
  }

  private static Row one(String sql) {
    return spark.sql(sql).first();
  }

  private static String table(TableSpec spec) {
    return "delta.`" + settings.truth().substring("file:".length()) + "/" + spec.name() + "`";
  }

  @Test
  void writesOneGzipFilePerTaskAndLandingHour() throws IOException {
    Map<String, List<String>> files = readLanding(root.resolve("lake/landing"));
    assertThat(files).isNotEmpty().allSatisfy((name, lines) ->
        assertThat(name).matches("callstats/date=2026-11-2\\d/hour=\\d\\d/sim-2026-11-20-0000[01]\\.jsonl\\.gz"));
    assertThat(files.keySet()).anyMatch(f -> f.contains("date=2026-11-20/"))
        .anyMatch(f -> !f.contains("date=2026-11-20/"));
    long lines = files.values().stream().mapToLong(List::size).sum();
    assertThat(lines).isEqualTo(summary.lines());
    for (String file : files.keySet()) {
      byte[] head = Files.readAllBytes(root.resolve("lake/landing").resolve(file));
      assertThat(new byte[] {head[4], head[5], head[6], head[7]}).as("gzip mtime").containsOnly(0);
    }
  }

  @Test
  void landingTruthCountsEveryLineOfEveryFile() throws IOException {
    Map<String, List<String>> files = readLanding(root.resolve("lake/landing"));
    Map<String, Long> truthLines = new HashMap<>();
    for (Row r : spark.sql("SELECT file, sum(lines), sum(malformed), sum(missing_ids) FROM "
        + table(Truth.LANDING_LINES) + " GROUP BY file").collectAsList()) {
      truthLines.put(r.getString(0), r.getLong(1));
    }
    Map<String, Long> actual = new HashMap<>();
    long malformed = 0;
    long missing = 0;
    for (Map.Entry<String, List<String>> f : files.entrySet()) {
      actual.put(f.getKey(), (long) f.getValue().size());
      for (String line : f.getValue()) {
        IngestContract.Verdict v = IngestContract.check(line).verdict();
        assertThat(v).isNotEqualTo(IngestContract.Verdict.VIOLATION);
        malformed += v == IngestContract.Verdict.MALFORMED ? 1 : 0;
        missing += v == IngestContract.Verdict.MISSING_ID ? 1 : 0;
      }
    }
    assertThat(actual).isEqualTo(truthLines);
    Row days = one("SELECT sum(lines), sum(malformed), sum(missing_ids), count(*) FROM " + table(Truth.LANDING_DAYS));
    assertThat(days.getLong(0)).isEqualTo(summary.lines());
    assertThat(days.getLong(1)).isEqualTo(malformed);
    assertThat(days.getLong(2)).isEqualTo(missing);
    assertThat(days.getLong(3)).as("landing dates").isGreaterThan(1);
  }

  @Test
  void appDaysAreTheTotalsOfCallsAndParticipants() {
    Row calls = one("SELECT count(*), sum(participants), sum(CASE WHEN outcome = 'successful' THEN 1 ELSE 0 END) FROM "
        + table(Truth.CALLS));
    Row people = spark.read().format("delta").load(settings.truth() + "/participants")
        .agg(countDistinct(col("app_id"), col("user_id")), sum(col("time_in_call_s"))).first();
    Row apps = one("SELECT sum(calls), sum(participants), sum(distinct_users), sum(participant_minutes), "
        + "sum(calls_successful), count(*) FROM " + table(Truth.APP_DAYS));
    assertThat(calls.getLong(0)).isEqualTo(CALLS);
    assertThat(apps.getLong(0)).isEqualTo(CALLS);
    assertThat(apps.getLong(1)).isEqualTo(calls.getLong(1));
    assertThat(apps.getLong(2)).isEqualTo(people.getLong(0));
    assertThat(apps.getDouble(3)).isCloseTo(people.getDouble(1) / 60, within(1e-6));
    assertThat(apps.getLong(4)).isEqualTo(calls.getLong(2));
    assertThat(apps.getLong(5)).as("apps").isEqualTo(2);
    Row streams = one("SELECT count(*), sum(CASE WHEN packets_received + packets_lost > packets_sent THEN 1 ELSE 0 END)"
        + " FROM " + table(Truth.STREAMS));
    assertThat(streams.getLong(0)).isPositive();
    assertThat(streams.getLong(1)).isZero();
  }

  @Test
  void aRerunWritesTheSameBytesAndReplacesTheTruthAndAnotherSeedDiffers() throws Exception {
    Map<String, String> before = checksums(root.resolve("lake/landing"));
    SimulateJob.run(spark, settings);
    assertThat(checksums(root.resolve("lake/landing"))).isEqualTo(before);
    assertThat(one("SELECT count(*) FROM " + table(Truth.CALLS)).getLong(0)).isEqualTo(CALLS);

    // Without Spark, the same settings write the same bytes.
    Path local = root.resolve("local");
    SimulateSettings same = settings(local, 5);
    LocalSimulation.run(same);
    assertThat(checksums(local.resolve("landing"))).isEqualTo(before);

    Path other = root.resolve("other");
    SimulateJob.run(spark, settings(other, 6));
    Map<String, String> changed = checksums(other.resolve("landing"));
    assertThat(changed).isNotEmpty().isNotEqualTo(before);
  }

  @Test
  void theCommandRefusesBadArgumentsWithExitCode2() {
    String lake = root.resolve("cli").toString();
    assertThat(Main.execute("simulate", "--date", "2026-11-20", "--calls", "0", "--lake", lake)).isEqualTo(2);
    assertThat(Main.execute("simulate", "--date", "2026-11-20", "--calls", "5", "--dialect", "rtcstats",
        "--lake", lake)).isEqualTo(2);
    assertThat(Main.execute("simulate", "--date", "2026-11-20", "--calls", "5", "--dirt", "2", "--lake", lake))
        .isEqualTo(2);
    assertThat(Main.execute("simulate", "--date", "2026-11-20", "--calls", "5", "--lake", lake, "--truth",
        lake + "/landing/truth")).isEqualTo(2);
    assertThat(Main.execute("simulate", "--date", "20-11-2026", "--calls", "5", "--lake", lake)).isEqualTo(2);
    assertThat(Files.exists(Path.of(lake))).isFalse();
  }

  /** Every landing file (relative path) and its lines. */
  static Map<String, List<String>> readLanding(Path landing) throws IOException {
    Map<String, List<String>> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(landing)) {
      for (Path p : walk.filter(f -> f.toString().endsWith(".jsonl.gz")).toList()) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p));
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
          out.put(landing.relativize(p).toString(), r.lines().toList());
        }
      }
    }
    return out;
  }

  private static Map<String, String> checksums(Path landing) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(landing)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
        out.put(landing.relativize(p).toString(), HexFormat.of().formatHex(digest));
      }
    }
    return out;
  }
}

package callstats.lake.jobs.normalise;

import static callstats.lake.jobs.testing.Landing.at;
import static callstats.lake.jobs.testing.Landing.body;
import static callstats.lake.jobs.testing.Landing.inboundAudio;
import static callstats.lake.jobs.testing.Landing.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.spark.sql.functions.col;

import callstats.lake.config.LakeConfig;
import callstats.lake.ingest.IngestSettings;
import callstats.lake.jobs.testing.Landing;
import callstats.lake.jobs.testing.Tables;
import callstats.lake.table.TableSpec;
import callstats.lake.table.silver.Silver;
import callstats.lake.testing.TestLake;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * normalise on hostile landing files: a line far over {@code normalise.max-line-bytes}, a gzip bomb, JSON
 * nested thousands deep, NaN/Infinity/huge numbers, invalid UTF-8, a day of nothing but garbage and a day with
 * only an empty file. Each gives quarantine rows with a specific reason (or an empty day), never a failed run;
 * the counts are exact.
 *
 * <p>Memory: the line reader holds at most {@code max-line-bytes} of a line and skips the rest, so a 1 GB line
 * costs the memory of a 4 MiB one and only the time to read it; here a line of 5 times the limit stands for it
 * (BoundedLineReaderTest reads a 50 MiB line through a 1 KiB limit without the file on disk). A gzip file stops
 * being read once it has expanded beyond {@code max-gzip-ratio} times its size (and at least 64 MiB), so a bomb
 * of any size costs at most 64 MiB of reading.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

  private static final LocalDate HOSTILE = LocalDate.of(2026, 11, 21);
  private static final LocalDate GARBAGE = LocalDate.of(2026, 11, 22);
  private static final LocalDate EMPTY = LocalDate.of(2026, 11, 23);
  private static final String APP = "app-1";
  private static final int MIB = 1 << 20;

  private SparkSession spark;
  private LakeConfig config;
  private IngestSettings settings;
  private NormaliseJob.Result hostile;
  private NormaliseJob.Result garbage;
  private NormaliseJob.Result empty;

  @BeforeAll
  void normaliseTheDays(@TempDir Path dir) throws IOException {
    spark = TestLake.spark();
    Landing landing = new Landing(dir.resolve("landing"));
    config = TestLake.config(dir.resolve("lake"), landing.root());
    settings = IngestSettings.forTests(TestLake.HASH_KEY, List.of());
    assertThat(settings.maxLineBytes()).isEqualTo(4 * MIB);
    writeHostileDay(landing);
    writeGarbageDay(landing);
    Files.write(landing.write(EMPTY, 0, "empty.jsonl", List.of()), new byte[0]);
    hostile = NormaliseJob.run(spark, config, settings, HOSTILE);
    garbage = NormaliseJob.run(spark, config, settings, GARBAGE);
    empty = NormaliseJob.run(spark, config, settings, EMPTY);
  }

  private static String stats(long t, int i) {
    return line(APP, "c1", "uc-a", "stats", t + i * 10_050L,
        inboundAudio("alice", t + i * 10_000L, "pc1", 1, 100L * i, i, 8_000L * i));
  }

  private static void writeHostileDay(Landing landing) throws IOException {
    long t = at(HOSTILE, 10, 0);
    // a single line of 20 MiB, five times max-line-bytes, between two good lines
    String huge = "{\"v\":1,\"appID\":\"app-1\",\"confID\":\"c1\",\"ucID\":\"uc-a\",\"path\":\"stats\",\"body\":{\"x\":\""
        + "a".repeat(20 * MIB) + "\"}}";
    landing.write(HOSTILE, 10, "long-line.jsonl", List.of(stats(t, 1), huge, stats(t, 2)));

    // a gzip bomb: 80 MiB of '0' in about 80 KB, a line break every 16 MiB
    Path bomb = landing.write(HOSTILE, 11, "bomb.jsonl.gz", List.of());
    byte[] zeros = new byte[MIB];
    Arrays.fill(zeros, (byte) '0');
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb), 1 << 16)) {
      for (int i = 0; i < 80; i++) {
        out.write(zeros);
        if (i % 16 == 15) {
          out.write('\n');
        }
      }
    }
    assertThat(Files.size(bomb)).isLessThan(MIB);

    // JSON nested deeper than the parser allows (64): in the body, and 200,000 deep (far past any stack) in
    // an object and at the top (not an object: rejected at its first token)
    String deepBody = line(APP, "c1", "uc-a", "stats", t, body("alice", t))
        .replace("\"body\":{", "\"body\":{\"deep\":" + "[".repeat(5_000) + "]".repeat(5_000) + ",");
    landing.write(HOSTILE, 12, "nested.jsonl", List.of(
        deepBody,
        "{\"v\":" + "{\"a\":".repeat(200_000) + "1" + "}".repeat(200_000) + "}",
        "[".repeat(200_000) + "]".repeat(200_000),
        stats(t, 3)));

    // numbers: NaN, Infinity and 1e400 (which parses to Infinity) as stats values; a 200-digit number; a
    // timestamp of Infinity; a counter beyond a long
    String ok = stats(t, 4);
    landing.write(HOSTILE, 13, "numbers.jsonl", List.of(
        ok.replace("\"jitter\":0.02", "\"jitter\":NaN"),
        stats(t, 5).replace("\"packetsReceived\":500", "\"packetsReceived\":Infinity")
            .replace("\"bytesReceived\":40000,", "\"bytesReceived\":-Infinity,"),
        stats(t, 6).replace("\"jitter\":0.02", "\"jitter\":1e400"),
        stats(t, 7).replace("\"jitter\":0.02", "\"jitter\":" + "9".repeat(200)),
        stats(t, 8).replace("\"timestamp\":" + (t + 80_000L), "\"timestamp\":Infinity"),
        stats(t, 9).replace("\"packetsReceived\":900", "\"packetsReceived\":99999999999999999999999")));

    // invalid UTF-8: a lone continuation byte in a string, an overlong encoding of '/', a truncated sequence
    ByteArrayOutputStream utf8 = new ByteArrayOutputStream();
    String named = line(APP, "c1", "uc-a", "events/user/alive", t + 1, body("alice", t + 1));
    for (byte[] bad : List.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF},
        new byte[] {(byte) 0xE2, (byte) 0x82})) {
      byte[] l = named.replace("\"alice\"", "\"al@ice\"").getBytes(StandardCharsets.UTF_8);
      int at = indexOf(l, (byte) '@');
      utf8.write(l, 0, at);
      utf8.write(bad);
      utf8.write(l, at + 1, l.length - at - 1);
      utf8.write('\n');
    }
    utf8.write(named.getBytes(StandardCharsets.UTF_8));
    utf8.write('\n');
    Path utf8File = landing.write(HOSTILE, 14, "utf8.jsonl", List.of());
    Files.write(utf8File, utf8.toByteArray());
  }

  private static int indexOf(byte[] a, byte b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b) {
        return i;
      }
    }
    throw new IllegalArgumentException("no " + (char) b);
  }

  private static void writeGarbageDay(Landing landing) throws IOException {
    landing.write(GARBAGE, 3, "junk.jsonl", List.of(
        "hello world",
        "\u0000\u0001\u0002",
        "[1,2,3]",
        "null",
        "{}",
        "{\"v\":99,\"appID\":\"app-1\",\"confID\":\"c1\",\"ucID\":\"uc-a\",\"path\":\"stats\",\"body\":{}}",
        "   ",
        "{\"v\":1,\"appID\":\"app-1\""));
    // named .gz but plain text
    Path fake = landing.write(GARBAGE, 4, "fake.jsonl.gz", List.of());
    Files.writeString(fake, "not gzip\n");
    // random bytes
    byte[] noise = new byte[4096];
    new java.util.Random(7).nextBytes(noise);
    Files.write(landing.write(GARBAGE, 5, "noise.jsonl", List.of()), noise);
  }

  private List<Row> quarantine(String file) {
    return Tables.read(spark, config.lake(), Silver.QUARANTINE).where(col("source_file").endsWith("/" + file))
        .orderBy("line_number").collectAsList();
  }

  private List<String> reasons(String file) {
    return quarantine(file).stream().map(r -> r.<Long>getAs("line_number") + " " + r.<String>getAs("reason")).toList();
  }

  private Row log(String file) {
    List<Row> rows = Tables.read(spark, config.lake(), Silver.INGEST_LOG).where(col("source_file").endsWith("/" + file))
        .collectAsList();
    assertThat(rows).as("ingest log of %s", file).hasSize(1);
    return rows.get(0);
  }

  private long records(LocalDate date) {
    long n = 0;
    for (TableSpec t : Silver.RECORD_TABLES) {
      n += Tables.read(spark, config.lake(), t).where(col("date").equalTo(date.toString())).count();
    }
    return n;
  }

  @Test
  void aLineFarOverTheLimitIsQuarantinedAsOversizedAndReadingGoesOn() {
    assertThat(reasons("long-line.jsonl")).containsExactly("2 oversized");
    Row q = quarantine("long-line.jsonl").get(0);
    assertThat(q.<Long>getAs("raw_bytes")).isGreaterThan(20L * MIB);
    assertThat(q.<String>getAs("detail")).contains("more than the limit of " + 4 * MIB);
    assertThat(q.<String>getAs("raw_line").length()).isLessThanOrEqualTo(8192 + 100);
    Row log = log("long-line.jsonl");
    assertThat(log.<Long>getAs("lines_read")).isEqualTo(3L);
    assertThat(log.<Long>getAs("lines_accepted")).isEqualTo(2L);
  }

  @Test
  void aGzipBombIsCutOffAfterAtMost64MiB() {
    assertThat(reasons("bomb.jsonl.gz")).containsExactly(
        "1 oversized", "2 oversized", "3 oversized", "4 oversized", "5 decompression_bomb");
    Row log = log("bomb.jsonl.gz");
    assertThat(log.<String>getAs("read_error")).startsWith("decompression_bomb: the gzip file expands beyond 200 times");
    assertThat(log.<Long>getAs("lines_read")).isEqualTo(5L);
    assertThat(log.<Long>getAs("lines_accepted")).isZero();
  }

  @Test
  void deeplyNestedJsonIsQuarantinedWithoutBlowingTheStack() {
    assertThat(reasons("nested.jsonl")).containsExactly("1 nesting_too_deep", "2 nesting_too_deep", "3 not_an_object");
    assertThat(log("nested.jsonl").<Long>getAs("lines_accepted")).isEqualTo(1L);
  }

  @Test
  void nonFiniteAndHugeNumbersAreNullsOrQuarantinedNeverStored() {
    assertThat(reasons("numbers.jsonl")).containsExactly("4 value_out_of_range", "5 value_out_of_range");
    Row log = log("numbers.jsonl");
    assertThat(log.<Long>getAs("lines_accepted")).isEqualTo(4L);
    List<Row> samples = Tables.read(spark, config.lake(), Silver.RTP_STREAM_SAMPLES)
        .where(col("date").equalTo(HOSTILE.toString())).collectAsList();
    for (Row r : samples) {
      for (int i = 0; i < r.length(); i++) {
        if (r.get(i) instanceof Double d) {
          assertThat(d).as("%s of %s", r.schema().fields()[i].name(), r).isFinite();
        }
      }
    }
  }

  @Test
  void invalidUtf8IsQuarantinedAsSuch() {
    assertThat(reasons("utf8.jsonl")).containsExactly("1 invalid_utf8", "2 invalid_utf8", "3 invalid_utf8");
    assertThat(log("utf8.jsonl").<Long>getAs("lines_accepted")).isEqualTo(1L);
  }

  @Test
  void theHostileDayAddsUp() {
    assertThat(hostile.files()).isEqualTo(5);
    assertThat(hostile.linesRead()).isEqualTo(hostile.accepted() + hostile.quarantined());
    assertThat(hostile.quarantined()).isEqualTo(1 + 5 + 3 + 2 + 3);
    assertThat(hostile.accepted()).isEqualTo(2 + 0 + 1 + 4 + 1);
  }

  @Test
  void aDayOfOnlyGarbageIsAllQuarantineAndNoRecords() {
    assertThat(reasons("junk.jsonl")).containsExactly("1 malformed_json", "2 malformed_json", "3 not_an_object",
        "4 not_an_object", "5 missing_field", "6 unsupported_version", "7 empty_line", "8 malformed_json");
    assertThat(reasons("fake.jsonl.gz")).containsExactly("1 unreadable_file");
    assertThat(log("fake.jsonl.gz").<String>getAs("read_error")).startsWith("unreadable_file: not a gzip file");
    Row noise = log("noise.jsonl");
    assertThat(noise.<Long>getAs("lines_accepted")).isZero();
    assertThat(noise.<Long>getAs("lines_quarantined")).isEqualTo(noise.<Long>getAs("lines_read")).isPositive();
    assertThat(garbage.files()).isEqualTo(3);
    assertThat(garbage.accepted()).isZero();
    assertThat(garbage.quarantined()).isEqualTo(garbage.linesRead()).isEqualTo(8 + 1 + noise.<Long>getAs("lines_read"));
    assertThat(records(GARBAGE)).isZero();
  }

  @Test
  void aDayWithOnlyAnEmptyFileIsEmptyNotAnError() {
    // (a day without any file: NormaliseJobTest.aDayWithoutDataWritesEmptyPartitions)
    assertThat(empty.files()).isEqualTo(1);
    assertThat(empty.linesRead()).isZero();
    assertThat(log("empty.jsonl").<Long>getAs("lines_read")).isZero();
    assertThat(records(EMPTY)).isZero();
    assertThat(Tables.read(spark, config.lake(), Silver.QUARANTINE).where(col("date").equalTo(EMPTY.toString())).count())
        .isZero();
  }
}

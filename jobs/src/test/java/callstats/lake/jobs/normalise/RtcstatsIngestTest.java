package callstats.lake.jobs.normalise;

import static callstats.lake.jobs.testing.Landing.at;
import static callstats.lake.jobs.testing.Landing.inboundAudio;
import static callstats.lake.jobs.testing.Landing.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.spark.sql.functions.col;

import callstats.lake.config.LakeConfig;
import callstats.lake.ingest.IngestSettings;
import callstats.lake.jobs.cli.Main;
import callstats.lake.jobs.testing.Landing;
import callstats.lake.jobs.testing.Tables;
import callstats.lake.privacy.IpMasker;
import callstats.lake.privacy.KeyedHasher;
import callstats.lake.rtcstats.DumpLine;
import callstats.lake.rtcstats.DumpVisitor;
import callstats.lake.rtcstats.RtcstatsDumpProcessor;
import callstats.lake.rtcstats.StatsEntry;
import callstats.lake.table.TableSpec;
import callstats.lake.table.gold.RtcstatsFeatureTables;
import callstats.lake.table.silver.Silver;
import callstats.lake.testing.TestLake;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * rtcstats dumps end to end: the six real dumps give rtcstats-server's features through the
 * {@code rtcstats-features} command and through the gold tables, and a mixed landing day (callstats lines,
 * the six dumps, a dump without header, a truncated gzip dump, garbage lines, a dump landed twice) normalises
 * in one run with every line accounted for and silver rows that match the dumps.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RtcstatsIngestTest {

  static final List<String> DUMPS = List.of("chrome-standard-pc-reconnect", "chrome96-standard-stats-p2p-add-transceiver",
      "firefox-standard-stats-sfu", "google-standard-stats-p2p", "google-standard-stats-sfu", "safari-standard-stats");
  private static final LocalDate D = LocalDate.of(2026, 11, 21);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> RTP_TYPES = Set.of("inbound-rtp", "outbound-rtp", "remote-inbound-rtp",
      "remote-outbound-rtp");

  private Path dir;
  private SparkSession spark;
  private LakeConfig config;
  private IngestSettings settings;
  private NormaliseJob.Result first;
  private final Map<TableSpec, List<String>> afterFirstRun = new HashMap<>();

  @BeforeAll
  void normaliseAMixedDay(@TempDir Path tmp) throws IOException {
    dir = tmp;
    spark = TestLake.spark();
    Landing landing = new Landing(dir.resolve("landing"));
    config = TestLake.config(dir.resolve("lake"), landing.root());
    settings = IngestSettings.forTests(TestLake.HASH_KEY, List.of());
    writeDay(landing);
    first = NormaliseJob.run(spark, config, settings, D);
    for (TableSpec t : tables()) {
      afterFirstRun.put(t, Tables.contents(spark, config.lake(), t));
    }
  }

  private static void writeDay(Landing landing) throws IOException {
    long t = at(D, 9, 0);
    landing.write(D, 9, "a.jsonl", List.of(
        line("app-1", "c1", "uc-a", "stats", t + 50, inboundAudio("alice", t, "pc1", 1, 0, 0, 0)),
        line("app-1", "c1", "uc-a", "stats", t + 10_050, inboundAudio("alice", t + 10_000, "pc1", 1, 500, 10, 40_000))));
    for (int i = 0; i < DUMPS.size(); i++) {
      String name = DUMPS.get(i) + (i % 2 == 0 ? ".jsonl" : ".gz");
      landing.writeDump(D, name, dump(DUMPS.get(i)));
    }
    landing.writeDump(D, "again/safari-standard-stats.gz", dump("safari-standard-stats"));
    String reconnect = new String(dump("chrome-standard-pc-reconnect"), StandardCharsets.UTF_8);
    String[] lines = reconnect.split("\n");
    landing.writeDump(D, "no-header.jsonl", String.join("\n", Arrays.copyOfRange(lines, 1, 21)).getBytes());
    landing.writeDump(D, "garbage.jsonl", String.join("\n", lines[0], lines[1], "", "not json at all",
        "{\"an\":\"object\"}", "[\"getstats\",\"PC_0\",null,1647265401500]", lines[2]).getBytes());
    Path truncated = landing.writeDump(D, "truncated.gz", reconnect.getBytes(StandardCharsets.UTF_8));
    byte[] whole = Files.readAllBytes(truncated);
    Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
  }

  static byte[] dump(String name) {
    try (InputStream in = RtcstatsIngestTest.class.getResourceAsStream("/rtcstats/" + name + ".jsonl")) {
      assertThat(in).as("test resource rtcstats/%s.jsonl", name).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode expectedFeatures(String name) {
    try (InputStream in = RtcstatsIngestTest.class.getResourceAsStream("/rtcstats/" + name + ".json")) {
      return JSON.readTree(in).get(0).get("features");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deep equality with numbers compared as doubles (1 equals 1.0), array order significant. */
  static boolean sameJson(JsonNode a, JsonNode b) {
    Comparator<JsonNode> numbersAsDoubles = (x, y) -> {
      if (x.isNumber() && y.isNumber()) {
        return Double.compare(x.doubleValue(), y.doubleValue());
      }
      return x.equals(y) ? 0 : 1;
    };
    return a.equals(numbersAsDoubles, b);
  }

  private static List<TableSpec> tables() {
    List<TableSpec> all = new java.util.ArrayList<>(Silver.ALL);
    all.addAll(RtcstatsFeatureTables.ALL);
    return all;
  }

  private List<Row> rows(TableSpec t, String where) {
    return Tables.read(spark, config.lake(), t).where(where).collectAsList();
  }

  private Row log(String fileNameEnd) {
    List<Row> r = rows(Silver.INGEST_LOG, "source_file like '%/" + fileNameEnd + "'");
    assertThat(r).as("ingest log of %s", fileNameEnd).hasSize(1);
    return r.get(0);
  }

  @Test
  void theFeaturesCommandWritesTheReferenceFeaturesOfEveryDump() throws IOException {
    Path in = dir.resolve("cli-in");
    Path out = dir.resolve("cli-out");
    Files.createDirectories(in);
    for (int i = 0; i < DUMPS.size(); i++) {
      byte[] text = dump(DUMPS.get(i));
      if (i % 2 == 0) {
        Files.write(in.resolve(DUMPS.get(i) + ".jsonl"), text);
      } else {
        Files.write(in.resolve(DUMPS.get(i) + ".gz"), gzip(text));
      }
    }

    int exit = Main.execute("rtcstats-features", "--in", in.toString(), "--out", out.toString());

    assertThat(exit).isZero();
    for (String name : DUMPS) {
      JsonNode written = JSON.readTree(out.resolve(name + ".json").toFile());
      assertThat(written.fieldNames()).toIterable().containsExactly("features");
      assertThat(sameJson(written.get("features"), expectedFeatures(name))).as(name).isTrue();
    }
  }

  @Test
  void theGoldTablesHoldTheReferenceFeatures() {
    IpMasker masker = new IpMasker(KeyedHasher.forKey(TestLake.HASH_KEY));
    for (String name : DUMPS) {
      List<Row> s = rows(RtcstatsFeatureTables.SESSIONS, "dump_id = '" + name + "'");
      assertThat(s).as(name).hasSize(1);
      JsonNode stored = readJson(s.get(0).getAs("features_json")).get("features");
      JsonNode expected = readJson(masker.mask(expectedFeatures(name).toString()));
      assertThat(sameJson(stored, expected)).as(name).isTrue();
      assertThat(s.get(0).<String>getAs("reference_outcome")).isEqualTo("IDENTICAL");
    }
  }

  private static JsonNode readJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everyLineIsAccountedForPerFile() {
    List<Row> log = Tables.read(spark, config.lake(), Silver.INGEST_LOG).collectAsList();
    assertThat(log).hasSize(1 + DUMPS.size() + 4);
    for (Row r : log) {
      assertThat(r.<Long>getAs("lines_read")).as(r.<String>getAs("source_file"))
          .isEqualTo(r.<Long>getAs("lines_accepted") + r.<Long>getAs("lines_quarantined"));
    }
    for (String name : DUMPS) {
      long physical = new String(dump(name), StandardCharsets.UTF_8).lines().count();
      Row r = log(name + (DUMPS.indexOf(name) % 2 == 0 ? ".jsonl" : ".gz"));
      assertThat(r.<Long>getAs("lines_read")).as(name).isEqualTo(physical);
      assertThat(r.<Long>getAs("lines_accepted")).as(name).isEqualTo(physical);
      assertThat(r.<String>getAs("dialect")).isEqualTo("rtcstats");
    }
    assertThat(first.linesRead()).isEqualTo(first.accepted() + first.quarantined());
  }

  @Test
  void printNumbers() {
    for (TableSpec t : tables()) {
      System.out.println(t + " " + Tables.read(spark, config.lake(), t).count());
    }
    Tables.read(spark, config.lake(), Silver.INGEST_LOG).show(20, false);
    Tables.read(spark, config.lake(), Silver.QUARANTINE).select("source_file", "line_number", "reason", "detail")
        .show(40, false);
    Tables.read(spark, config.lake(), Silver.RTP_STREAM_SAMPLES).groupBy("uc_id").count().show(false);
    Tables.read(spark, config.lake(), Silver.SESSIONS).show(20, false);
  }

  /** rtp-type reports with an ssrc in the decompressed entries of every getstats line of a dump. */
  static long rtpReports(byte[] dump) throws IOException {
    long[] n = {0};
    RtcstatsDumpProcessor.withDefaults().process(new ByteArrayInputStream(dump), new DumpVisitor() {
      @Override
      public void line(DumpLine line, StatsEntry stats) {
        if (stats != null) {
          stats.forEachReport((id, r) -> {
            if (RTP_TYPES.contains(r.path("type").asText()) && r.hasNonNull("ssrc")) {
              n[0]++;
            }
          });
        }
      }
    });
    return n[0];
  }

  @Test
  void printExpectedRtp() throws IOException {
    for (String name : DUMPS) {
      System.out.println(name + " rtp reports " + rtpReports(dump(name)) + " silver "
          + Tables.read(spark, config.lake(), Silver.RTP_STREAM_SAMPLES).where(col("uc_id").equalTo(name)).count());
    }
  }

  @Test
  void rerunningTheDateGivesTheSameContents() {
    NormaliseJob.Result again = NormaliseJob.run(spark, config, settings, D);
    assertThat(again).isEqualTo(first);
    for (TableSpec t : tables()) {
      assertThat(Tables.contents(spark, config.lake(), t)).as(t.qualifiedName()).isEqualTo(afterFirstRun.get(t));
    }
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }
}

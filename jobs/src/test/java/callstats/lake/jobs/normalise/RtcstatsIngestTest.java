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

  private Row log(String name) {
    List<Row> r = rows(Silver.INGEST_LOG, "source_file like '%/date=" + D + "/" + name + "'");
    assertThat(r).as("ingest log of %s", name).hasSize(1);
    return r.get(0);
  }

  private static String landedName(String dump) {
    return dump + (DUMPS.indexOf(dump) % 2 == 0 ? ".jsonl" : ".gz");
  }

  @Test
  void theFeaturesCommandWritesTheReferenceFeaturesOfEveryDump() throws IOException {
    Path in = dir.resolve("cli-in");
    Path out = dir.resolve("cli-out");
    Files.createDirectories(in);
    for (String name : DUMPS) {
      byte[] text = dump(name);
      Files.write(in.resolve(landedName(name)), landedName(name).endsWith(".gz") ? gzip(text) : text);
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
      assertThat(s.get(0).<String>getAs("app_id")).isEqualTo("Jitsi Meet");
    }
    // docs/rtcstats-features.md 8.2, by hand: PC_0 of the reconnecting Chrome session
    Row pc0 = rows(RtcstatsFeatureTables.CONNECTIONS, "dump_id = 'chrome-standard-pc-reconnect' and pc_id = 'PC_0'")
        .get(0);
    assertThat(pc0.<Long>getAs("ice_reconnects")).isEqualTo(2L);
    assertThat(pc0.<Boolean>getAs("connection_failed")).isTrue();
    assertThat(pc0.<Long>getAs("pc_session_duration_ms")).isEqualTo(1647265496870L - 1647265402732L);
    assertThat(pc0.<Double>getAs("mean_rtt")).isEqualTo(0.19);
    assertThat(pc0.<Long>getAs("total_packets_received")).isEqualTo(1277L + 1276L);
    assertThat(pc0.<Double>getAs("received_packets_lost_pct")).isEqualTo(0.08);
    assertThat(pc0.<String>getAs("local_address_hash")).isNotBlank().doesNotContain("x.x.x.x");
    Row track = rows(RtcstatsFeatureTables.TRACKS, "dump_id = 'chrome-standard-pc-reconnect' and ssrc = 69911005")
        .get(0);
    assertThat(track.<String>getAs("direction")).isEqualTo("receiver");
    assertThat(track.<Integer>getAs("track_index")).isZero();
    assertThat(track.<Long>getAs("packets")).isEqualTo(1277L);
    assertThat(track.<Double>getAs("packets_lost_pct")).isEqualTo(0.08);
    assertThat(Tables.read(spark, config.lake(), RtcstatsFeatureTables.SESSIONS).count())
        .as("one row per dump: the six, the header-less, the garbage and the truncated one").isEqualTo(9);
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
      Row r = log(landedName(name));
      assertThat(r.<Long>getAs("lines_read")).as(name).isEqualTo(physical);
      assertThat(r.<Long>getAs("lines_accepted") + r.<Long>getAs("lines_duplicate")).as(name).isEqualTo(physical);
      assertThat(r.<String>getAs("dialect")).isEqualTo("rtcstats");
    }
    assertThat(first.linesRead()).isEqualTo(first.accepted() + first.quarantined());
  }

  @Test
  void aDumpLandedTwiceCountsOnce() {
    // "again/safari-standard-stats.gz" sorts before "safari-standard-stats.gz" and keeps every line
    Row copy = log("safari-standard-stats.gz");
    assertThat(copy.<Long>getAs("lines_duplicate")).isEqualTo(181L);
    assertThat(copy.<Long>getAs("lines_accepted")).isZero();
    assertThat(log("again/safari-standard-stats.gz").<Long>getAs("lines_accepted")).isEqualTo(181L);
    assertThat(rows(Silver.SESSIONS, "uc_id = 'safari-standard-stats'")).singleElement()
        .satisfies(r -> assertThat(r.<Long>getAs("records")).isEqualTo(181L));
    assertThat(rows(RtcstatsFeatureTables.SESSIONS, "dump_id = 'safari-standard-stats'")).hasSize(1);
  }

  @Test
  void badDumpsAndLinesAreQuarantinedAndTheRestIsUsed() {
    List<Row> garbage = rows(Silver.QUARANTINE, "source_file like '%/garbage.jsonl'");
    assertThat(garbage).extracting(r -> r.<Long>getAs("line_number") + " " + r.<String>getAs("reason"))
        .containsExactlyInAnyOrder("3 empty_line", "4 malformed_json", "5 not_an_array", "6 wrong_type");
    assertThat(log("garbage.jsonl").<Long>getAs("lines_accepted")).isEqualTo(3L);

    Row noHeader = rows(Silver.QUARANTINE, "source_file like '%/no-header.jsonl'").get(0);
    assertThat(noHeader.<String>getAs("reason")).isEqualTo("missing_connection_info");
    assertThat(noHeader.<Long>getAs("line_number")).isEqualTo(1L);
    assertThat(log("no-header.jsonl").<Long>getAs("lines_accepted")).isEqualTo(19L);
    Row session = rows(Silver.SESSIONS, "uc_id = 'no-header'").get(0);
    assertThat(session.<String>getAs("stats_format")).isEqualTo("unsupported");
    assertThat(session.<String>getAs("app_id")).isEqualTo("rtcstats");

    Row truncated = log("truncated.gz");
    assertThat(truncated.<String>getAs("read_error")).startsWith("truncated_file");
    assertThat(truncated.<Long>getAs("lines_accepted")).isGreaterThan(100L);
    assertThat(rows(Silver.EVENTS, "uc_id = 'truncated'")).isNotEmpty();
  }

  @Test
  void silverRowsFollowTheDecompressedDumps() throws IOException {
    for (String name : DUMPS) {
      assertThat(rows(Silver.RTP_STREAM_SAMPLES, "uc_id = '" + name + "'")).as(name)
          .hasSize((int) streamReports(dump(name)));
    }
    // docs/rtcstats-features.md 3.3: line 215 sends {timestamp:0, packetsReceived:1277, framesPerSecond:31};
    // packetsLost (1, line 208) and frameHeight (360) are inherited
    Row video = rows(Silver.RTP_STREAM_SAMPLES,
        "uc_id = 'chrome-standard-pc-reconnect' and ssrc = 69911005 and line_number = 215").get(0);
    assertThat(video.<Long>getAs("packets_received")).isEqualTo(1277L);
    assertThat(video.<Long>getAs("packets_lost")).isEqualTo(1L);
    assertThat(video.<Integer>getAs("frame_height")).isEqualTo(360);
    assertThat(video.<Double>getAs("frames_per_second")).isEqualTo(31.0);
    assertThat(video.<String>getAs("connection_id")).isEqualTo("PC_0");
    // 8.1: the audio receiver 2566963332 of PC_1 at line 234
    Row audio = rows(Silver.RTP_STREAM_SAMPLES,
        "uc_id = 'google-standard-stats-p2p' and ssrc = 2566963332 and line_number = 234").get(0);
    assertThat(audio.<Long>getAs("packets_received")).isEqualTo(82L);
    assertThat(audio.<Long>getAs("total_samples_received")).isEqualTo(2235520L);
    assertThat(audio.<Long>getAs("concealed_samples")).isEqualTo(2165527L);
    // legacy Chrome stats: strings as numbers, googRtt in ms
    assertThat(rows(Silver.TRANSPORT_SAMPLES, "uc_id = 'chrome96-standard-stats-p2p-add-transceiver'"))
        .isNotEmpty().allSatisfy(r -> assertThat(r.<String>getAs("pair_selection")).isEqualTo("legacy_active"));
  }

  @Test
  void sessionsAndEventsCarryTheIdentity() {
    Row s = rows(Silver.SESSIONS, "uc_id = 'chrome-standard-pc-reconnect'").get(0);
    assertThat(s.<String>getAs("app_id")).isEqualTo("Jitsi Meet");
    assertThat(s.<String>getAs("conf_id")).isEqualTo("f90acd63-a86e-4351-b2fe-c584fa14893e");
    assertThat(s.<String>getAs("meetings_name")).isEqualTo("ProblematicLandmarksAssociateAbout");
    assertThat(s.<String>getAs("user_id")).isEqualTo("Lesly-U1W");
    assertThat(s.<String>getAs("browser")).isEqualTo("Chrome");
    assertThat(s.<String>getAs("browser_major")).isEqualTo("99");
    assertThat(s.<String>getAs("stats_format")).isEqualTo("chrome_standard");
    assertThat(s.<Long>getAs("records")).isEqualTo(222L);
    assertThat(s.<String>getAs("dialect")).isEqualTo("rtcstats");

    List<Row> states = Tables.read(spark, config.lake(), Silver.EVENTS)
        .where("uc_id = 'chrome-standard-pc-reconnect' and connection_id = 'PC_0' and event = 'connection_state_change'")
        .orderBy("line_number").collectAsList();
    assertThat(states).extracting(r -> r.<String>getAs("prev_state") + ">" + r.<String>getAs("new_state"))
        .containsExactly("null>connecting", "connecting>connected", "connected>disconnected",
            "disconnected>connected", "connected>disconnected", "disconnected>connected", "connected>failed");
    assertThat(rows(Silver.EVENTS, "uc_id = 'chrome-standard-pc-reconnect' and event = 'get_user_media_failure'"))
        .hasSize(2).allSatisfy(r -> assertThat(r.<String>getAs("error_name")).isEqualTo("NotReadableError"));
    assertThat(rows(Silver.EVENTS, "uc_id = 'chrome-standard-pc-reconnect' and event = 'dominant_speaker'"))
        .singleElement().satisfies(r -> assertThat(r.<String>getAs("remote_id")).isEqualTo("05e5393b"));
    long events = Tables.read(spark, config.lake(), Silver.EVENTS).where(col("uc_id").equalTo("google-standard-stats-p2p"))
        .count();
    assertThat(events).as("every line but the header, identity and getstats lines").isEqualTo(234 - 1 - 4 - 81);
  }

  /**
   * The stream reports of the decompressed getstats entries of a dump: standard rtp reports with an ssrc whose
   * media kind the sample tells (kind, mediaType, codec or local report), and legacy ssrc reports.
   */
  static long streamReports(byte[] dump) throws IOException {
    long[] n = {0};
    RtcstatsDumpProcessor.withDefaults().process(new ByteArrayInputStream(dump), new DumpVisitor() {
      @Override
      public void line(DumpLine line, StatsEntry stats) {
        if (stats != null) {
          stats.forEachReport((id, r) -> {
            String type = r.path("type").asText();
            boolean known = !r.path("kind").asText().isEmpty() || !r.path("mediaType").asText().isEmpty()
                || stats.report(r.path("codecId").asText()) != null || stats.report(r.path("localId").asText()) != null;
            boolean legacy = type.equals("ssrc") && (id.endsWith("_recv") || id.endsWith("_send"));
            if (legacy || (RTP_TYPES.contains(type) && r.hasNonNull("ssrc") && known)) {
              n[0]++;
            }
          });
        }
      }
    });
    return n[0];
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

package callstats.lake.ingest.rtcstats;

import static org.assertj.core.api.Assertions.assertThat;

import callstats.lake.ingest.IngestSettings;
import callstats.lake.ingest.QuarantineReason;
import callstats.lake.table.TableSpec;
import callstats.lake.table.gold.RtcstatsFeatureTables;
import callstats.lake.table.silver.EventCol;
import callstats.lake.table.silver.RtpStreamSampleCol;
import callstats.lake.table.silver.SessionCol;
import callstats.lake.table.silver.Silver;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One dump through the lake's reader, without Spark: ids, line outcomes, events, stream rows, laziness. */
class RtcstatsDumpReaderTest {

  private static final String KEY = "test-hash-key-0123456789";
  private static final Date DATE = Date.valueOf(LocalDate.of(2026, 11, 21));
  private static final String HEADER = "['connectionInfo',null,{'userAgent':'Mozilla/5.0 (Windows NT 10.0; Win64; x64) "
      + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/99.0.4844.51 Safari/537.36','clientProtocol':'3.1_STANDARD'},"
      + "1700000000000]";

  /** What the reader put in the sink, in order. */
  static final class Recorded implements DumpRowSink {
    final List<String> outcomes = new ArrayList<>();
    final List<Object[]> events = new ArrayList<>();
    final List<Object[]> streams = new ArrayList<>();
    final List<Object[]> sessions = new ArrayList<>();
    final List<TableSpec> gold = new ArrayList<>();
    final List<String> recordIds = new ArrayList<>();
    String fault;

    @Override
    public void row(TableSpec table, long lineNumber, Object[] values) {
      if (table == Silver.EVENTS) {
        events.add(values);
      } else if (table == Silver.RTP_STREAM_SAMPLES) {
        streams.add(values);
      } else if (table == Silver.SESSIONS) {
        sessions.add(values);
      } else if (RtcstatsFeatureTables.ALL.contains(table)) {
        gold.add(table);
      }
    }

    @Override
    public void accepted(long lineNumber, String recordId, String method, long bytes) {
      outcomes.add(lineNumber + " ok");
      recordIds.add(recordId);
    }

    @Override
    public void quarantined(long lineNumber, QuarantineReason reason, String detail, String method, String excerpt,
        long bytes) {
      outcomes.add(lineNumber + " " + reason.code());
    }

    @Override
    public void fault(QuarantineReason reason, String detail) {
      fault = reason.code();
    }

    @Override
    public void features(String dumpId, ObjectNode features) {
      gold.add(null);
    }
  }

  private static String dump(String... lines) {
    return String.join("\n", lines).replace('\'', '"') + "\n";
  }

  private static Recorded read(String text, IngestSettings settings) throws IOException {
    RtcstatsDumpReader reader = new RtcstatsDumpReader(settings, RtcstatsDumpReader.Output.LAKE);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    RtcstatsIdentity.Ids ids = reader.ids(reader.identity(new ByteArrayInputStream(bytes)), "dump-1");
    Recorded sink = new Recorded();
    RtcstatsDumpReader.Pass pass = reader.open(new ByteArrayInputStream(bytes), ids, DATE, "file:/d/dump-1", sink);
    while (pass.step()) {
      // one line per step
    }
    return sink;
  }

  private static Recorded read(String text) throws IOException {
    return read(text, IngestSettings.forTests(KEY, List.of()));
  }

  private static Object get(Object[] row, Enum<?> col) {
    return row[col.ordinal()];
  }

  @Test
  void identityLinesAnywhereInTheDumpNameEveryRow() throws IOException {
    Recorded r = read(dump(HEADER,
        "['onconnectionstatechange','PC_0','connecting',1700000001000]",
        "['identity',null,{'confID':'host/room','displayName':'Ann','deviceId':'d-1'},1700000002000]",
        "['identity',null,{'meetingUniqueId':'m-42','confName':'Room','displayName':'Bob'},1700000003000]"));

    Object[] event = r.events.get(0);
    assertThat(get(event, EventCol.APP_ID)).isEqualTo("rtcstats");
    assertThat(get(event, EventCol.CONF_ID)).isEqualTo("m-42");
    assertThat(get(event, EventCol.UC_ID)).isEqualTo("dump-1");
    assertThat(get(event, EventCol.USER_ID)).as("first non-empty value wins").isEqualTo("Ann");
    Object[] session = r.sessions.get(0);
    assertThat(get(session, SessionCol.MEETINGS_NAME)).isEqualTo("Room");
    assertThat(get(session, SessionCol.BROWSER)).isEqualTo("Chrome");
    assertThat(get(session, SessionCol.RECORDS)).isEqualTo(4L);
  }

  @Test
  void personalIdsArePseudonymisedForListedApps() throws IOException {
    Recorded r = read(dump(HEADER, "['identity',null,{'applicationName':'Meet','displayName':'Ann','deviceId':'d-1'},1]"),
        IngestSettings.forTests(KEY, List.of("Meet")));

    Object[] session = r.sessions.get(0);
    assertThat(get(session, SessionCol.APP_ID)).isEqualTo("Meet");
    assertThat((String) get(session, SessionCol.USER_ID)).startsWith("p:").doesNotContain("Ann");
    assertThat((String) get(session, SessionCol.DEVICE_ID)).startsWith("p:");
    assertThat(get(session, SessionCol.CONF_ID)).as("no conference named: the dump is its own").isEqualTo("dump-1");
  }

  @Test
  void everyLineHasExactlyOneOutcomeAndAMissingHeaderQuarantinesLine1() throws IOException {
    Recorded r = read(dump("not json", "['close','PC_0',{},1700000001000]", "", "{'a':1}", "['x','PC_0',1,'ts']"));

    assertThat(r.outcomes).containsExactly("1 missing_connection_info", "2 ok", "3 empty_line", "4 not_an_array",
        "5 wrong_type");
    assertThat(r.events).hasSize(1);
    assertThat(r.gold).as("features of the rest of the dump")
        .containsExactly(RtcstatsFeatureTables.SESSIONS, RtcstatsFeatureTables.CONNECTIONS);
  }

  @Test
  void aValidFirstLineThatIsNotAHeaderIsQuarantinedOnce() throws IOException {
    Recorded r = read(dump("['onnegotiationneeded','PC_0',null,1700000001000]", "['close','PC_0',{},1700000001001]"));

    assertThat(r.outcomes).containsExactly("1 missing_connection_info", "2 ok");
    assertThat(r.events).hasSize(1);
  }

  @Test
  void stateChangesCarryThePreviousStateOfTheSameConnection() throws IOException {
    Recorded r = read(dump(HEADER,
        "['oniceconnectionstatechange','PC_0','checking',1700000001000]",
        "['oniceconnectionstatechange','PC_1','checking',1700000001001]",
        "['oniceconnectionstatechange','PC_0','connected',1700000001002]"));

    Object[] third = r.events.get(2);
    assertThat(get(third, EventCol.CATEGORY)).isEqualTo("ice");
    assertThat(get(third, EventCol.EVENT)).isEqualTo("ice_connection_state_change");
    assertThat(get(third, EventCol.PREV_STATE)).isEqualTo("checking");
    assertThat(get(third, EventCol.NEW_STATE)).isEqualTo("connected");
    assertThat(get(r.events.get(1), EventCol.PREV_STATE)).isNull();
  }

  @Test
  void sdpAndErrorsAreIpMaskedAndCredentialsDropped() throws IOException {
    Recorded r = read(dump(HEADER,
        "['setLocalDescription','PC_0',{'type':'offer','sdp':'v=0\\r\\nc=IN IP4 203.0.113.7\\r\\n'},1700000001000]",
        "['setRemoteDescriptionOnFailure','PC_0','OperationError: bad candidate 198.51.100.9',1700000001001]",
        "['create','PC_0',{'iceServers':[{'urls':'turn:t.example','username':'u','credential':'s3cr3t'}]},1700000001002]",
        "['navigator.mediaDevices.getUserMediaOnFailure',null,'NotAllowedError',1700000001003]",
        "['someNewMethod','PC_0',{'x':1},1700000001004]"));

    assertThat((String) get(r.events.get(0), EventCol.MESSAGE)).contains("c=IN IP4 ip:").doesNotContain("203.0.113.7");
    assertThat(get(r.events.get(0), EventCol.DETAILS)).isEqualTo("{\"type\":\"offer\"}");
    assertThat(get(r.events.get(1), EventCol.ERROR_NAME)).isEqualTo("OperationError");
    assertThat((String) get(r.events.get(1), EventCol.ERROR_MESSAGE)).doesNotContain("198.51.100.9");
    assertThat((String) get(r.events.get(2), EventCol.DETAILS)).contains("turn:t.example").doesNotContain("s3cr3t")
        .doesNotContain("username");
    assertThat(get(r.events.get(3), EventCol.EVENT)).isEqualTo("get_user_media_failure");
    assertThat(get(r.events.get(3), EventCol.CATEGORY)).isEqualTo("device");
    assertThat(get(r.events.get(3), EventCol.ERROR_NAME)).isEqualTo("NotAllowedError");
    assertThat(get(r.events.get(4), EventCol.CATEGORY)).isEqualTo("other");
    assertThat(get(r.events.get(4), EventCol.EVENT)).isEqualTo("some_new_method");
  }

  @Test
  void getstatsLinesBecomeStreamSamplesOfTheDecompressedEntry() throws IOException {
    Recorded r = read(dump(HEADER,
        "['getstats','PC_0',{'IA1':{'type':'inbound-rtp','kind':'audio','ssrc':1,'packetsReceived':10,'packetsLost':1,"
            + "'timestamp':0},'timestamp':1700000001000},1700000001000]",
        "['getstats','PC_0',{'IA1':{'packetsReceived':20,'timestamp':0},'timestamp':1700000002000},1700000002000]"));

    assertThat(r.streams).hasSize(2);
    Object[] second = r.streams.get(1);
    assertThat(get(second, RtpStreamSampleCol.PACKETS_RECEIVED)).isEqualTo(20L);
    assertThat(get(second, RtpStreamSampleCol.PACKETS_LOST)).as("inherited from the first entry").isEqualTo(1L);
    assertThat(get(second, RtpStreamSampleCol.SAMPLE_TS).toString()).isEqualTo("2023-11-14 22:13:22.0");
    assertThat(get(second, RtpStreamSampleCol.CONNECTION_ID)).isEqualTo("PC_0");
  }

  @Test
  void recordIdsAreContentHashesOfTheDumpIdLineNumberAndText() throws IOException {
    String text = dump(HEADER, "['close','PC_0',{},1700000001000]", "['close','PC_0',{},1700000001000]");
    Recorded a = read(text);
    Recorded b = read(text);

    assertThat(a.recordIds).isEqualTo(b.recordIds).doesNotHaveDuplicates().hasSize(3);
  }

  @Test
  void aPassReadsOneLinePerStep() throws IOException {
    RtcstatsDumpReader reader = new RtcstatsDumpReader(IngestSettings.forTests(KEY, List.of()),
        RtcstatsDumpReader.Output.LAKE);
    String text = dump(HEADER, "['close','PC_0',{},1700000001000]", "['close','PC_1',{},1700000001001]");
    Recorded sink = new Recorded();
    RtcstatsDumpReader.Pass pass = reader.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        reader.ids(new RtcstatsIdentity(), "d"), DATE, "f", sink);

    assertThat(pass.step()).isTrue();
    assertThat(sink.outcomes).containsExactly("1 ok");
    assertThat(pass.step()).isTrue();
    assertThat(sink.events).hasSize(1);
    assertThat(pass.step()).isTrue();
    assertThat(pass.step()).isFalse();
    assertThat(sink.sessions).hasSize(1);
    assertThat(pass.step()).isFalse();
    assertThat(sink.sessions).hasSize(1);
  }

  @Test
  void getUserMediaIsADeviceEventWithOrWithoutItsPrefix() {
    assertThat(RtcstatsEvents.kindOf("navigator.mediaDevices.getUserMediaOnSuccess"))
        .containsExactly("device", "get_user_media_success");
    assertThat(RtcstatsEvents.kindOf("getUserMediaOnFailure")).containsExactly("device", "get_user_media_failure");
    assertThat(RtcstatsEvents.kindOf("navigator.getDisplayMedia")).containsExactly("device", "get_display_media");
    assertThat(RtcstatsEvents.kindOf("getStats")).containsExactly("other", "get_stats");
  }

  @Test
  void dumpIdsAreFileNamesWithoutTheirExtensions() {
    assertThat(RtcstatsDumpReader.dumpId("ae86fd25-9b95.gz")).isEqualTo("ae86fd25-9b95");
    assertThat(RtcstatsDumpReader.dumpId("ae86fd25-9b95.jsonl")).isEqualTo("ae86fd25-9b95");
    assertThat(RtcstatsDumpReader.dumpId("ae86fd25-9b95.jsonl.gz")).isEqualTo("ae86fd25-9b95");
    assertThat(RtcstatsDumpReader.dumpId("ae86fd25-9b95_1")).isEqualTo("ae86fd25-9b95_1");
  }
}

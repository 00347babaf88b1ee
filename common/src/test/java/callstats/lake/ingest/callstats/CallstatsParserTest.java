package callstats.lake.ingest.callstats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import callstats.lake.ingest.BadRecord;
import callstats.lake.ingest.IngestSettings;
import callstats.lake.ingest.ParsedLine;
import callstats.lake.ingest.QuarantineReason;
import callstats.lake.table.TableSpec;
import callstats.lake.table.silver.EventCol;
import callstats.lake.table.silver.FeedbackCol;
import callstats.lake.table.silver.PrecallTestCol;
import callstats.lake.table.silver.RtpStreamSampleCol;
import callstats.lake.table.silver.SessionCol;
import callstats.lake.table.silver.Silver;
import callstats.lake.table.silver.SsrcMapCol;
import callstats.lake.table.silver.TransportSampleCol;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallstatsParserTest {

  private static final String KEY = "parser-test-key-0123456789";
  private static final Date DATE = Date.valueOf("2026-11-20");
  /** 2026-11-20T10:00:00Z */
  private static final long T0 = 1_795_168_800_000L;

  private final CallstatsParser parser = new CallstatsParser(IngestSettings.forTests(KEY, List.of("private-app")));

  private record Emitted(TableSpec table, Object[] row) {
    Object get(Enum<?> col) {
      return row[col.ordinal()];
    }
  }

  private final List<Emitted> rows = new ArrayList<>();

  private ParsedLine parse(String line) throws BadRecord {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    return parser.parse(b, b.length, DATE, "file:/landing/a.jsonl", 7, (t, r) -> rows.add(new Emitted(t, r)));
  }

  private List<Emitted> of(TableSpec t) {
    return rows.stream().filter(e -> e.table() == t).toList();
  }

  private static String line(String app, String path, String body) {
    return "{\"v\":1,\"appID\":\"" + app + "\",\"confID\":\"conf-1\",\"ucID\":\"uc-1\",\"path\":\"" + path
        + "\",\"receivedAt\":" + (T0 + 40) + ",\"geo\":{\"country\":\"FI\",\"region\":\"18\",\"asn\":1759,\"isp\":\"Telia\"},"
        + "\"body\":{\"localID\":\"alice\",\"deviceID\":\"dev-1\",\"timestamp\":" + T0 + body + "}}";
  }

  private static String line(String path, String body) {
    return line("app-1", path, body);
  }

  private static final String STATS = ",\"connectionID\":\"pc-1\",\"remoteID\":\"bob\",\"stats\":["
      + "{\"id\":\"IA\",\"type\":\"inbound-rtp\",\"kind\":\"audio\",\"ssrc\":111,\"timestamp\":" + T0
      + ",\"packetsReceived\":\"900\",\"bytesReceived\":72000,\"packetsLost\":-3,\"jitter\":0.025,\"codecId\":\"CA\","
      + "\"jitterBufferDelay\":12.5,\"jitterBufferEmittedCount\":48000},"
      + "{\"id\":\"OV\",\"type\":\"outbound-rtp\",\"kind\":\"video\",\"ssrc\":222,\"contentType\":\"screenshare\","
      + "\"packetsSent\":1000,\"bytesSent\":900000,\"framesEncoded\":300,\"frameWidth\":1280,\"frameHeight\":720,"
      + "\"qualityLimitationReason\":\"bandwidth\",\"qualityLimitationDurations\":{\"none\":20,\"bandwidth\":8.5,"
      + "\"cpu\":1.5,\"other\":0},\"targetBitrate\":1500000,\"framesPerSecond\":\"NaN\"},"
      + "{\"id\":\"RI\",\"type\":\"remote-inbound-rtp\",\"kind\":\"video\",\"ssrc\":222,\"localId\":\"OV\","
      + "\"packetsLost\":12,\"roundTripTime\":0.120,\"fractionLost\":0.01},"
      + "{\"id\":\"CA\",\"type\":\"codec\",\"mimeType\":\"audio/opus\"},"
      + "{\"id\":\"T\",\"type\":\"transport\",\"selectedCandidatePairId\":\"P2\",\"dtlsState\":\"connected\"},"
      + "{\"id\":\"P1\",\"type\":\"candidate-pair\",\"nominated\":true,\"state\":\"succeeded\",\"localCandidateId\":\"L1\"},"
      + "{\"id\":\"P2\",\"type\":\"candidate-pair\",\"state\":\"succeeded\",\"localCandidateId\":\"L2\","
      + "\"remoteCandidateId\":\"R2\",\"currentRoundTripTime\":0.05,\"availableOutgoingBitrate\":2500000},"
      + "{\"id\":\"L2\",\"type\":\"local-candidate\",\"candidateType\":\"host\",\"protocol\":\"udp\","
      + "\"address\":\"192.168.1.20\",\"networkType\":\"wifi\"},"
      + "{\"id\":\"R2\",\"type\":\"remote-candidate\",\"candidateType\":\"srflx\",\"address\":\"198.51.100.7\"}]";

  @Test
  void statsBecomeOneRowPerRtpStreamAndOneTransportRow() throws BadRecord {
    parse(line("stats", STATS));
    List<Emitted> rtp = of(Silver.RTP_STREAM_SAMPLES);
    assertThat(rtp).hasSize(3);
    Emitted audio = rtp.get(0);
    assertThat(audio.get(RtpStreamSampleCol.DIRECTION)).isEqualTo("inbound");
    assertThat(audio.get(RtpStreamSampleCol.PACKETS_RECEIVED)).isEqualTo(900L);
    assertThat(audio.get(RtpStreamSampleCol.PACKETS_LOST)).isEqualTo(-3L);
    assertThat((Double) audio.get(RtpStreamSampleCol.JITTER_MS)).isCloseTo(25.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(audio.get(RtpStreamSampleCol.CODEC)).isEqualTo("audio/opus");
    assertThat((String[]) audio.get(RtpStreamSampleCol.FLAGS)).containsExactly("numbers_as_strings");
    Emitted screen = rtp.get(1);
    assertThat(screen.get(RtpStreamSampleCol.MEDIA_TYPE)).isEqualTo("screen");
    assertThat(screen.get(RtpStreamSampleCol.QL_BANDWIDTH_S)).isEqualTo(8.5);
    assertThat(screen.get(RtpStreamSampleCol.TARGET_BITRATE_KBPS)).isEqualTo(1500.0);
    assertThat(screen.get(RtpStreamSampleCol.FRAMES_PER_SECOND)).isNull();
    assertThat((String[]) screen.get(RtpStreamSampleCol.FLAGS)).containsExactly("bad_number");
    Emitted remote = rtp.get(2);
    assertThat(remote.get(RtpStreamSampleCol.DIRECTION)).isEqualTo("remote-inbound");
    assertThat(remote.get(RtpStreamSampleCol.MEDIA_TYPE)).isEqualTo("screen");
    assertThat(remote.get(RtpStreamSampleCol.ROUND_TRIP_TIME_MS)).isEqualTo(120.0);

    List<Emitted> transport = of(Silver.TRANSPORT_SAMPLES);
    assertThat(transport).hasSize(1);
    Emitted t = transport.get(0);
    assertThat(t.get(TransportSampleCol.CANDIDATE_PAIR_ID)).isEqualTo("P2");
    assertThat(t.get(TransportSampleCol.PAIR_SELECTION)).isEqualTo("transport");
    assertThat(t.get(TransportSampleCol.CURRENT_RTT_MS)).isEqualTo(50.0);
    assertThat(t.get(TransportSampleCol.AVAILABLE_OUTGOING_BITRATE_KBPS)).isEqualTo(2500.0);
    assertThat(t.get(TransportSampleCol.LOCAL_NETWORK_TYPE)).isEqualTo("wifi");
    assertThat(t.get(TransportSampleCol.LOCAL_ADDRESS_PRIVATE)).isEqualTo(true);
    assertThat(t.get(TransportSampleCol.REMOTE_ADDRESS_FAMILY)).isEqualTo("ipv4");
    assertThat(t.get(TransportSampleCol.RELAY_ADDRESS)).isNull();
    assertThat(Arrays.deepToString(t.row())).doesNotContain("192.168.1.20", "198.51.100.7");
    assertThat(t.get(TransportSampleCol.REMOTE_ADDRESS_HASH))
        .isEqualTo(callstats.lake.privacy.KeyedHasher.forKey(KEY).hash("198.51.100.7"));
  }

  @Test
  void withoutASelectedPairTheNominatedSucceededPairIsUsed() throws BadRecord {
    parse(line("stats", STATS.replace("\"selectedCandidatePairId\":\"P2\",", "")));
    assertThat(of(Silver.TRANSPORT_SAMPLES).get(0).get(TransportSampleCol.CANDIDATE_PAIR_ID)).isEqualTo("P1");
    assertThat(of(Silver.TRANSPORT_SAMPLES).get(0).get(TransportSampleCol.PAIR_SELECTION)).isEqualTo("nominated");
  }

  @Test
  void everyLineOfASessionLeavesASessionTouchAndJoinCarriesTheEndpoint() throws BadRecord {
    parse(line("userJoined", ",\"endpointInfo\":{\"type\":\"peer\",\"os\":\"macOS\",\"osVersion\":\"14.1\","
        + "\"buildName\":\"Firefox\",\"buildVersion\":\"121.0\",\"appVersion\":\"3.2.0\"},\"siteID\":\"hel\","
        + "\"additionalIDs\":{\"customerID\":\"c-9\"}"));
    Emitted s = of(Silver.SESSIONS).get(0);
    assertThat(s.get(SessionCol.BROWSER)).isEqualTo("Firefox");
    assertThat(s.get(SessionCol.BROWSER_MAJOR)).isEqualTo("121");
    assertThat(s.get(SessionCol.CLIENT_KIND)).isEqualTo("browser");
    assertThat(s.get(SessionCol.OS)).isEqualTo("macOS");
    assertThat(s.get(SessionCol.SITE_ID)).isEqualTo("hel");
    assertThat(s.get(SessionCol.CUSTOMER_ID)).isEqualTo("c-9");
    assertThat(s.get(SessionCol.COUNTRY)).isEqualTo("FI");
    assertThat(s.get(SessionCol.ASN)).isEqualTo(1759L);
    assertThat(s.get(SessionCol.CLOCK_OFFSET_MS)).isEqualTo(40L);
    assertThat(of(Silver.EVENTS).get(0).get(EventCol.EVENT)).isEqualTo("user_joined");

    rows.clear();
    parse(line("userJoined", ",\"endpointInfo\":{\"type\":\"peer\",\"os\":\"Android\",\"buildName\":\"acme-android-sdk\","
        + "\"buildVersion\":\"5.1.0\"}"));
    Emitted sdk = of(Silver.SESSIONS).get(0);
    assertThat(sdk.get(SessionCol.CLIENT_KIND)).isEqualTo("native");
    assertThat(sdk.get(SessionCol.SDK)).isEqualTo("acme-android-sdk");
    assertThat(sdk.get(SessionCol.BROWSER)).isNull();
  }

  @Test
  void eventTypesBecomeSnakeCaseNamesInTheirCategory() throws BadRecord {
    parse(line("events/ice/status", ",\"connectionID\":\"pc-1\",\"eventType\":\"iceDisruptionStart\","
        + "\"prevIceConnectionState\":\"connected\",\"currIceConnectionState\":\"disconnected\""));
    parse(line("events/fabric/setupfailed", ",\"connectionID\":\"pc-2\",\"reason\":\"TransportFailure\","
        + "\"name\":\"IceFailed\",\"message\":\"no route to 203.0.113.9\""));
    parse(line("events/media/actions", ",\"eventType\":\"audioMute\",\"remoteIDList\":[\"bob\",\"carol\"]"));
    List<Emitted> ev = of(Silver.EVENTS);
    assertThat(ev.get(0).get(EventCol.CATEGORY)).isEqualTo("ice");
    assertThat(ev.get(0).get(EventCol.EVENT)).isEqualTo("ice_disruption_start");
    assertThat(ev.get(0).get(EventCol.PREV_STATE)).isEqualTo("connected");
    assertThat(ev.get(0).get(EventCol.NEW_STATE)).isEqualTo("disconnected");
    assertThat(ev.get(1).get(EventCol.EVENT)).isEqualTo("fabric_setup_failed");
    assertThat(ev.get(1).get(EventCol.REASON)).isEqualTo("TransportFailure");
    assertThat((String) ev.get(1).get(EventCol.ERROR_MESSAGE)).startsWith("no route to ip:").doesNotContain("203.0.113.9");
    assertThat(ev.get(2).get(EventCol.EVENT)).isEqualTo("audio_mute");
    assertThat((String[]) ev.get(2).get(EventCol.REMOTE_ID_LIST)).containsExactly("bob", "carol");
  }

  @Test
  void feedbackSsrcMapAndPrecallFeedTheirTables() throws BadRecord {
    parse(line("events/feedback", ",\"remoteID\":\"bob\",\"feedback\":{\"overallRating\":2,\"audioQualityRating\":1}"));
    parse(line("events/ssrcmap", ",\"connectionID\":\"pc-1\",\"ssrcData\":[{\"ssrc\":\"111\",\"streamType\":\"inbound\","
        + "\"mediaType\":\"audio\",\"userID\":\"bob\"},{\"ssrc\":222,\"streamType\":\"outbound\"}]"));
    parse(line("precalltest", ",\"provider\":\"turn-eu\",\"mediaConnectivity\":true,\"rtt\":35,\"jitter\":4,"
        + "\"fractionalLoss\":0.02,\"throughput\":2400"));
    Emitted fb = of(Silver.FEEDBACK).get(0);
    assertThat(fb.get(FeedbackCol.OVERALL_RATING)).isEqualTo(2);
    assertThat(fb.get(FeedbackCol.AUDIO_QUALITY_RATING)).isEqualTo(1);
    assertThat(of(Silver.SSRC_MAP)).extracting(e -> e.get(SsrcMapCol.SSRC)).containsExactly(111L, 222L);
    Emitted pre = of(Silver.PRECALL_TESTS).get(0);
    assertThat((Double) pre.get(PrecallTestCol.LOSS_PCT)).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(pre.get(PrecallTestCol.COUNTRY)).isEqualTo("FI");
  }

  @Test
  void aPrecallTestWithAUcIdButNoConferenceIsKeptWithoutASession() throws BadRecord {
    parse(line("precalltest", ",\"provider\":\"turn-eu\",\"rtt\":35").replace("\"confID\":\"conf-1\",", ""));
    assertThat(of(Silver.PRECALL_TESTS)).hasSize(1);
    assertThat(of(Silver.PRECALL_TESTS).get(0).get(PrecallTestCol.CONF_ID)).isNull();
    assertThat(of(Silver.SESSIONS)).isEmpty();
  }

  @Test
  void recordIdIgnoresReceiveTimeAndGeoButNotTheBody() throws BadRecord {
    String a = line("events/user/alive", "");
    String resent = a.replace("\"receivedAt\":" + (T0 + 40), "\"receivedAt\":" + (T0 + 90_000))
        .replace("\"country\":\"FI\"", "\"country\":\"SE\"");
    String other = line("events/user/alive", ",\"x\":1");
    assertThat(parse(a).recordId()).isEqualTo(parse(resent).recordId()).isNotEqualTo(parse(other).recordId());
  }

  @Test
  void pseudonymisedAppsHashPersonalIds() throws BadRecord {
    ParsedLine p = parse(line("private-app", "events/feedback", ",\"remoteID\":\"bob\",\"feedback\":{\"overallRating\":5}"));
    assertThat(p.userId()).startsWith("p:").doesNotContain("alice");
    Emitted fb = of(Silver.FEEDBACK).get(0);
    assertThat(fb.get(FeedbackCol.USER_ID)).isEqualTo(p.userId());
    assertThat((String) fb.get(FeedbackCol.REMOTE_ID)).startsWith("p:");
  }

  private void rejects(String text, QuarantineReason reason, String detail) {
    assertThatThrownBy(() -> parse(text)).isInstanceOf(BadRecord.class)
        .satisfies(e -> assertThat(((BadRecord) e).reason()).isEqualTo(reason))
        .hasMessageContaining(detail);
    assertThat(rows).isEmpty();
  }

  @Test
  void badLinesAreRejectedWithSpecificReasons() {
    rejects("{\"v\":1,\"appID\":", QuarantineReason.MALFORMED_JSON, "");
    rejects("[1,2]", QuarantineReason.NOT_AN_OBJECT, "array");
    rejects(line("stats", STATS).replace("\"v\":1", "\"v\":2"), QuarantineReason.UNSUPPORTED_VERSION, "v=2");
    rejects(line("stats", STATS).replace("\"confID\":\"conf-1\",", ""), QuarantineReason.MISSING_FIELD, "confID");
    rejects(line("stats", STATS).replace("\"ucID\":\"uc-1\",", ""), QuarantineReason.MISSING_FIELD, "ucID");
    rejects(line("events/nope", ""), QuarantineReason.UNKNOWN_PATH, "events/nope");
    rejects(line("stats", ",\"connectionID\":\"pc\",\"stats\":{}"), QuarantineReason.WRONG_TYPE, "body.stats");
    rejects(line("events/feedback", ",\"feedback\":{\"overallRating\":7}"), QuarantineReason.VALUE_OUT_OF_RANGE, "1 to 5");
    rejects(line("stats", STATS).replace("\"timestamp\":" + T0 + ",\"connectionID\"", "\"timestamp\":12,\"connectionID\""),
        QuarantineReason.VALUE_OUT_OF_RANGE, "body.timestamp");
    rejects(line("stats", STATS).replace("\"receivedAt\":" + (T0 + 40), "\"receivedAt\":" + (T0 - 3L * 86_400_000)),
        QuarantineReason.VALUE_OUT_OF_RANGE, "landing date");
    rejects(line("events/ice/status", ",\"connectionID\":\"pc\""), QuarantineReason.MISSING_FIELD, "eventType");
    rejects("{\"a\":" + "[".repeat(200) + "]".repeat(200) + "}", QuarantineReason.NESTING_TOO_DEEP, "64");
    rejects(line("stats", ",\"connectionID\":\"pc\",\"stats\":[{\"packetsLost\":" + "9".repeat(300) + "}]"),
        QuarantineReason.VALUE_OUT_OF_RANGE, "");
  }

  @Test
  void invalidUtf8IsItsOwnReason() {
    byte[] good = line("events/user/alive", "").getBytes(StandardCharsets.UTF_8);
    byte[] bad = Arrays.copyOf(good, good.length);
    int at = new String(good, StandardCharsets.UTF_8).indexOf("alice") + 1;
    bad[at] = (byte) 0xC3;
    bad[at + 1] = (byte) 0x28;
    assertThatThrownBy(() -> parser.parse(bad, bad.length, DATE, "f", 1, (t, r) -> { }))
        .isInstanceOf(BadRecord.class)
        .satisfies(e -> assertThat(((BadRecord) e).reason()).isEqualTo(QuarantineReason.INVALID_UTF8));
  }

  @Test
  void hugeAndNonFiniteNumbersBecomeFlaggedNulls() throws BadRecord {
    parse(line("stats", ",\"connectionID\":\"pc\",\"stats\":[{\"id\":\"I\",\"type\":\"inbound-rtp\",\"kind\":\"audio\","
        + "\"ssrc\":5,\"packetsReceived\":1e300,\"bytesReceived\":Infinity,\"jitter\":-1}]"));
    Emitted r = of(Silver.RTP_STREAM_SAMPLES).get(0);
    assertThat(r.get(RtpStreamSampleCol.PACKETS_RECEIVED)).isNull();
    assertThat(r.get(RtpStreamSampleCol.BYTES_RECEIVED)).isNull();
    assertThat(r.get(RtpStreamSampleCol.JITTER_MS)).isNull();
    assertThat((String[]) r.get(RtpStreamSampleCol.FLAGS)).contains("bad_number");
  }

  @Test
  void bytesThatAreNotUtf8AreRejectedEvenWhereJacksonWouldDecodeThem() {
    byte[] good = line("events/user/alive", "").replace("alice", "al@ce").getBytes(StandardCharsets.UTF_8);
    int at = new String(good, StandardCharsets.ISO_8859_1).indexOf('@');
    // overlong '/', UTF-16 surrogate, beyond U+10FFFF, lone continuation, truncated 3-byte sequence
    for (byte[] bad : List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0x80},
        new byte[] {(byte) 0xE2, (byte) 0x82})) {
      byte[] b = new byte[good.length - 1 + bad.length];
      System.arraycopy(good, 0, b, 0, at);
      System.arraycopy(bad, 0, b, at, bad.length);
      System.arraycopy(good, at + 1, b, at + bad.length, good.length - at - 1);
      assertThatThrownBy(() -> parser.parse(b, b.length, DATE, "file:/landing/a.jsonl", 1, (t, r) -> { }))
          .as("%s", Arrays.toString(bad)).isInstanceOfSatisfying(BadRecord.class,
              e -> assertThat(e.reason()).isEqualTo(QuarantineReason.INVALID_UTF8));
    }
    // real multi-byte text is fine: two, three and four bytes
    byte[] ok = line("events/user/alive", "").replace("alice", "äli€e😀").getBytes(StandardCharsets.UTF_8);
    assertThat(org.assertj.core.api.Assertions.catchThrowable(
        () -> parser.parse(ok, ok.length, DATE, "file:/landing/a.jsonl", 1, (t, r) -> { }))).isNull();
  }
}

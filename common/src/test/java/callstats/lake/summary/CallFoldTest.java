package callstats.lake.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import callstats.lake.metrics.quality.IssueThresholds;
import callstats.lake.summary.CallInput.Event;
import callstats.lake.summary.CallInput.Feedback;
import callstats.lake.summary.CallInput.Rtp;
import callstats.lake.summary.CallInput.Session;
import callstats.lake.summary.CallInput.Transport;
import callstats.lake.table.TableSpec;
import callstats.lake.table.gold.CallSummaryCol;
import callstats.lake.table.gold.ConnectionSummaryCol;
import callstats.lake.table.gold.Gold;
import callstats.lake.table.gold.IssueCol;
import callstats.lake.table.gold.ParticipantSummaryCol;
import callstats.lake.table.gold.StreamSummaryCol;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A two-party call built by hand, so every number below can be checked with a pencil. */
class CallFoldTest {

  private static final long T0 = 1_795_168_800_000L;
  private final List<Object[]> out = new ArrayList<>();
  private final List<TableSpec> tables = new ArrayList<>();

  private List<Object[]> rows(TableSpec t) {
    List<Object[]> r = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      if (tables.get(i) == t) {
        r.add(out.get(i));
      }
    }
    return r;
  }

  private static Session session(String uc, String user, long first, long last, Long joined, Long left, long offset) {
    return new Session(uc, user, "dev-" + user, "callstats", "peer", "browser", "Chrome", "120.0", "120", null, null,
        "Windows", "10", "2.0", null, null, null, null, "FI", "18", 1759L, "Telia", joined, left, first, last, offset, 10);
  }

  private static Event event(String uc, String conn, long ts, String name, Double delay, String remoteType) {
    return new Event(uc, conn, "e-" + uc + ts + name, ts, "fabric", name, uc.equals("uc-a") ? "bob" : "alice", null,
        null, null, delay, null, null, remoteType, null, null);
  }

  private static Rtp inbound(String uc, String conn, long ts, long ssrc, long received, long lost) {
    return new Rtp(uc, conn, "r-" + uc + ts, ts, "bob", ssrc, "audio", "audio", "inbound", null, "audio/opus", null, null,
        received, received * 100, lost, 20.0, null, null, null, null, null, null, null, null, null, null, null,
        received * 960, 0L, 0L, null, null, null, null, null, null);
  }

  private static Rtp outbound(String uc, String conn, long ts, long ssrc, long sent) {
    return new Rtp(uc, conn, "r-" + uc + ts, ts, "alice", ssrc, "audio", "audio", "outbound", null, "audio/opus", sent,
        sent * 100, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null);
  }

  private static Transport transport(String uc, String conn, long ts, double rtt, String localType, String relayProtocol) {
    return new Transport(uc, conn, "r-" + uc + ts, ts, null, rtt, 1500.0, ts - T0, ts - T0, localType, "srflx", "udp",
        relayProtocol, "wifi");
  }

  private void fold(CallInput.Call call) {
    new CallFold(IssueThresholds.DEFAULTS, 300_000, (t, r) -> {
      tables.add(t);
      out.add(r);
    }).run(call);
  }

  private CallInput.Call twoPartyCall() {
    List<Rtp> rtp = new ArrayList<>();
    List<Transport> transports = new ArrayList<>();
    long[] lostCumulative = {0, 0, 0, 0, 50, 100};
    for (int i = 0; i < 6; i++) {
      long ts = T0 + 10_000L * (i + 1);
      rtp.add(inbound("uc-a", "pc-a", ts, 200, 500L * i, lostCumulative[i]));
      transports.add(transport("uc-a", "pc-a", ts, 100.0, "relay", "tls"));
      rtp.add(outbound("uc-b", "pc-b", ts, 200, 550L * i));
    }
    return new CallInput.Call("app", "conf", Date.valueOf("2026-11-20"),
        List.of(session("uc-a", "alice", T0, T0 + 60_000, T0, T0 + 60_000L, 40),
            session("uc-b", "bob", T0 + 5_000, T0 + 65_000, T0 + 5_000, null, 60)),
        List.of(event("uc-a", "pc-a", T0 + 1_000, "fabric_setup", 1000.0, "peer"),
            event("uc-b", "pc-b", T0 + 6_000, "fabric_setup", 2000.0, "peer")),
        transports, rtp, List.of(new Feedback("uc-a", "alice", T0 + 61_000, 2)), List.of());
  }

  @Test
  void streamLossIsLostOverReceivedPlusLost() {
    fold(twoPartyCall());
    List<Object[]> streams = rows(Gold.STREAM_SUMMARY);
    assertThat(streams).hasSize(2);
    Object[] in = streams.stream().filter(r -> "inbound".equals(r[StreamSummaryCol.DIRECTION.ordinal()])).findFirst()
        .orElseThrow();
    assertThat(in[StreamSummaryCol.PACKETS.ordinal()]).isEqualTo(2500L);
    assertThat(in[StreamSummaryCol.PACKETS_LOST.ordinal()]).isEqualTo(100L);
    // 100 lost of 2600 sent
    assertThat((Double) in[StreamSummaryCol.LOSS_PCT.ordinal()]).isCloseTo(100.0 * 100 / 2600, within(1e-9));
    // the two lossy intervals lost 50 of 550 each (9.09 %, above 5 %), so all the loss is burst loss
    assertThat((Double) in[StreamSummaryCol.BURST_LOSS_PCT.ordinal()]).isCloseTo(100.0, within(1e-9));
    assertThat((Double) in[StreamSummaryCol.MAX_INTERVAL_LOSS_PCT.ordinal()]).isCloseTo(100.0 * 50 / 550, within(1e-9));
    // 500 packets of 100 bytes every 10 s: 40 kbit/s
    assertThat((Double) in[StreamSummaryCol.BITRATE_MEAN_KBPS.ordinal()]).isCloseTo(40.0, within(1e-9));
    assertThat((Double) in[StreamSummaryCol.RTT_MEAN_MS.ordinal()]).isCloseTo(100.0, within(1e-9));
    assertThat((Double) in[StreamSummaryCol.JITTER_MEAN_MS.ordinal()]).isCloseTo(20.0, within(1e-9));
    Double score = (Double) in[StreamSummaryCol.QUALITY_SCORE.ordinal()];
    Double worst = (Double) in[StreamSummaryCol.QUALITY_SCORE_MIN.ordinal()];
    assertThat(score).isBetween(1.0, 4.5);
    assertThat(worst).isLessThan(score);
  }

  @Test
  void connectionsCarrySetupRelayAndTotals() {
    fold(twoPartyCall());
    Object[] a = rows(Gold.CONNECTION_SUMMARY).get(0);
    assertThat(a[ConnectionSummaryCol.UC_ID.ordinal()]).isEqualTo("uc-a");
    assertThat(a[ConnectionSummaryCol.SETUP_OUTCOME.ordinal()]).isEqualTo("connected");
    assertThat(a[ConnectionSummaryCol.SETUP_DELAY_MS.ordinal()]).isEqualTo(1000.0);
    assertThat(a[ConnectionSummaryCol.RELAYED.ordinal()]).isEqualTo(true);
    assertThat(a[ConnectionSummaryCol.RELAY_PROTOCOL.ordinal()]).isEqualTo("tls");
    assertThat(a[ConnectionSummaryCol.TRANSPORT.ordinal()]).isEqualTo("tls");
    assertThat(a[ConnectionSummaryCol.TOPOLOGY.ordinal()]).isEqualTo("p2p");
    assertThat(a[ConnectionSummaryCol.PACKETS_RECEIVED.ordinal()]).isEqualTo(2500L);
    assertThat(a[ConnectionSummaryCol.PACKETS_LOST.ordinal()]).isEqualTo(100L);
    // transport bytes grow 10 000 per 10 s sample over 5 intervals
    assertThat(a[ConnectionSummaryCol.BYTES_SENT.ordinal()]).isEqualTo(50_000L);
  }

  @Test
  void participantsAndCall() {
    fold(twoPartyCall());
    List<Object[]> ps = rows(Gold.PARTICIPANT_SUMMARY);
    Object[] alice = ps.get(0);
    Object[] bob = ps.get(1);
    assertThat(alice[ParticipantSummaryCol.TIME_IN_CALL_S.ordinal()]).isEqualTo(60.0);
    assertThat(alice[ParticipantSummaryCol.RELAY_USED.ordinal()]).isEqualTo(true);
    assertThat(alice[ParticipantSummaryCol.FEEDBACK_RATING.ordinal()]).isEqualTo(2);
    assertThat(alice[ParticipantSummaryCol.ONE_WAY_MEDIA.ordinal()]).isEqualTo(true);
    assertThat(alice[ParticipantSummaryCol.AUDIO_SCORE.ordinal()]).isNotNull();
    assertThat(bob[ParticipantSummaryCol.ONE_WAY_MEDIA.ordinal()]).isEqualTo(true);
    assertThat(bob[ParticipantSummaryCol.AUDIO_SCORE.ordinal()]).isNull();
    // bob has no user/left: the last record
    assertThat(bob[ParticipantSummaryCol.TIME_IN_CALL_S.ordinal()]).isEqualTo(60.0);

    Object[] call = rows(Gold.CALL_SUMMARY).get(0);
    assertThat(call[CallSummaryCol.OUTCOME.ordinal()]).isEqualTo("successful");
    assertThat(call[CallSummaryCol.PARTICIPANTS.ordinal()]).isEqualTo(2L);
    assertThat(call[CallSummaryCol.MAX_CONCURRENT.ordinal()]).isEqualTo(2L);
    assertThat(call[CallSummaryCol.DURATION_S.ordinal()]).isEqualTo(65.0);
    assertThat(call[CallSummaryCol.PARTICIPANT_MINUTES.ordinal()]).isEqualTo(2.0);
    assertThat(call[CallSummaryCol.SETUP_MS_MIN.ordinal()]).isEqualTo(1000.0);
    assertThat(call[CallSummaryCol.SETUP_MS_MEAN.ordinal()]).isEqualTo(1500.0);
    assertThat(call[CallSummaryCol.SETUP_MS_MEDIAN.ordinal()]).isEqualTo(1000.0);
    assertThat(call[CallSummaryCol.SETUP_MS_MAX.ordinal()]).isEqualTo(2000.0);
    assertThat(call[CallSummaryCol.WORST_UC_ID.ordinal()]).isEqualTo("uc-a");
    assertThat(call[CallSummaryCol.FEEDBACK_MEAN.ordinal()]).isEqualTo(2.0);
  }

  @Test
  void issuesCarryTheirEvidence() {
    fold(twoPartyCall());
    List<Object[]> issues = rows(Gold.ISSUES);
    assertThat(issues).extracting(r -> r[IssueCol.ISSUE_TYPE.ordinal()])
        .containsExactlyInAnyOrder("high_loss", "relay_over_tcp_tls", "one_way_media", "low_feedback", "one_way_media");
    Object[] loss = issues.stream().filter(r -> "high_loss".equals(r[IssueCol.ISSUE_TYPE.ordinal()])).findFirst()
        .orElseThrow();
    // the 4th and 5th intervals: 40 s to 60 s after T0
    assertThat(loss[IssueCol.DURATION_S.ordinal()]).isEqualTo(20.0);
    assertThat((Double) loss[IssueCol.MEASURED.ordinal()]).isCloseTo(100.0 * 50 / 550, within(1e-9));
    assertThat(loss[IssueCol.THRESHOLD.ordinal()]).isEqualTo(5.0);
    // 9.09 % is 1.8 times the 5 % threshold: between 1.5 and 3 times is major
    assertThat(loss[IssueCol.SEVERITY.ordinal()]).isEqualTo("major");
    assertThat(rows(Gold.CALL_SUMMARY).get(0)[CallSummaryCol.ISSUES.ordinal()]).isEqualTo(5L);
  }

  @Test
  void aCallWhereNobodyConnectedFailed() {
    fold(new CallInput.Call("app", "conf", Date.valueOf("2026-11-20"),
        List.of(session("uc-a", "alice", T0, T0 + 5_000, T0, null, 0)),
        List.of(new Event("uc-a", "pc-a", "x", T0 + 2_000, "fabric", "fabric_setup_failed", "bob", "TransportFailure",
            null, null, null, null, null, null, null, null)),
        List.of(), List.of(), List.of(), List.of()));
    assertThat(rows(Gold.CALL_SUMMARY).get(0)[CallSummaryCol.OUTCOME.ordinal()]).isEqualTo("failed");
    assertThat(rows(Gold.CONNECTION_SUMMARY).get(0)[ConnectionSummaryCol.SETUP_FAILURE_REASON.ordinal()])
        .isEqualTo("TransportFailure");
  }

  @Test
  void aSingleParticipantWithoutMediaIsOneRowAndFailedCall() {
    fold(new CallInput.Call("app", "conf", Date.valueOf("2026-11-20"),
        List.of(session("uc-a", "alice", T0, T0 + 5_000, null, null, 0)), List.of(), List.of(), List.of(), List.of(),
        List.of()));
    assertThat(rows(Gold.PARTICIPANT_SUMMARY)).hasSize(1);
    Object[] call = rows(Gold.CALL_SUMMARY).get(0);
    assertThat(call[CallSummaryCol.PARTICIPANTS.ordinal()]).isEqualTo(1L);
    assertThat(call[CallSummaryCol.OUTCOME.ordinal()]).isEqualTo("failed");
    assertThat(call[CallSummaryCol.AUDIO_SCORE.ordinal()]).isNull();
    assertThat(rows(Gold.STREAM_SUMMARY)).isEmpty();
  }
}

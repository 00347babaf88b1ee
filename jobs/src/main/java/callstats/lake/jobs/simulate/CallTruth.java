package callstats.lake.jobs.simulate;

import callstats.lake.jobs.simulate.CallPlan.Outcome;
import callstats.lake.jobs.simulate.CallPlan.Participant;
import callstats.lake.jobs.simulate.Impairment.Episode;
import callstats.lake.table.truth.CallTruthCol;
import callstats.lake.table.truth.ConnectionTruthCol;
import callstats.lake.table.truth.ImpairmentTruthCol;
import callstats.lake.table.truth.ParticipantTruthCol;
import callstats.lake.table.truth.StreamTruthCol;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The ground truth of one simulated call: a row for the call, and rows for its participants, connections, stream
 * legs and impairment episodes. Values are computed from what was simulated and emitted (the counters at each
 * leg's last stats sample), by the definitions in docs/simulator.md; the call outcome by {@link #outcome}.
 */
final class CallTruth {

  final TruthRow<CallTruthCol> call;
  final List<TruthRow<ParticipantTruthCol>> participants = new ArrayList<>();
  final List<TruthRow<ConnectionTruthCol>> connections = new ArrayList<>();
  final List<TruthRow<StreamTruthCol>> streams = new ArrayList<>();
  final List<TruthRow<ImpairmentTruthCol>> impairments = new ArrayList<>();
  /** The outcome the planner aimed at (tests compare it with the outcome computed from what happened). */
  final Outcome target;

  private CallTruth(TruthRow<CallTruthCol> call, Outcome target) {
    this.call = call;
    this.target = target;
  }

  static CallTruth of(CallPlan plan, List<Member> members, List<Connection> conns, List<RtpFlow> receiverLegs,
      List<RtpSender> senders) {
    LocalDate date = plan.date;
    String app = plan.app.id();
    String conf = plan.confId;
    CallTruth t = new CallTruth(new TruthRow<>(CallTruthCol.class), plan.target);

    for (Connection c : conns) {
      t.connections.add(connection(date, app, conf, c));
    }
    for (RtpFlow f : receiverLegs) {
      if (f.samples > 0) {
        t.streams.add(receiverLeg(date, app, conf, f));
      }
    }
    for (RtpSender s : senders) {
      if (s.conn.sfu() && s.samples > 0) {
        t.streams.add(toSfuLeg(date, app, conf, s));
      }
    }
    int feedback = 0;
    double ratingSum = 0;
    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    int connected = 0;
    int rejoins = 0;
    boolean video = false;
    boolean screen = false;
    boolean simulcast = false;
    for (Member m : members) {
      t.participants.add(participant(date, plan.app, conf, m, conns));
      for (Episode e : m.plan.episodes) {
        t.impairments.add(impairment(date, app, conf, m.plan, e));
      }
      if (m.rating != null) {
        feedback++;
        ratingSum += m.rating;
      }
      start = Math.min(start, m.segmentsActual.get(0)[0]);
      end = Math.max(end, m.leaveMs);
      connected += m.connectedEver ? 1 : 0;
      rejoins += m.segmentsActual.size() - 1;
      video |= m.connectedEver && m.plan.sendsVideo;
      screen |= m.screenShares > 0;
      simulcast |= m.connectedEver && m.plan.simulcast;
    }
    int failed = 0;
    int dropped = 0;
    int disruptions = 0;
    int restarts = 0;
    for (Connection c : conns) {
      failed += "setup_failed".equals(c.endReason) ? 1 : 0;
      dropped += c.dropped ? 1 : 0;
      disruptions += c.iceDisruptions;
      restarts += c.iceRestarts;
    }
    LocalDate startDate = LocalDate.ofInstant(Instant.ofEpochMilli(start), ZoneOffset.UTC);
    LocalDate endDate = LocalDate.ofInstant(Instant.ofEpochMilli(end), ZoneOffset.UTC);
    t.call.date(CallTruthCol.DATE, date).set(CallTruthCol.APP_ID, app).set(CallTruthCol.CONF_ID, conf)
        .set(CallTruthCol.CALL_INDEX, plan.callIndex).set(CallTruthCol.APP_REGION, plan.app.region())
        .set(CallTruthCol.TOPOLOGY, plan.sfu ? "sfu" : "p2p").set(CallTruthCol.SFU_ID, plan.sfuId)
        .ts(CallTruthCol.START_TS, start).ts(CallTruthCol.END_TS, end)
        .set(CallTruthCol.DURATION_S, (end - start) / 1000.0)
        .set(CallTruthCol.CROSSES_MIDNIGHT, endDate.isAfter(startDate))
        .set(CallTruthCol.PARTICIPANTS, members.size()).set(CallTruthCol.CONNECTED_PARTICIPANTS, connected)
        .set(CallTruthCol.MAX_CONCURRENT, maxConcurrent(members)).set(CallTruthCol.CONNECTIONS, conns.size())
        .set(CallTruthCol.FAILED_CONNECTIONS, failed).set(CallTruthCol.DROPPED_CONNECTIONS, dropped)
        .set(CallTruthCol.ICE_DISRUPTIONS, disruptions).set(CallTruthCol.ICE_RESTARTS, restarts)
        .set(CallTruthCol.STREAMS, t.streams.size()).set(CallTruthCol.REJOINS, rejoins)
        .set(CallTruthCol.OUTCOME, outcome(plan.sfu, members, conns).label)
        .set(CallTruthCol.HAS_VIDEO, video).set(CallTruthCol.HAS_SCREENSHARE, screen)
        .set(CallTruthCol.SIMULCAST, simulcast).set(CallTruthCol.IMPAIRMENTS, t.impairments.size())
        .set(CallTruthCol.FEEDBACK_COUNT, feedback)
        .set(CallTruthCol.MEAN_RATING, feedback == 0 ? null : ratingSum / feedback);
    return t;
  }

  /**
   * The outcome, as callstats defines it: failed if no pair of participants ever connected (p2p: no connection
   * reached connected; sfu: no two participants were connected to the SFU at the same time); else partially failed
   * if some participant never connected; else dropped if some connection dropped and was not recovered; else
   * successful.
   */
  static Outcome outcome(boolean sfu, List<Member> members, List<Connection> conns) {
    boolean pair = false;
    for (Connection a : conns) {
      if (!a.connected) {
        continue;
      }
      if (!sfu) {
        pair = true;
        break;
      }
      for (Connection b : conns) {
        if (b.connected && b.local != a.local && a.connectedMs < b.endMs && b.connectedMs < a.endMs) {
          pair = true;
          break;
        }
      }
    }
    if (!pair) {
      return Outcome.FAILED;
    }
    for (Member m : members) {
      if (!m.connectedEver) {
        return Outcome.PARTIALLY_FAILED;
      }
    }
    for (Connection c : conns) {
      if (c.dropped && !recovered(c, conns)) {
        return Outcome.DROPPED;
      }
    }
    return Outcome.SUCCESSFUL;
  }

  /** A dropped connection is recovered if a later connection of the same participant to the same remote connected. */
  static boolean recovered(Connection dropped, List<Connection> conns) {
    for (Connection c : conns) {
      if (c.local == dropped.local && c.remoteId.equals(dropped.remoteId) && c.connected
          && c.connectedMs >= dropped.endMs) {
        return true;
      }
    }
    return false;
  }

  private static int maxConcurrent(List<Member> members) {
    List<long[]> edges = new ArrayList<>();
    for (Member m : members) {
      for (long[] s : m.segmentsActual) {
        edges.add(new long[] {s[0], 1});
        edges.add(new long[] {s[1], -1});
      }
    }
    edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    int now = 0;
    int max = 0;
    for (long[] e : edges) {
      now += (int) e[1];
      max = Math.max(max, now);
    }
    return max;
  }

  private static TruthRow<ParticipantTruthCol> participant(LocalDate date, EndpointCatalogue.App app, String conf,
      Member m, List<Connection> conns) {
    Participant p = m.plan;
    EndpointCatalogue.Endpoint e = p.endpoint;
    boolean dropped = false;
    int reconnects = 0;
    for (Connection c : conns) {
      if (c.local != m) {
        continue;
      }
      if (c.dropped && !recovered(c, conns)) {
        dropped = true;
      }
      if (c.connected && m.lastDropMs >= 0 && c.startMs > firstDrop(m, conns)) {
        reconnects++;
      }
    }
    TreeSet<String> kinds = new TreeSet<>();
    for (Episode ep : p.episodes) {
      kinds.add(ep.kind().label);
    }
    EndpointCatalogue.Geo geo = p.envelope.geo();
    return new TruthRow<>(ParticipantTruthCol.class).date(ParticipantTruthCol.DATE, date)
        .set(ParticipantTruthCol.APP_ID, app.id()).set(ParticipantTruthCol.CONF_ID, conf)
        .set(ParticipantTruthCol.UC_ID, p.ucId).set(ParticipantTruthCol.USER_ID, p.userId)
        .set(ParticipantTruthCol.DEVICE_ID, p.deviceId).set(ParticipantTruthCol.IS_HOST, p.host)
        .set(ParticipantTruthCol.ENDPOINT_TYPE, "peer").set(ParticipantTruthCol.CLIENT_KIND, e.clientKind())
        .set(ParticipantTruthCol.BUILD_NAME, e.buildName()).set(ParticipantTruthCol.BUILD_VERSION, e.buildVersion())
        .set(ParticipantTruthCol.BROWSER, e.browser()).set(ParticipantTruthCol.BROWSER_VERSION, e.browserVersion())
        .set(ParticipantTruthCol.SDK, e.sdk()).set(ParticipantTruthCol.SDK_VERSION, e.sdkVersion())
        .set(ParticipantTruthCol.OS, e.os()).set(ParticipantTruthCol.OS_VERSION, e.osVersion())
        .set(ParticipantTruthCol.APP_VERSION, EventEmitter.appVersion(p, app))
        .set(ParticipantTruthCol.SITE_ID, app.sendsSiteId() ? EventEmitter.siteId(p) : null)
        .set(ParticipantTruthCol.COUNTRY, geo.country()).set(ParticipantTruthCol.REGION, geo.region())
        .set(ParticipantTruthCol.ASN, geo.asn()).set(ParticipantTruthCol.ISP, geo.isp())
        .set(ParticipantTruthCol.NETWORK_TYPE, p.networkType).set(ParticipantTruthCol.RELAYED, p.relayed)
        .set(ParticipantTruthCol.RELAY_PROTOCOL, p.relayProtocol)
        .ts(ParticipantTruthCol.JOIN_TS, m.segmentsActual.get(0)[0]).ts(ParticipantTruthCol.LEAVE_TS, m.leaveMs)
        .set(ParticipantTruthCol.TIME_IN_CALL_S, m.timeInCallMs / 1000.0)
        .set(ParticipantTruthCol.SEGMENTS, m.segmentsActual.size())
        .set(ParticipantTruthCol.REJOINS, m.segmentsActual.size() - 1)
        .set(ParticipantTruthCol.CONNECTED, m.connectedEver)
        .set(ParticipantTruthCol.SETUP_FAILED, m.firstFailureReason != null)
        .set(ParticipantTruthCol.SETUP_FAILURE_REASON, m.firstFailureReason)
        .set(ParticipantTruthCol.DROPS, m.drops).set(ParticipantTruthCol.RECONNECTS, reconnects)
        .set(ParticipantTruthCol.DROPPED, dropped).set(ParticipantTruthCol.LEFT_EXPLICITLY, m.leftExplicitly)
        .set(ParticipantTruthCol.SENT_VIDEO, m.connectedEver && p.sendsVideo)
        .set(ParticipantTruthCol.SCREEN_SHARES, m.screenShares)
        .set(ParticipantTruthCol.FEEDBACK_RATING, m.rating).set(ParticipantTruthCol.AUDIO_RATING, m.audioRating)
        .set(ParticipantTruthCol.VIDEO_RATING, m.videoRating).set(ParticipantTruthCol.PRECALL_TEST, p.precallTest)
        .set(ParticipantTruthCol.CLIENT_CLOCK_OFFSET_MS, p.envelope.clockOffsetMs())
        .set(ParticipantTruthCol.CLOCK_SKEWED, p.envelope.clockSkewed())
        .set(ParticipantTruthCol.IMPAIRMENTS, List.copyOf(kinds));
  }

  private static long firstDrop(Member m, List<Connection> conns) {
    long first = Long.MAX_VALUE;
    for (Connection c : conns) {
      if (c.local == m && c.dropped) {
        first = Math.min(first, c.endMs);
      }
    }
    return first;
  }

  private static TruthRow<ConnectionTruthCol> connection(LocalDate date, String app, String conf, Connection c) {
    String outcome = c.connected ? "connected" : c.failureReason != null ? "failed" : "abandoned";
    return new TruthRow<>(ConnectionTruthCol.class).date(ConnectionTruthCol.DATE, date)
        .set(ConnectionTruthCol.APP_ID, app).set(ConnectionTruthCol.CONF_ID, conf)
        .set(ConnectionTruthCol.UC_ID, c.local.ucId()).set(ConnectionTruthCol.USER_ID, c.local.userId())
        .set(ConnectionTruthCol.CONNECTION_ID, c.id).set(ConnectionTruthCol.REMOTE_ID, c.remoteId)
        .set(ConnectionTruthCol.REMOTE_UC_ID, c.remote == null ? null : c.remote.ucId())
        .set(ConnectionTruthCol.PEER_CONNECTION_ID, c.peer == null ? null : c.peer.id)
        .set(ConnectionTruthCol.REMOTE_ENDPOINT_TYPE, c.sfu() ? "server" : "peer")
        .set(ConnectionTruthCol.SEGMENT, c.segment).ts(ConnectionTruthCol.START_TS, c.startMs)
        .set(ConnectionTruthCol.CONNECTED_TS, c.connected ? new Timestamp(c.connectedMs) : null)
        .ts(ConnectionTruthCol.END_TS, c.endMs).set(ConnectionTruthCol.SETUP_OUTCOME, outcome)
        .set(ConnectionTruthCol.SETUP_FAILURE_REASON, c.failureReason)
        .dbl(ConnectionTruthCol.SETUP_DELAY_MS, c.connected ? c.setupDelayMs : Double.NaN)
        .dbl(ConnectionTruthCol.ICE_GATHERING_DELAY_MS, c.connected ? c.gatheringDelayMs : Double.NaN)
        .dbl(ConnectionTruthCol.ICE_CONNECTIVITY_DELAY_MS, c.connected ? c.connectivityDelayMs : Double.NaN)
        .set(ConnectionTruthCol.LOCAL_CANDIDATE_TYPE, c.connected ? c.firstLocalType : null)
        .set(ConnectionTruthCol.REMOTE_CANDIDATE_TYPE, c.connected ? c.firstRemoteType : null)
        .set(ConnectionTruthCol.PROTOCOL, c.connected ? c.firstProtocol : null)
        .set(ConnectionTruthCol.RELAY_PROTOCOL, c.connected ? c.firstRelayProtocol : null)
        .set(ConnectionTruthCol.NETWORK_TYPE, c.local.plan.networkType)
        .set(ConnectionTruthCol.ICE_DISRUPTIONS, c.iceDisruptions).set(ConnectionTruthCol.ICE_RESTARTS, c.iceRestarts)
        .set(ConnectionTruthCol.ICE_FAILED, c.iceFailed).set(ConnectionTruthCol.DROPPED, c.dropped)
        .set(ConnectionTruthCol.END_REASON, c.endReason).set(ConnectionTruthCol.STATS_SAMPLES, c.samples)
        .set(ConnectionTruthCol.COUNTER_RESETS, c.counterResets)
        .set(ConnectionTruthCol.MEAN_RTT_MS, c.rttN == 0 ? null : c.rttSumMs / c.rttN);
  }

  private static TruthRow<StreamTruthCol> receiverLeg(LocalDate date, String app, String conf, RtpFlow f) {
    RtpSender s = f.source;
    double duration = Math.max(0, (f.lastSampleMs - f.startMs) / 1000.0);
    long bytes = f.reportedTotal(RtpFlow.BYTES);
    long received = f.reportedTotal(RtpFlow.RECEIVED);
    long lost = f.reportedTotal(RtpFlow.LOST);
    long samplesReceived = f.reportedTotal(RtpFlow.SAMPLES_RECEIVED);
    boolean peer = f.leg.equals(RtpFlow.PEER);
    double rtt = peer ? (s.rttN == 0 ? Double.NaN : s.rttSumMs / s.rttN)
        : (f.pairRttN == 0 ? Double.NaN : f.pairRttSumMs / f.pairRttN);
    boolean video = !s.audio();
    TruthRow<StreamTruthCol> row = leg(date, app, conf, s, f.leg, null);
    return row.set(StreamTruthCol.RECEIVER_UC_ID, f.rx.local.ucId())
        .set(StreamTruthCol.RECEIVER_USER_ID, f.rx.local.userId())
        .set(StreamTruthCol.RECEIVER_CONNECTION_ID, f.rx.id)
        .ts(StreamTruthCol.START_TS, f.startMs).ts(StreamTruthCol.END_TS, f.lastSampleMs)
        .set(StreamTruthCol.DURATION_S, duration).set(StreamTruthCol.SAMPLES, f.samples)
        .set(StreamTruthCol.PACKETS_SENT, f.reportedTotal(RtpFlow.EXPECTED))
        .set(StreamTruthCol.PACKETS_RECEIVED, received).set(StreamTruthCol.PACKETS_LOST, lost)
        .set(StreamTruthCol.BYTES_SENT, f.reportedTotal(RtpFlow.BYTES_SENT)).set(StreamTruthCol.BYTES_RECEIVED, bytes)
        .set(StreamTruthCol.INJECTED_LOSS_PCT, f.snapLossPackets == 0 ? 0.0
            : 100 * f.snapLossWeighted / f.snapLossPackets)
        .set(StreamTruthCol.REALISED_LOSS_PCT, received + lost == 0 ? null : 100.0 * lost / (received + lost))
        .dbl(StreamTruthCol.MEAN_RTT_MS, rtt)
        .set(StreamTruthCol.MEAN_JITTER_MS, f.jitterN == 0 ? null : f.jitterSumMs / f.jitterN)
        .set(StreamTruthCol.MEAN_BITRATE_KBPS, duration <= 0 ? 0.0 : 8.0 * bytes / duration / 1000)
        .set(StreamTruthCol.FREEZE_COUNT, video ? f.reportedTotal(RtpFlow.FREEZES) : null)
        .set(StreamTruthCol.FREEZE_S, video ? f.reportedTotalD(RtpFlow.D_FREEZE_S) : null)
        .set(StreamTruthCol.PAUSE_S, video ? f.reportedTotalD(RtpFlow.D_PAUSE_S) : null)
        .set(StreamTruthCol.FRAMES, video ? f.reportedTotal(RtpFlow.FRAMES_DECODED) : null)
        .set(StreamTruthCol.CONCEALMENT_PCT, !video && samplesReceived > 0
            ? 100.0 * f.reportedTotal(RtpFlow.CONCEALED) / samplesReceived : null)
        .set(StreamTruthCol.IMPAIRMENTS, labels(f))
        .set(StreamTruthCol.ONE_WAY, f.everOneWay);
  }

  private static TruthRow<StreamTruthCol> toSfuLeg(LocalDate date, String app, String conf, RtpSender s) {
    RtpFlow up = s.report;
    double duration = Math.max(0, (s.lastSampleMs - s.startMs) / 1000.0);
    long sent = s.reportedTotal(RtpSender.PKTS);
    long lost = up.reportedLostAtSender();
    long bytes = s.reportedTotal(RtpSender.BYTES);
    boolean video = !s.audio();
    return leg(date, app, conf, s, RtpFlow.TO_SFU, s.rid)
        .ts(StreamTruthCol.START_TS, s.startMs).ts(StreamTruthCol.END_TS, s.lastSampleMs)
        .set(StreamTruthCol.DURATION_S, duration).set(StreamTruthCol.SAMPLES, s.samples)
        .set(StreamTruthCol.PACKETS_SENT, sent).set(StreamTruthCol.PACKETS_RECEIVED, sent - lost)
        .set(StreamTruthCol.PACKETS_LOST, lost).set(StreamTruthCol.BYTES_SENT, bytes)
        .set(StreamTruthCol.INJECTED_LOSS_PCT, s.snapLossPackets == 0 ? 0.0
            : 100 * s.snapLossWeighted / s.snapLossPackets)
        .set(StreamTruthCol.REALISED_LOSS_PCT, sent == 0 ? null : 100.0 * lost / sent)
        .set(StreamTruthCol.MEAN_RTT_MS, s.rttN == 0 ? null : s.rttSumMs / s.rttN)
        .set(StreamTruthCol.MEAN_JITTER_MS, s.jitterN == 0 ? null : s.jitterSumMs / s.jitterN)
        .set(StreamTruthCol.MEAN_BITRATE_KBPS, duration <= 0 ? 0.0 : 8.0 * bytes / duration / 1000)
        .set(StreamTruthCol.FRAMES, video ? s.reportedTotal(RtpSender.FRAMES_ENCODED) : null)
        .set(StreamTruthCol.IMPAIRMENTS, labels(up)).set(StreamTruthCol.ONE_WAY, false);
  }

  private static TruthRow<StreamTruthCol> leg(LocalDate date, String app, String conf, RtpSender s, String leg,
      String rid) {
    return new TruthRow<>(StreamTruthCol.class).date(StreamTruthCol.DATE, date).set(StreamTruthCol.APP_ID, app)
        .set(StreamTruthCol.CONF_ID, conf).set(StreamTruthCol.SSRC, s.ssrc).set(StreamTruthCol.KIND, s.kind)
        .set(StreamTruthCol.MEDIA_TYPE, s.mediaType).set(StreamTruthCol.RID, rid)
        .set(StreamTruthCol.SIMULCAST, s.simulcast).set(StreamTruthCol.LEG, leg).set(StreamTruthCol.CODEC, s.codec)
        .set(StreamTruthCol.SENDER_UC_ID, s.owner.ucId()).set(StreamTruthCol.SENDER_USER_ID, s.owner.userId())
        .set(StreamTruthCol.SENDER_CONNECTION_ID, s.conn.id);
  }

  private static List<String> labels(RtpFlow f) {
    TreeSet<String> kinds = new TreeSet<>();
    for (Impairment k : f.impairments) {
      kinds.add(k.label);
    }
    return List.copyOf(kinds);
  }

  private static TruthRow<ImpairmentTruthCol> impairment(LocalDate date, String app, String conf, Participant p,
      Episode e) {
    return new TruthRow<>(ImpairmentTruthCol.class).date(ImpairmentTruthCol.DATE, date)
        .set(ImpairmentTruthCol.APP_ID, app).set(ImpairmentTruthCol.CONF_ID, conf)
        .set(ImpairmentTruthCol.UC_ID, p.ucId).set(ImpairmentTruthCol.USER_ID, p.userId)
        .set(ImpairmentTruthCol.KIND, e.kind().label).set(ImpairmentTruthCol.DIRECTION, e.kind().direction)
        .ts(ImpairmentTruthCol.START_TS, e.startMs()).ts(ImpairmentTruthCol.END_TS, e.endMs())
        .set(ImpairmentTruthCol.DURATION_S, (e.endMs() - e.startMs()) / 1000.0)
        .dbl(ImpairmentTruthCol.LOSS_PCT, e.lossPct()).dbl(ImpairmentTruthCol.JITTER_MS, e.jitterMs())
        .dbl(ImpairmentTruthCol.RTT_MS, e.rttMs()).dbl(ImpairmentTruthCol.BANDWIDTH_KBPS, e.bandwidthKbps());
  }
}

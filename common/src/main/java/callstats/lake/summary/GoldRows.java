package callstats.lake.summary;

import callstats.lake.ingest.RecordSink;
import callstats.lake.metrics.quality.IssueThresholds;
import callstats.lake.metrics.quality.QualityBand;
import callstats.lake.summary.CallInput.Precall;
import callstats.lake.summary.IssueDetector.Found;
import callstats.lake.summary.StreamFold.StreamKey;
import callstats.lake.table.ColumnDef;
import callstats.lake.table.gold.CallSummaryCol;
import callstats.lake.table.gold.ConnectionSummaryCol;
import callstats.lake.table.gold.Gold;
import callstats.lake.table.gold.IssueCol;
import callstats.lake.table.gold.ParticipantSummaryCol;
import callstats.lake.table.gold.StreamSummaryCol;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Builds the gold rows (slots in declared column order) from the fold's results. */
final class GoldRows {

  private final MessageDigest sha256;

  GoldRows() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Copies map values into the columns of the same name. */
  private static void fill(Object[] row, ColumnDef[] cols, Map<String, Object> values) {
    for (ColumnDef c : cols) {
      if (values.containsKey(c.column())) {
        row[c.ordinal()] = values.get(c.column());
      }
    }
  }

  private static Timestamp ts(Object epochMs) {
    return epochMs == null ? null : new Timestamp((Long) epochMs);
  }

  Object[] stream(Date date, String app, String conf, ParticipantState p, StreamKey key, Map<String, Object> s,
      String model) {
    Object[] r = RecordSink.newRow(Gold.STREAM_SUMMARY);
    fill(r, StreamSummaryCol.values(), s);
    r[StreamSummaryCol.CALL_DATE.ordinal()] = date;
    r[StreamSummaryCol.APP_ID.ordinal()] = app;
    r[StreamSummaryCol.CONF_ID.ordinal()] = conf;
    r[StreamSummaryCol.UC_ID.ordinal()] = key.ucId();
    r[StreamSummaryCol.USER_ID.ordinal()] = p.info == null ? null : p.info.userId();
    r[StreamSummaryCol.CONNECTION_ID.ordinal()] = key.connectionId();
    r[StreamSummaryCol.SSRC.ordinal()] = key.ssrc();
    r[StreamSummaryCol.DIRECTION.ordinal()] = key.family();
    r[StreamSummaryCol.FIRST_SAMPLE_TS.ordinal()] = ts(s.get("first_ms"));
    r[StreamSummaryCol.LAST_SAMPLE_TS.ordinal()] = ts(s.get("last_ms"));
    Double score = (Double) s.get("quality_score");
    QualityBand band = score == null ? null
        : "audio".equals(s.get("kind")) ? QualityBand.ofAudioMos(score) : QualityBand.ofVideoScore(score);
    r[StreamSummaryCol.QUALITY_BAND.ordinal()] = band == null ? null : band.label();
    r[StreamSummaryCol.MODEL_VERSION.ordinal()] = model;
    return r;
  }

  Object[] connection(Date date, String app, String conf, ParticipantState p, Map<String, Object> c) {
    Object[] r = RecordSink.newRow(Gold.CONNECTION_SUMMARY);
    fill(r, ConnectionSummaryCol.values(), c);
    r[ConnectionSummaryCol.CALL_DATE.ordinal()] = date;
    r[ConnectionSummaryCol.APP_ID.ordinal()] = app;
    r[ConnectionSummaryCol.CONF_ID.ordinal()] = conf;
    r[ConnectionSummaryCol.UC_ID.ordinal()] = p.ucId;
    r[ConnectionSummaryCol.USER_ID.ordinal()] = p.info == null ? null : p.info.userId();
    r[ConnectionSummaryCol.CONNECTION_ID.ordinal()] = c.get("connection_id");
    r[ConnectionSummaryCol.FIRST_TS.ordinal()] = ts(c.get("first_ms"));
    r[ConnectionSummaryCol.LAST_TS.ordinal()] = ts(c.get("last_ms"));
    Long first = (Long) c.get("first_ms");
    Long last = (Long) c.get("last_ms");
    r[ConnectionSummaryCol.DURATION_S.ordinal()] = first == null || last == null ? null : (last - first) / 1000.0;
    return r;
  }

  Object[] participant(Date date, String app, String conf, ParticipantState p, ParticipantResult res,
      double dominantSpeakerS, Precall precall, String model) {
    Object[] r = RecordSink.newRow(Gold.PARTICIPANT_SUMMARY);
    var i = p.info;
    set(r, ParticipantSummaryCol.CALL_DATE, date);
    set(r, ParticipantSummaryCol.APP_ID, app);
    set(r, ParticipantSummaryCol.CONF_ID, conf);
    set(r, ParticipantSummaryCol.UC_ID, p.ucId);
    set(r, ParticipantSummaryCol.DIALECT, i == null ? "callstats" : i.dialect());
    if (i != null) {
      set(r, ParticipantSummaryCol.USER_ID, i.userId());
      set(r, ParticipantSummaryCol.DEVICE_ID, i.deviceId());
      set(r, ParticipantSummaryCol.ENDPOINT_TYPE, i.endpointType());
      set(r, ParticipantSummaryCol.CLIENT_KIND, i.clientKind());
      set(r, ParticipantSummaryCol.BROWSER, i.browser());
      set(r, ParticipantSummaryCol.BROWSER_VERSION, i.browserVersion());
      set(r, ParticipantSummaryCol.BROWSER_MAJOR, i.browserMajor());
      set(r, ParticipantSummaryCol.SDK, i.sdk());
      set(r, ParticipantSummaryCol.SDK_VERSION, i.sdkVersion());
      set(r, ParticipantSummaryCol.OS, i.os());
      set(r, ParticipantSummaryCol.OS_VERSION, i.osVersion());
      set(r, ParticipantSummaryCol.APP_VERSION, i.appVersion());
      set(r, ParticipantSummaryCol.SITE_ID, i.siteId());
      set(r, ParticipantSummaryCol.CUSTOMER_ID, i.customerId());
      set(r, ParticipantSummaryCol.TENANT_ID, i.tenantId());
      set(r, ParticipantSummaryCol.PRODUCT_NAME, i.productName());
      set(r, ParticipantSummaryCol.COUNTRY, i.country());
      set(r, ParticipantSummaryCol.REGION, i.region());
      set(r, ParticipantSummaryCol.ASN, i.asn());
      set(r, ParticipantSummaryCol.ISP, i.isp());
    }
    set(r, ParticipantSummaryCol.NETWORK_TYPE, res.networkType());
    set(r, ParticipantSummaryCol.JOIN_TS, new Timestamp(p.joinMs()));
    set(r, ParticipantSummaryCol.LEAVE_TS, new Timestamp(p.leaveMs()));
    set(r, ParticipantSummaryCol.TIME_IN_CALL_S, (p.leaveMs() - p.joinMs()) / 1000.0);
    set(r, ParticipantSummaryCol.CLOCK_CORRECTION_MS, p.correctionMs);
    set(r, ParticipantSummaryCol.CONNECTIONS, (long) p.connectionFolds.size());
    set(r, ParticipantSummaryCol.CONNECTIONS_FAILED, res.connectionsFailed());
    set(r, ParticipantSummaryCol.CONNECTIONS_DROPPED, res.connectionsDropped());
    set(r, ParticipantSummaryCol.CONNECTED, res.connected());
    set(r, ParticipantSummaryCol.REJOINS, res.rejoins());
    set(r, ParticipantSummaryCol.RELAY_USED, res.relayUsed());
    set(r, ParticipantSummaryCol.RELAY_PROTOCOL, res.relayProtocol());
    set(r, ParticipantSummaryCol.AUDIO_SCORE, res.audioScore());
    set(r, ParticipantSummaryCol.AUDIO_SCORE_WORST, res.audioWorst());
    set(r, ParticipantSummaryCol.VIDEO_SCORE, res.videoScore());
    set(r, ParticipantSummaryCol.VIDEO_SCORE_WORST, res.videoWorst());
    set(r, ParticipantSummaryCol.MINUTES_SCORED, res.minutesScored());
    set(r, ParticipantSummaryCol.AUDIO_MINUTES_GOOD, res.audioBands()[QualityBand.GOOD.ordinal()]);
    set(r, ParticipantSummaryCol.AUDIO_MINUTES_FAIR, res.audioBands()[QualityBand.FAIR.ordinal()]);
    set(r, ParticipantSummaryCol.AUDIO_MINUTES_POOR, res.audioBands()[QualityBand.POOR.ordinal()]);
    set(r, ParticipantSummaryCol.VIDEO_MINUTES_GOOD, res.videoBands()[QualityBand.GOOD.ordinal()]);
    set(r, ParticipantSummaryCol.VIDEO_MINUTES_FAIR, res.videoBands()[QualityBand.FAIR.ordinal()]);
    set(r, ParticipantSummaryCol.VIDEO_MINUTES_POOR, res.videoBands()[QualityBand.POOR.ordinal()]);
    set(r, ParticipantSummaryCol.PCT_MINUTES_BELOW_FAIR, res.pctMinutesBelowFair());
    set(r, ParticipantSummaryCol.ONE_WAY_MEDIA, res.oneWay());
    set(r, ParticipantSummaryCol.MUTE_S, p.muteSeconds());
    set(r, ParticipantSummaryCol.DOMINANT_SPEAKER_S, dominantSpeakerS);
    if (precall != null) {
      set(r, ParticipantSummaryCol.PRECALL_RTT_MS, precall.rttMs());
      set(r, ParticipantSummaryCol.PRECALL_THROUGHPUT_KBPS, precall.throughputKbps());
      set(r, ParticipantSummaryCol.PRECALL_LOSS_PCT, precall.lossPct());
    }
    set(r, ParticipantSummaryCol.FEEDBACK_RATING, p.feedbackRating);
    set(r, ParticipantSummaryCol.ISSUES, p.issues);
    set(r, ParticipantSummaryCol.MODEL_VERSION, model);
    return r;
  }

  Object[] call(Date date, String app, String conf, List<ParticipantState> ps, List<ParticipantResult> rs,
      List<Object[]> issues, String model) {
    Object[] r = RecordSink.newRow(Gold.CALL_SUMMARY);
    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    double minutes = 0;
    Set<String> users = new HashSet<>();
    List<long[]> spans = new ArrayList<>();
    Percentiles.Doubles setup = new Percentiles.Doubles();
    long connections = 0;
    long failed = 0;
    long dropped = 0;
    long relayed = 0;
    TreeSet<String> topologies = new TreeSet<>();
    double aw = 0;
    double as = 0;
    double vw = 0;
    double vs = 0;
    String worstUc = null;
    Double worst = null;
    boolean worstIsAudio = false;
    boolean anyConnected = false;
    boolean someNeverConnected = false;
    boolean unrecoveredDrop = false;
    double feedbackSum = 0;
    long feedbackCount = 0;
    for (int k = 0; k < ps.size(); k++) {
      ParticipantState p = ps.get(k);
      ParticipantResult res = rs.get(k);
      start = Math.min(start, p.joinMs());
      end = Math.max(end, p.leaveMs());
      double inCallS = (p.leaveMs() - p.joinMs()) / 1000.0;
      minutes += inCallS / 60.0;
      spans.add(new long[] {p.joinMs(), p.leaveMs()});
      if (p.info != null && p.info.userId() != null) {
        users.add(p.info.userId());
      }
      for (Map<String, Object> c : p.connections) {
        connections++;
        if (c.get("setup_delay_ms") != null) {
          setup.add((Double) c.get("setup_delay_ms"));
        }
        if (c.get("topology") != null) {
          topologies.add((String) c.get("topology"));
        }
      }
      failed += res.connectionsFailed();
      dropped += res.connectionsDropped();
      relayed += res.relayUsed() ? 1 : 0;
      anyConnected |= res.connected();
      someNeverConnected |= res.attempted() && !res.connected();
      unrecoveredDrop |= res.droppedUnrecovered();
      if (res.audioScore() != null) {
        aw += res.audioScore() * inCallS;
        as += inCallS;
      }
      if (res.videoScore() != null) {
        vw += res.videoScore() * inCallS;
        vs += inCallS;
      }
      Double mine = res.audioScore() != null ? res.audioScore() : res.videoScore();
      boolean audio = res.audioScore() != null;
      if (mine != null && (worst == null || (audio && !worstIsAudio) || (audio == worstIsAudio && mine < worst))) {
        worst = mine;
        worstUc = p.ucId;
        worstIsAudio = audio;
      }
      if (p.feedbackRating != null) {
        feedbackSum += p.feedbackRating;
        feedbackCount++;
      }
    }
    String outcome = !anyConnected ? "failed" : someNeverConnected ? "partially_failed"
        : unrecoveredDrop ? "dropped" : "successful";
    Double audioScore = as > 0 ? aw / as : null;
    Double videoScore = vs > 0 ? vw / vs : null;
    QualityBand band = worse(audioScore == null ? null : QualityBand.ofAudioMos(audioScore),
        videoScore == null ? null : QualityBand.ofVideoScore(videoScore));
    Set<String> types = new TreeSet<>();
    issues.forEach(i -> types.add((String) i[IssueCol.ISSUE_TYPE.ordinal()]));
    set(r, CallSummaryCol.CALL_DATE, date);
    set(r, CallSummaryCol.APP_ID, app);
    set(r, CallSummaryCol.CONF_ID, conf);
    set(r, CallSummaryCol.START_TS, new Timestamp(start));
    set(r, CallSummaryCol.END_TS, new Timestamp(end));
    set(r, CallSummaryCol.DURATION_S, (end - start) / 1000.0);
    set(r, CallSummaryCol.PARTICIPANTS, (long) ps.size());
    set(r, CallSummaryCol.USERS, (long) users.size());
    set(r, CallSummaryCol.MAX_CONCURRENT, maxConcurrent(spans));
    set(r, CallSummaryCol.PARTICIPANT_MINUTES, minutes);
    set(r, CallSummaryCol.TOPOLOGY, topologies.isEmpty() ? null : topologies.size() > 1 ? "mixed" : topologies.first());
    set(r, CallSummaryCol.OUTCOME, outcome);
    set(r, CallSummaryCol.SETUP_MS_MIN, setup.min());
    set(r, CallSummaryCol.SETUP_MS_MEAN, setup.mean());
    set(r, CallSummaryCol.SETUP_MS_MEDIAN, setup.percentile(50));
    set(r, CallSummaryCol.SETUP_MS_MAX, setup.max());
    set(r, CallSummaryCol.CONNECTIONS, connections);
    set(r, CallSummaryCol.CONNECTIONS_FAILED, failed);
    set(r, CallSummaryCol.CONNECTIONS_DROPPED, dropped);
    set(r, CallSummaryCol.RELAYED_PARTICIPANTS, relayed);
    set(r, CallSummaryCol.AUDIO_SCORE, audioScore);
    set(r, CallSummaryCol.VIDEO_SCORE, videoScore);
    set(r, CallSummaryCol.QUALITY_BAND, band == null ? null : band.label());
    set(r, CallSummaryCol.WORST_UC_ID, worstUc);
    set(r, CallSummaryCol.WORST_SCORE, worst);
    set(r, CallSummaryCol.ISSUES, (long) issues.size());
    set(r, CallSummaryCol.ISSUE_TYPES, new ArrayList<>(types));
    set(r, CallSummaryCol.FEEDBACK_MEAN, feedbackCount > 0 ? feedbackSum / feedbackCount : null);
    set(r, CallSummaryCol.FEEDBACK_COUNT, feedbackCount);
    set(r, CallSummaryCol.MODEL_VERSION, model);
    return r;
  }

  private static QualityBand worse(QualityBand a, QualityBand b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.ordinal() >= b.ordinal() ? a : b;
  }

  /** The most sessions present at once (a leave at the same instant as a join counts first). */
  static long maxConcurrent(List<long[]> spans) {
    List<long[]> points = new ArrayList<>();
    for (long[] s : spans) {
      points.add(new long[] {s[0], 1});
      points.add(new long[] {s[1], -1});
    }
    points.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    long now = 0;
    long max = 0;
    for (long[] p : points) {
      now += p[1];
      max = Math.max(max, now);
    }
    return max;
  }

  Object[] streamIssue(Date date, String app, String conf, Found f) {
    StreamKey k = f.stream();
    double measured = f.measured();
    return issue(date, app, conf, "stream", k.ucId(), k.connectionId(), k.ssrc(), f.mediaType(), f.type().code(),
        IssueDetector.severity(measured, f.threshold(), f.type().lowIsBad()), f.fromMs(), f.toMs(),
        Double.isNaN(measured) ? null : measured, f.threshold(), f.type().unit, f.type().code().replace('_', ' ')
            + " on the " + f.mediaType() + " stream " + k.ssrc() + " (" + k.family() + ")");
  }

  List<Object[]> connectionIssues(Date date, String app, String conf, ConnectionFold c, Map<String, Object> s) {
    List<Object[]> out = new ArrayList<>();
    Long first = (Long) s.get("first_ms");
    Long last = (Long) s.get("last_ms");
    if ("failed".equals(s.get("setup_outcome"))) {
      out.add(issue(date, app, conf, "connection", c.ucId(), c.connectionId(), null, null, "setup_failure", "critical",
          first, last, null, null, null, "connection setup failed: " + s.get("setup_failure_reason")));
    }
    if (Boolean.TRUE.equals(s.get("ice_failed"))) {
      out.add(issue(date, app, conf, "connection", c.ucId(), c.connectionId(), null, null, "ice_failure", "critical",
          first, last, null, null, null, "ICE failed"));
    }
    if (Boolean.TRUE.equals(s.get("dropped"))) {
      out.add(issue(date, app, conf, "connection", c.ucId(), c.connectionId(), null, null, "dropped_connection",
          "critical", c.droppedAtMs(), c.droppedAtMs(), null, null, null, "the connection dropped"));
    }
    Object relay = s.get("relay_protocol");
    if ("tcp".equals(relay) || "tls".equals(relay)) {
      out.add(issue(date, app, conf, "connection", c.ucId(), c.connectionId(), null, null, "relay_over_tcp_tls",
          "minor", first, last, null, null, null, "media relayed over TURN/" + relay + " (head-of-line blocking)"));
    }
    return out;
  }

  List<Object[]> participantIssues(Date date, String app, String conf, ParticipantState p, ParticipantResult r,
      IssueThresholds t) {
    List<Object[]> out = new ArrayList<>();
    if (r.oneWay()) {
      out.add(issue(date, app, conf, "participant", p.ucId, null, null, null, "one_way_media", "major", p.joinMs(),
          p.leaveMs(), null, null, null, "media flowed in one direction only"));
    }
    if (r.rejoins() > 0) {
      out.add(issue(date, app, conf, "participant", p.ucId, null, null, null, "churn",
          r.rejoins() > 2 ? "major" : "minor", p.joinMs(), p.leaveMs(), (double) r.rejoins(), 0.0, "rejoins",
          "reconnected " + r.rejoins() + " times"));
    }
    if (p.feedbackRating != null && t.isLowFeedback(p.feedbackRating)) {
      out.add(issue(date, app, conf, "participant", p.ucId, null, null, null, "low_feedback",
          p.feedbackRating <= 1 ? "critical" : "major", p.feedbackTs + p.correctionMs, p.feedbackTs + p.correctionMs,
          (double) p.feedbackRating, (double) t.lowFeedbackRating(), "rating", "the user rated the call "
              + p.feedbackRating + " of 5"));
    }
    return out;
  }

  private Object[] issue(Date date, String app, String conf, String level, String uc, String connection, Long ssrc,
      String mediaType, String type, String severity, Long fromMs, Long toMs, Double measured, Double threshold,
      String unit, String detail) {
    Object[] r = RecordSink.newRow(Gold.ISSUES);
    set(r, IssueCol.CALL_DATE, date);
    set(r, IssueCol.APP_ID, app);
    set(r, IssueCol.CONF_ID, conf);
    set(r, IssueCol.ISSUE_ID, issueId(app, conf, level, uc, connection, ssrc, type, fromMs));
    set(r, IssueCol.LEVEL, level);
    set(r, IssueCol.UC_ID, uc);
    set(r, IssueCol.CONNECTION_ID, connection);
    set(r, IssueCol.SSRC, ssrc);
    set(r, IssueCol.MEDIA_TYPE, mediaType);
    set(r, IssueCol.ISSUE_TYPE, type);
    set(r, IssueCol.SEVERITY, severity);
    set(r, IssueCol.FROM_TS, fromMs == null ? null : new Timestamp(fromMs));
    set(r, IssueCol.TO_TS, toMs == null ? null : new Timestamp(toMs));
    set(r, IssueCol.DURATION_S, fromMs == null || toMs == null ? null : (toMs - fromMs) / 1000.0);
    set(r, IssueCol.MEASURED, measured);
    set(r, IssueCol.THRESHOLD, threshold);
    set(r, IssueCol.UNIT, unit);
    set(r, IssueCol.DETAIL, detail);
    return r;
  }

  private String issueId(Object... parts) {
    sha256.reset();
    for (Object p : parts) {
      sha256.update(String.valueOf(p).getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0);
    }
    return HexFormat.of().formatHex(sha256.digest(), 0, 12);
  }

  private static void set(Object[] row, Enum<?> col, Object value) {
    row[col.ordinal()] = value;
  }
}

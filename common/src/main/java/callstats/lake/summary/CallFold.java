package callstats.lake.summary;

import callstats.lake.ingest.RecordSink;
import callstats.lake.metrics.quality.AudioQuality;
import callstats.lake.metrics.quality.IssueThresholds;
import callstats.lake.metrics.quality.QualityBand;
import callstats.lake.metrics.quality.VideoQuality;
import callstats.lake.summary.CallInput.Event;
import callstats.lake.summary.CallInput.Feedback;
import callstats.lake.summary.CallInput.Precall;
import callstats.lake.summary.CallInput.Rtp;
import callstats.lake.summary.CallInput.Session;
import callstats.lake.summary.CallInput.Transport;
import callstats.lake.summary.StreamFold.StreamKey;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Summarises one call from its silver records, streamed in a fixed order so that memory holds one media
 * stream's samples at a time, never the call's: per user session (ucID ascending, sessions without a ucID
 * first) its session rows, pre-call tests, feedback and session-level events; then per connection
 * (ascending) its events, candidate-pair samples and RTP samples (by ssrc, stream family, time). The
 * Spark job sorts the call's records in exactly this order ({@link #ORDER_NOTE}); {@link #run} sorts a
 * materialised call the same way (tests, small calls).
 *
 * <p>Emits, at {@link #end()}: gold.stream_summary rows as each stream ends, then connection,
 * participant, call and issue rows.
 */
public final class CallFold {

  public static final String ORDER_NOTE = "uc_id nulls first, connection_id nulls first, kind (session, precall, "
      + "feedback, event, transport, rtp), ssrc, family, time, record id";
  public static final String MODEL_VERSION = AudioQuality.MODEL_VERSION + "+" + VideoQuality.MODEL_VERSION;

  private final IssueThresholds thresholds;
  private final double clockSkewMs;
  private final RecordSink sink;
  private final GoldRows rows = new GoldRows();

  private String appId;
  private String confId;
  private Date callDate;
  private final List<Precall> precalls = new ArrayList<>();
  private final List<ParticipantState> participants = new ArrayList<>();
  private final List<Object[]> speakerEvents = new ArrayList<>();
  private final List<Object[]> issueRows = new ArrayList<>();
  private ParticipantState participant;
  private ConnectionFold connection;
  private StreamFold stream;
  private IssueDetector detector;
  private long connPacketsReceived;
  private long connPacketsLost;
  private long connPacketsSent;
  private String connKey;

  public CallFold(IssueThresholds thresholds, double clockSkewMs, RecordSink sink) {
    this.thresholds = thresholds;
    this.clockSkewMs = clockSkewMs;
    this.sink = sink;
  }

  /** Folds a materialised call (sorting it first). */
  public void run(CallInput.Call call) {
    begin(call.appId(), call.confId(), call.callDate());
    call.precalls().stream().filter(p -> p.ucId() == null).sorted(Comparator.comparingLong(Precall::tsMs))
        .forEach(this::precall);
    List<String> ucs = new ArrayList<>();
    call.sessions().forEach(s -> add(ucs, s.ucId()));
    call.events().forEach(e -> add(ucs, e.ucId()));
    call.transports().forEach(t -> add(ucs, t.ucId()));
    call.rtp().forEach(r -> add(ucs, r.ucId()));
    ucs.sort(Comparator.naturalOrder());
    for (String uc : ucs) {
      call.sessions().stream().filter(s -> s.ucId().equals(uc)).sorted(Comparator.comparingLong(Session::firstClientMs))
          .forEach(this::session);
      call.precalls().stream().filter(p -> uc.equals(p.ucId())).sorted(Comparator.comparingLong(Precall::tsMs))
          .forEach(this::precall);
      call.feedback().stream().filter(f -> f.ucId().equals(uc)).sorted(Comparator.comparingLong(Feedback::tsMs))
          .forEach(this::feedback);
      call.events().stream().filter(e -> e.ucId().equals(uc) && e.connectionId() == null)
          .sorted(Comparator.comparingLong(Event::tsMs)).forEach(this::event);
      List<String> conns = new ArrayList<>();
      call.events().stream().filter(e -> e.ucId().equals(uc) && e.connectionId() != null)
          .forEach(e -> add(conns, e.connectionId()));
      call.transports().stream().filter(t -> t.ucId().equals(uc)).forEach(t -> add(conns, t.connectionId()));
      call.rtp().stream().filter(r -> r.ucId().equals(uc)).forEach(r -> add(conns, r.connectionId()));
      conns.sort(Comparator.naturalOrder());
      for (String c : conns) {
        call.events().stream().filter(e -> e.ucId().equals(uc) && c.equals(e.connectionId()))
            .sorted(Comparator.comparingLong(Event::tsMs)).forEach(this::event);
        call.transports().stream().filter(t -> t.ucId().equals(uc) && t.connectionId().equals(c))
            .sorted(Comparator.comparingLong(Transport::tsMs)).forEach(this::transport);
        call.rtp().stream().filter(r -> r.ucId().equals(uc) && r.connectionId().equals(c))
            .sorted(Comparator.comparingLong(Rtp::ssrc).thenComparing(r -> StreamFold.family(r.direction()))
                .thenComparingLong(Rtp::tsMs).thenComparing(Rtp::recordId))
            .forEach(this::rtp);
      }
    }
    end();
  }

  private static void add(List<String> list, String v) {
    if (v != null && !list.contains(v)) {
      list.add(v);
    }
  }

  public void begin(String app, String conf, Date date) {
    this.appId = app;
    this.confId = conf;
    this.callDate = date;
    this.detector = new IssueDetector(thresholds);
  }

  public void precall(Precall p) {
    precalls.add(p);
  }

  public void session(Session s) {
    participant(s.ucId()).session(s, clockSkewMs);
  }

  public void feedback(Feedback f) {
    participant(f.ucId()).feedback(f);
  }

  public void event(Event e) {
    ParticipantState p = participant(e.ucId());
    if (e.connectionId() == null) {
      if (e.event().equals("dominant_speaker")) {
        speakerEvents.add(new Object[] {e.tsMs() + p.correctionMs, e.ucId()});
      }
      p.event(e);
      return;
    }
    connection(p, e.connectionId()).event(e);
  }

  public void transport(Transport t) {
    ParticipantState p = participant(t.ucId());
    connection(p, t.connectionId()).transport(t);
  }

  public void rtp(Rtp r) {
    ParticipantState p = participant(r.ucId());
    ConnectionFold c = connection(p, r.connectionId());
    StreamKey key = new StreamKey(r.ucId(), r.connectionId(), r.ssrc(), StreamFold.family(r.direction()));
    if (stream == null || !stream.key().equals(key)) {
      endStream();
      stream = new StreamFold(key, p.correctionMs, c::rttOfRecord, thresholds.highLossPct(),
          (k, i) -> {
            detector.interval(k, i);
            if (i.score() != null && i.inbound()) {
              participant.score("audio".equals(i.mediaType()) ? "audio" : "video", i.toMs(), i.seconds(), i.score());
            }
          });
    }
    stream.add(r);
  }

  private ParticipantState participant(String uc) {
    if (participant == null || !participant.ucId.equals(uc)) {
      endParticipant();
      participant = new ParticipantState(uc);
    }
    return participant;
  }

  private ConnectionFold connection(ParticipantState p, String id) {
    String key = p.ucId + "\u0000" + id;
    if (connection == null || !key.equals(connKey)) {
      endConnection();
      connection = new ConnectionFold(p.ucId, id, p.correctionMs);
      connKey = key;
    }
    return connection;
  }

  private void endStream() {
    if (stream == null) {
      return;
    }
    if (stream.hasSamples()) {
      Map<String, Object> s = stream.summary();
      boolean inbound = stream.key().family().equals("inbound");
      if (inbound) {
        connPacketsReceived += stream.packets();
        connPacketsLost += stream.lost();
        participant.packetsReceived += stream.packets();
        if (stream.packets() > 0) {
          connection.mediaFlowed();
        }
      } else {
        connPacketsSent += stream.packets();
        participant.packetsSent += stream.packets();
      }
      sink.emit(callstats.lake.table.gold.Gold.STREAM_SUMMARY,
          rows.stream(callDate, appId, confId, participant, stream.key(), s, MODEL_VERSION));
    }
    for (IssueDetector.Found f : detector.drain()) {
      issueRows.add(rows.streamIssue(callDate, appId, confId, f));
      participant.issues++;
    }
    stream = null;
  }

  private void endConnection() {
    endStream();
    if (connection == null) {
      return;
    }
    Map<String, Object> c = connection.summary(connPacketsReceived, connPacketsLost, connPacketsSent);
    participant.connections.add(c);
    participant.connectionFolds.add(connection);
    for (Object[] issue : rows.connectionIssues(callDate, appId, confId, connection, c)) {
      issueRows.add(issue);
      participant.issues++;
    }
    connection = null;
    connKey = null;
    connPacketsReceived = 0;
    connPacketsLost = 0;
    connPacketsSent = 0;
  }

  private void endParticipant() {
    endConnection();
    if (participant != null) {
      participants.add(participant);
    }
    participant = null;
  }

  /** Ends the call: emits connection, participant, call and issue rows. */
  public void end() {
    endParticipant();
    Map<String, Double> speakerS = dominantSpeakerSeconds();
    List<ParticipantResult> results = new ArrayList<>();
    for (ParticipantState p : participants) {
      for (Map<String, Object> c : p.connections) {
        sink.emit(callstats.lake.table.gold.Gold.CONNECTION_SUMMARY, rows.connection(callDate, appId, confId, p, c));
      }
      ParticipantResult r = ParticipantResult.of(p, thresholds);
      for (Object[] issue : rows.participantIssues(callDate, appId, confId, p, r, thresholds)) {
        issueRows.add(issue);
        p.issues++;
      }
      results.add(r);
      sink.emit(callstats.lake.table.gold.Gold.PARTICIPANT_SUMMARY, rows.participant(callDate, appId, confId, p, r,
          speakerS.getOrDefault(p.ucId, 0.0), precallFor(p), MODEL_VERSION));
    }
    if (!participants.isEmpty()) {
      sink.emit(callstats.lake.table.gold.Gold.CALL_SUMMARY, rows.call(callDate, appId, confId, participants, results,
          issueRows, MODEL_VERSION));
    }
    issueRows.forEach(i -> sink.emit(callstats.lake.table.gold.Gold.ISSUES, i));
    participants.clear();
    precalls.clear();
    speakerEvents.clear();
    issueRows.clear();
  }

  /** Each dominant-speaker event credits its speaker until the next event, or the speaker's leave. */
  private Map<String, Double> dominantSpeakerSeconds() {
    Map<String, Double> out = new HashMap<>();
    speakerEvents.sort(Comparator.comparingLong((Object[] e) -> (Long) e[0]).thenComparing(e -> (String) e[1]));
    Map<String, Long> leave = new HashMap<>();
    participants.forEach(p -> leave.put(p.ucId, p.leaveMs()));
    for (int i = 0; i < speakerEvents.size(); i++) {
      long from = (Long) speakerEvents.get(i)[0];
      String uc = (String) speakerEvents.get(i)[1];
      long until = leave.getOrDefault(uc, from);
      if (i + 1 < speakerEvents.size()) {
        until = Math.min(until, (Long) speakerEvents.get(i + 1)[0]);
      }
      out.merge(uc, Math.max(0, until - from) / 1000.0, Double::sum);
    }
    return out;
  }

  /** The last pre-call test of the session's user in the 10 minutes before its join. */
  private Precall precallFor(ParticipantState p) {
    Precall best = null;
    long join = p.joinMs();
    String user = p.info == null ? null : p.info.userId();
    for (Precall t : precalls) {
      boolean mine = p.ucId.equals(t.ucId()) || (t.ucId() == null && user != null && user.equals(t.userId()));
      long ts = t.tsMs() + p.correctionMs;
      if (mine && ts <= join && ts >= join - 600_000L && (best == null || t.tsMs() > best.tsMs())) {
        best = t;
      }
    }
    return best;
  }

  static QualityBand audioBand(Double mos) {
    return mos == null ? null : QualityBand.ofAudioMos(mos);
  }

  static QualityBand videoBand(Double score) {
    return score == null ? null : QualityBand.ofVideoScore(score);
  }
}

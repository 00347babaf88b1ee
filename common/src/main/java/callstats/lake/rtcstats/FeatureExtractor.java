package callstats.lake.rtcstats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * The rtcstats-server "standard" feature extractor as a {@link DumpVisitor}: it builds the compatibility
 * view of docs/rtcstats-features.md (session times, speaker statistics, per-connection aggregates, tracks, browser
 * info, metrics) from the same decoded line stream that feeds the silver tables. Use one instance per
 * dump and call {@link #result()} after the dump has been processed. Cost: a few map lookups per stats
 * report; the state kept is per connection and per track, not per line.
 *
 * <p>Differences from the reference, all deliberate: (1) where the reference aborts the whole dump (a
 * blank or invalid line, a fatal payload of Q29, a missing or invalid header) the lake skips and
 * quarantines that line and extracts features from the rest; without a valid header the stats format is
 * {@code unsupported}. (2) Where the reference would use the processing wall-clock time (a
 * {@code conferenceStartTimestamp} whose value is null, NaN or non-numeric, Q4) the lake uses 0, so the
 * result is deterministic. (3) Dumps whose {@code clientProtocol} lacks {@code 3.1_STANDARD} are
 * extracted with the same rules, where the reference would switch to its trivial backend extractor.
 * {@link RtcstatsFeatures#referenceOutcome()} tells for which dumps the result equals the reference's.
 */
public final class FeatureExtractor implements DumpVisitor {

  private static final Set<String> SDP_METHODS = Set.of(
      "createOfferOnSuccess", "createAnswerOnSuccess", "setLocalDescription", "setRemoteDescription");
  private static final Set<String> NOT_OTHER = Set.of("identity", "conferenceStartTimestamp", "connectionInfo",
      "constraints", "create", "createAnswerOnSuccess", "createAnswerOnFailure", "createOfferOnSuccess",
      "createOfferOnFailure", "dominantSpeaker", "e2eRtt", "faceLandmarks", "getstats", "onconnectionstatechange",
      "oniceconnectionstatechange", "ondtlserror", "ondtlsstatechange", "setLocalDescription",
      "setLocalDescriptionOnFailure", "setRemoteDescription", "setRemoteDescriptionOnFailure", "setVideoType");

  private final SessionState session = new SessionState();
  private final JsKeyedMap<PcState> pcs = new JsKeyedMap<>();
  private final SpeakerTracker speakers = new SpeakerTracker();
  private StatsFormat format = StatsFormat.UNSUPPORTED;
  private StatsAnalyzer analyzer;
  private RtcstatsFeatures result;

  @Override
  public void header(DumpLine header) {
    String userAgent = textOf(Js.field(header.payload(), "userAgent"));
    format = StatsFormat.fromUserAgent(userAgent);
    session.clientProtocol = textOf(Js.field(header.payload(), "clientProtocol"));
    session.headerFound = true;
    browserInfo(userAgent);
  }

  @Override
  public void line(DumpLine line, StatsEntry stats) {
    String method = line.method();
    JsonNode payload = line.payload();
    JsonNode ts = line.ts();
    session.metrics.count(metricOf(method), line.sizeChars());
    switch (method) {
      case "connectionInfo" -> browserInfo(textOf(Js.field(payload, "userAgent")));
      case "identity" -> session.identity(payload);
      case "conferenceStartTimestamp" -> session.conferenceStart(payload);
      case "constraints" -> pc(line).constraints(payload);
      case "create" -> pc(line);
      case "onconnectionstatechange" -> pc(line).connectionState(payload, ts);
      case "oniceconnectionstatechange" -> pc(line).iceConnectionState(payload, ts);
      case "ondtlsstatechange" -> pc(line).dtlsState(payload, format == StatsFormat.FIREFOX);
      case "ondtlserror" -> pc(line).dtlsErrors++;
      case "createOfferOnFailure", "createAnswerOnFailure" -> pc(line).sdpCreateFailure++;
      case "setLocalDescriptionOnFailure", "setRemoteDescriptionOnFailure" -> pc(line).sdpSetFailure++;
      case "setVideoType" -> setVideoType(payload, ts);
      case "dominantSpeaker" -> speakers.dominantSpeaker(Js.field(payload, "dominantSpeakerEndpoint"), ts,
          session.ownEndpointId);
      case "e2eRtt" -> session.e2eRtt(payload);
      case "faceLandmarks" -> session.faceLandmarks(payload);
      case "getstats" -> stats(line, stats);
      default -> { }
    }
    if (!"connectionInfo".equals(method) && !"identity".equals(method)) {
      session.sawTimestamp(ts);
    }
    if (line.hasPc()) {
      pc(line).sawLine(ts);
    }
  }

  @Override
  public void end(DumpSummary summary) {
    session.badLines = summary.badLines();
    speakers.finish(session.sessionEndTime, session.ownEndpointId);
    result = new FeaturesBuilder(session, pcs, speakers, format).build();
  }

  /** The features, available after {@link #end}. */
  public RtcstatsFeatures result() {
    if (result == null) {
      throw new IllegalStateException("result() must be called after the dump has been processed (end not seen)");
    }
    return result;
  }

  private void stats(DumpLine line, StatsEntry stats) {
    if (format == StatsFormat.UNSUPPORTED) {
      return;
    }
    if (analyzer == null) {
      analyzer = new StatsAnalyzer(format);
    }
    analyzer.analyse(pc(line), stats, line.ts());
  }

  private void setVideoType(JsonNode payload, JsonNode ts) {
    JsonNode ssrc = Js.field(payload, "ssrc");
    JsonNode videoType = Js.field(payload, "videoType");
    for (PcState pc : pcs.values()) {
      if (pc.key.startsWith("PC_")) {
        pc.videoType(ssrc, videoType, ts);
      }
    }
  }

  private PcState pc(DumpLine line) {
    return pcs.computeIfAbsent(line.pcKey(), PcState::new);
  }

  private void browserInfo(String userAgent) {
    if (userAgent != null && !userAgent.isEmpty()) {
      session.browserInfo = BrowserInfo.parse(userAgent);
    }
  }

  private static String textOf(JsonNode v) {
    return v != null && v.isTextual() ? v.textValue() : null;
  }

  private static Metric metricOf(String method) {
    if ("getstats".equals(method)) {
      return Metric.STATS;
    }
    if (SDP_METHODS.contains(method)) {
      return Metric.SDP;
    }
    if ("dominantSpeaker".equals(method)) {
      return Metric.DS;
    }
    if ("faceLandmarks".equals(method)) {
      return Metric.SENTIMENT;
    }
    return NOT_OTHER.contains(method) ? Metric.NONE : Metric.OTHER;
  }

  /** Which {@code metrics} counter pair a line counts in. */
  enum Metric { STATS, SDP, DS, SENTIMENT, OTHER, NONE }

  /** The request-size counters of {@code metrics} (docs/rtcstats-features.md 4.10): 2 bytes per UTF-16 code unit. */
  static final class Metrics {
    final long[] bytes = new long[Metric.values().length];
    final long[] counts = new long[Metric.values().length];

    void count(Metric metric, long sizeChars) {
      bytes[metric.ordinal()] += 2 * sizeChars;
      counts[metric.ordinal()]++;
    }

    long bytes(Metric metric) {
      return bytes[metric.ordinal()];
    }

    long count(Metric metric) {
      return counts[metric.ordinal()];
    }
  }

  /** Session-level running state: times, identity, conference start, pings, face landmarks. */
  static final class SessionState {
    final Metrics metrics = new Metrics();
    JsonNode sessionStartTime = Js.num(0);
    JsonNode sessionEndTime = Js.num(0);
    JsonNode conferenceStartTime = Js.num(0);
    boolean conferenceStartUnknown;
    JsonNode ownEndpointId;
    ObjectNode deploymentInfo;
    ObjectNode e2epings;
    final ObjectNode sentiment = JsonNodeFactory.instance.objectNode();
    final ArrayNode faceLandmarksTimestamps = JsonNodeFactory.instance.arrayNode();
    BrowserInfo browserInfo;
    String clientProtocol;
    boolean headerFound;
    long badLines;

    SessionState() {
      for (String key : new String[] {"angry", "disgusted", "fearful", "happy", "neutral", "sad", "surprised"}) {
        sentiment.put(key, 0);
      }
    }

    void sawTimestamp(JsonNode ts) {
      if (!Js.truthy(sessionStartTime) && Js.truthy(ts)) {
        sessionStartTime = ts;
      }
      if (Js.greater(ts, sessionEndTime)) {
        sessionEndTime = ts;
      }
    }

    void identity(JsonNode payload) {
      if (!Js.truthy(ownEndpointId)) {
        ownEndpointId = Js.field(payload, "endpointId");
      }
      if (deploymentInfo == null) {
        deploymentInfo = JsonNodeFactory.instance.objectNode();
      }
      JsonNode info = Js.field(payload, "deploymentInfo");
      if (info != null && info.isObject()) {
        info.properties().forEach(e -> deploymentInfo.set(e.getKey(), e.getValue()));
      } else if (info != null && (info.isTextual() || info.isArray())) {
        spread(info);
      }
    }

    private void spread(JsonNode info) {
      if (info.isArray()) {
        for (int i = 0; i < info.size(); i++) {
          deploymentInfo.set(Integer.toString(i), info.get(i));
        }
        return;
      }
      String text = info.textValue();
      for (int i = 0; i < text.length(); i++) {
        deploymentInfo.put(Integer.toString(i), String.valueOf(text.charAt(i)));
      }
    }

    void conferenceStart(JsonNode payload) {
      if (payload != null && payload.isNumber() && payload.doubleValue() == 0) {
        return;
      }
      JsonNode value = payload != null && payload.isTextual() ? Js.num(Js.toNumber(payload)) : payload;
      if (Js.truthy(value)) {
        conferenceStartTime = value;
      } else {
        conferenceStartTime = Js.num(0);
        conferenceStartUnknown = true;
      }
    }

    void e2eRtt(JsonNode payload) {
      if (e2epings == null) {
        e2epings = JsonNodeFactory.instance.objectNode();
      }
      ObjectNode ping = JsonNodeFactory.instance.objectNode();
      putIfPresent(ping, "remoteRegion", Js.field(payload, "remoteRegion"));
      putIfPresent(ping, "rtt", Js.field(payload, "rtt"));
      e2epings.set(Js.key(Js.field(payload, "remoteEndpointId")), ping);
    }

    void faceLandmarks(JsonNode payload) {
      ObjectNode entry = faceLandmarksTimestamps.addObject();
      putIfPresent(entry, "timestamp", Js.field(payload, "timestamp"));
      JsonNode expression = Js.field(payload, "faceLandmarks");
      putIfPresent(entry, "faceLandmarks", expression);
      String key = Js.key(expression);
      if (expression != null && sentiment.has(key)) {
        sentiment.set(key, Js.add(sentiment.get(key), Js.field(payload, "duration")));
      }
    }

    private static void putIfPresent(ObjectNode target, String name, JsonNode value) {
      if (value != null) {
        target.set(name, value);
      }
    }
  }
}

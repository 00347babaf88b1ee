package callstats.lake.rtcstats;

import callstats.lake.rtcstats.ConnectionFeatures.CandidatePair;
import callstats.lake.rtcstats.ConnectionFeatures.InboundVideo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rtcstats-compatible features of one dump: the {@code {"features": {...}}} object exactly as
 * rtcstats-server builds it ({@link #json()}), and the same values typed as gold-table rows
 * ({@link #session}, {@link #connections}, {@link #tracks}). The typed rows are read from the JSON, so
 * both views have one definition; numbers are coerced as JavaScript does and NaN becomes null.
 */
public final class RtcstatsFeatures {

  private static final String STANDARD_PROTOCOL = "3.1_STANDARD";

  private final ObjectNode json;
  private final StatsFormat format;
  private final String clientProtocol;
  private final boolean headerFound;
  private final long badLines;
  private final boolean conferenceStartUnknown;

  RtcstatsFeatures(ObjectNode json, StatsFormat format, String clientProtocol, boolean headerFound, long badLines,
      boolean conferenceStartUnknown) {
    this.json = json;
    this.format = format;
    this.clientProtocol = clientProtocol;
    this.headerFound = headerFound;
    this.badLines = badLines;
    this.conferenceStartUnknown = conferenceStartUnknown;
  }

  /** Reads a whole dump (plain text; the caller undoes gzip) and extracts its features in one pass. */
  public static RtcstatsFeatures extract(InputStream dump) throws IOException {
    FeatureExtractor extractor = new FeatureExtractor();
    RtcstatsDumpProcessor.withDefaults().process(dump, extractor);
    return extractor.result();
  }

  /** {@code {"features": {...}}}, as rtcstats-server outputs it. Shared: do not modify. */
  public ObjectNode json() {
    return json;
  }

  public StatsFormat format() {
    return format;
  }

  public ReferenceOutcome referenceOutcome() {
    if (!headerFound || clientProtocol == null || !clientProtocol.contains(STANDARD_PROTOCOL)) {
      return ReferenceOutcome.NO_STANDARD_HEADER;
    }
    if (badLines > 0) {
      return ReferenceOutcome.SKIPPED_LINES;
    }
    return conferenceStartUnknown ? ReferenceOutcome.WALL_CLOCK_CONFERENCE_START : ReferenceOutcome.IDENTICAL;
  }

  /** The session-level row. */
  public SessionFeatures session(String dumpId) {
    JsonNode f = json.get("features");
    JsonNode metrics = f.get("metrics");
    JsonNode browser = f.get("browserInfo");
    return new SessionFeatures(dumpId, asLong(f.get("sessionStartTime")), asLong(f.get("sessionEndTime")),
        asLong(metrics.get("sessionDurationMs")), asLong(f.get("conferenceStartTime")),
        asLong(metrics.get("conferenceDurationMs")), f.get("dominantSpeakerChanges").asLong(),
        asDouble(f.get("speakerTime")), text(browser, "name"), text(browser, "version"),
        text(browser, "majorVersion"), text(browser, "os"), text(browser, "userAgent"), format.code(),
        clientProtocol, f.get("aggregates").size(), badLines, referenceOutcome());
  }

  /** One row per peer connection, in the order the connections appeared. */
  public List<ConnectionFeatures> connections(String dumpId) {
    List<ConnectionFeatures> rows = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : json.get("features").get("aggregates").properties()) {
      JsonNode pc = e.getValue();
      JsonNode tracks = pc.get("trackAggregates");
      rows.add(new ConnectionFeatures(dumpId, e.getKey(), asBoolean(pc.get("isP2P")), asBoolean(pc.get("usesRelay")),
          pc.get("connectionFailed").asBoolean(), pc.get("iceReconnects").asLong(),
          asLong(pc.get("pcSessionDurationMs")), asLong(pc.get("lastIceDisconnect")),
          asLong(pc.get("lastIceFailure")), pc.get("dtlsErrors").asLong(), pc.get("dtlsFailure").asLong(),
          pc.get("sdpCreateFailure").asLong(), pc.get("sdpSetFailure").asLong(),
          candidatePair(pc.get("candidatePairData")), asDouble(pc.get("transportAggregates").get("meanRtt")),
          asLong(tracks.get("totalPacketsSent")), asLong(tracks.get("totalSentPacketsLost")),
          asDouble(tracks.get("sentPacketsLostPct")), asLong(tracks.get("totalPacketsReceived")),
          asLong(tracks.get("totalReceivedPacketsLost")), asDouble(tracks.get("receivedPacketsLostPct")),
          inboundVideo(pc.get("inboundVideoExperience"))));
    }
    return rows;
  }

  /** One row per sender and per receiver track, connection by connection, senders first. */
  public List<TrackFeatures> tracks(String dumpId) {
    List<TrackFeatures> rows = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : json.get("features").get("aggregates").properties()) {
      JsonNode lists = e.getValue().get("tracks");
      lists.get("senderTracks").forEach(t -> rows.add(track(dumpId, e.getKey(), TrackFeatures.SENDER, t)));
      lists.get("receiverTracks").forEach(t -> rows.add(track(dumpId, e.getKey(), TrackFeatures.RECEIVER, t)));
    }
    return rows;
  }

  private static TrackFeatures track(String dumpId, String pcId, String direction, JsonNode t) {
    return new TrackFeatures(dumpId, pcId, asLong(t.get("ssrc")), direction, text(t, "mediaType"),
        asLong(t.get("packets")), asLong(t.get("packetsLost")), asDouble(t.get("packetsLostPct")),
        asDouble(t.get("packetsLostVariance")), asDouble(t.get("concealedPercentage")), asLong(t.get("startTime")),
        asLong(t.get("endTime")));
  }

  private static CandidatePair candidatePair(JsonNode p) {
    if (p == null || p.isEmpty()) {
      return null;
    }
    return new CandidatePair(text(p, "id"), text(p, "localCandidateType"), text(p, "localAddress"),
        asLong(p.get("localPort")), text(p, "localProtocol"), text(p, "remoteCandidateType"),
        text(p, "remoteAddress"), asLong(p.get("remotePort")), text(p, "remoteProtocol"),
        p.path("isUsingRelay").asBoolean());
  }

  private static InboundVideo inboundVideo(JsonNode v) {
    if (v == null) {
      return null;
    }
    JsonNode upper = v.get("upperBoundAggregates");
    JsonNode lower = v.get("lowerBoundAggregates");
    return new InboundVideo(asDouble(upper.get("meanFrameHeight")), asDouble(upper.get("meanFramesPerSecond")),
        asDouble(lower.get("meanFrameHeight")), asDouble(lower.get("meanFramesPerSecond")));
  }

  private static String text(JsonNode object, String field) {
    JsonNode v = object == null ? null : object.get(field);
    return v == null || v.isNull() ? null : Js.toJsString(v);
  }

  private static Boolean asBoolean(JsonNode v) {
    return v == null || v.isNull() ? null : Js.truthy(v);
  }

  private static Double asDouble(JsonNode v) {
    if (v == null || v.isNull() || (v.isTextual() && v.textValue().isBlank())) {
      return null;
    }
    double d = Js.toNumber(v);
    return Double.isFinite(d) ? d : null;
  }

  private static Long asLong(JsonNode v) {
    Double d = asDouble(v);
    return d == null ? null : Math.round(d);
  }
}

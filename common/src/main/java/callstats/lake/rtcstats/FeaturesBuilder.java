package callstats.lake.rtcstats;

import callstats.lake.rtcstats.FeatureExtractor.Metric;
import callstats.lake.rtcstats.FeatureExtractor.SessionState;
import callstats.lake.rtcstats.PcState.VideoBounds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;

/**
 * Builds the {@code features} object from the final extractor state (docs/rtcstats-features.md 4-7): the top-level
 * session fields and, per connection, the aggregates, track lists, track aggregates, mean RTT and inbound
 * video experience. Values keep JavaScript semantics; NaN prints as null and absent values are omitted.
 */
final class FeaturesBuilder {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final SessionState session;
  private final JsKeyedMap<PcState> pcs;
  private final SpeakerTracker speakers;
  private final StatsFormat format;

  FeaturesBuilder(SessionState session, JsKeyedMap<PcState> pcs, SpeakerTracker speakers, StatsFormat format) {
    this.session = session;
    this.pcs = pcs;
    this.speakers = speakers;
    this.format = format;
  }

  RtcstatsFeatures build() {
    ObjectNode features = NODES.objectNode();
    ObjectNode aggregates = features.putObject("aggregates");
    pcs.forEach((key, pc) -> aggregates.set(key, connection(pc)));
    if (session.browserInfo != null) {
      features.set("browserInfo", session.browserInfo.toJson());
    }
    set(features, "conferenceStartTime", session.conferenceStartTime);
    if (session.deploymentInfo != null) {
      set(features, "deploymentInfo", session.deploymentInfo);
    }
    features.put("dominantSpeakerChanges", speakers.dominantSpeakerChanges());
    features.set("dominantSpeakerEvents", speakers.events());
    if (session.e2epings != null) {
      set(features, "e2epings", session.e2epings);
    }
    set(features, "faceLandmarksTimestamps", session.faceLandmarksTimestamps);
    features.set("metrics", metrics());
    set(features, "sentiment", session.sentiment);
    set(features, "sessionEndTime", session.sessionEndTime);
    set(features, "sessionStartTime", session.sessionStartTime);
    features.set("speakerTime", Js.out(Js.num(speakers.speakerTimeMs())));
    ObjectNode root = NODES.objectNode();
    root.set("features", features);
    return new RtcstatsFeatures(root, format, session.clientProtocol, session.headerFound, session.badLines,
        session.conferenceStartUnknown);
  }

  private ObjectNode metrics() {
    Metrics m = new Metrics(session.metrics);
    ObjectNode metrics = NODES.objectNode();
    m.put(metrics, "ds", Metric.DS);
    m.put(metrics, "other", Metric.OTHER);
    m.put(metrics, "sdp", Metric.SDP);
    m.put(metrics, "sentiment", Metric.SENTIMENT);
    metrics.set("sessionDurationMs", Js.out(sessionDuration()));
    m.put(metrics, "stats", Metric.STATS);
    Metric[] total = {Metric.SDP, Metric.DS, Metric.STATS, Metric.OTHER};
    long bytes = 0;
    long count = 0;
    for (Metric metric : total) {
      bytes += session.metrics.bytes(metric);
      count += session.metrics.count(metric);
    }
    metrics.put("totalProcessedBytes", bytes);
    metrics.put("totalProcessedCount", count);
    metrics.set("conferenceDurationMs", Js.out(conferenceDuration()));
    return metrics;
  }

  private record Metrics(FeatureExtractor.Metrics counters) {
    void put(ObjectNode target, String prefix, Metric metric) {
      target.put(prefix + "RequestBytes", counters.bytes(metric));
      target.put(prefix + "RequestCount", counters.count(metric));
    }
  }

  private JsonNode sessionDuration() {
    if (Js.greater(session.sessionEndTime, session.sessionStartTime)) {
      return Js.num(Js.toNumber(session.sessionEndTime) - Js.toNumber(session.sessionStartTime));
    }
    return Js.num(0);
  }

  private JsonNode conferenceDuration() {
    JsonNode start = session.conferenceStartTime;
    if (Js.truthy(start) && Js.greater(session.sessionEndTime, start)) {
      return Js.num(Js.toNumber(session.sessionEndTime) - Js.toNumber(start));
    }
    return Js.num(0);
  }

  private ObjectNode connection(PcState pc) {
    ObjectNode out = NODES.objectNode();
    set(out, "candidatePairData", pc.candidatePairData);
    out.put("connectionFailed", pc.connectionFailed);
    out.put("dtlsErrors", pc.dtlsErrors);
    out.put("dtlsFailure", pc.dtlsFailure);
    out.put("iceReconnects", pc.iceReconnects());
    List<VideoBounds> experiences = pc.videoExperiences;
    if (!experiences.isEmpty()) {
      ObjectNode video = out.putObject("inboundVideoExperience");
      video.set("lowerBoundAggregates", bounds(experiences, VideoBounds::lowerHeight, VideoBounds::lowerFps));
      video.set("upperBoundAggregates", bounds(experiences, VideoBounds::upperHeight, VideoBounds::upperFps));
    }
    set(out, "isP2P", pc.isP2P);
    set(out, "lastIceDisconnect", pc.lastIceDisconnect);
    set(out, "lastIceFailure", pc.lastIceFailure);
    set(out, "pcSessionDurationMs", pc.pcSessionDurationMs());
    out.put("sdpCreateFailure", pc.sdpCreateFailure);
    out.put("sdpSetFailure", pc.sdpSetFailure);
    List<TrackState> tracks = pc.outputTracks();
    out.set("trackAggregates", trackAggregates(tracks));
    out.set("tracks", trackLists(tracks));
    double meanRtt = JsNumbers.round2(JsMath.mean(pc.rtts));
    out.putObject("transportAggregates").set("meanRtt", Js.out(Js.num(meanRtt)));
    set(out, "usesRelay", pc.usesRelay);
    return out;
  }

  private static ObjectNode bounds(List<VideoBounds> experiences, Function<VideoBounds, JsonNode> height,
      Function<VideoBounds, JsonNode> fps) {
    ObjectNode out = NODES.objectNode();
    putRounded(out, "meanFrameHeight", JsMath.mean(experiences.stream().map(height).toList()));
    putRounded(out, "meanFramesPerSecond", JsMath.mean(experiences.stream().map(fps).toList()));
    return out;
  }

  private static void putRounded(ObjectNode out, String name, double mean) {
    double rounded = JsNumbers.round2(mean);
    if (!Double.isNaN(rounded)) {
      out.set(name, Js.num(rounded));
    }
  }

  private static ObjectNode trackAggregates(List<TrackState> tracks) {
    JsonNode sent = Js.num(0);
    JsonNode sentLost = Js.num(0);
    JsonNode received = Js.num(0);
    JsonNode receivedLost = Js.num(0);
    for (TrackState track : tracks) {
      if (!track.sentPackets.isEmpty()) {
        sent = Js.add(sent, TrackState.last(track.sentPackets));
        sentLost = Js.add(sentLost, TrackState.last(track.sentLost));
      }
      if (!track.receivedPackets.isEmpty()) {
        received = Js.add(received, TrackState.last(track.receivedPackets));
        receivedLost = Js.add(receivedLost, TrackState.last(track.receivedLost));
      }
    }
    ObjectNode out = NODES.objectNode();
    out.set("receivedPacketsLostPct", Js.num(JsMath.lossPct(receivedLost, received)));
    out.set("sentPacketsLostPct", Js.num(JsMath.lossPct(sentLost, sent)));
    set(out, "totalPacketsReceived", received);
    set(out, "totalPacketsSent", sent);
    set(out, "totalReceivedPacketsLost", receivedLost);
    set(out, "totalSentPacketsLost", sentLost);
    return out;
  }

  private static ObjectNode trackLists(List<TrackState> tracks) {
    ObjectNode out = NODES.objectNode();
    ArrayNode receivers = out.putArray("receiverTracks");
    ArrayNode senders = out.putArray("senderTracks");
    for (TrackState track : tracks) {
      double concealed = track.totalSamples.isEmpty() ? 0
          : JsMath.pctOr0(TrackState.last(track.concealedSamples), TrackState.last(track.totalSamples));
      if (!track.sentPackets.isEmpty()) {
        senders.add(trackObject(track, track.sentPackets, track.sentLost, concealed));
      }
      if (!track.receivedPackets.isEmpty()) {
        receivers.add(trackObject(track, track.receivedPackets, track.receivedLost, concealed));
      }
    }
    return out;
  }

  private static ObjectNode trackObject(TrackState track, List<JsonNode> packets, List<JsonNode> lost,
      double concealedPct) {
    JsonNode lastPackets = TrackState.last(packets);
    JsonNode lastLost = TrackState.last(lost);
    ObjectNode out = NODES.objectNode();
    out.set("concealedPercentage", Js.num(concealedPct));
    set(out, "endTime", track.endTime);
    set(out, "mediaType", track.mediaType());
    set(out, "packets", lastPackets);
    set(out, "packetsLost", lastLost);
    out.set("packetsLostPct", Js.num(JsMath.lossPct(lastLost, lastPackets)));
    out.set("packetsLostVariance", Js.out(Js.num(JsMath.varianceOfIncrements(lost))));
    set(out, "ssrc", track.ssrc);
    set(out, "startTime", track.startTime);
    return out;
  }

  /** Sets a field to the output form of a value, omitting undefined. */
  private static void set(ObjectNode target, String name, JsonNode value) {
    JsonNode out = Js.out(value);
    if (out != null) {
      target.set(name, out);
    }
  }
}

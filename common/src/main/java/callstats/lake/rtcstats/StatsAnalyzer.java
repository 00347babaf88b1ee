package callstats.lake.rtcstats;

import callstats.lake.rtcstats.PcState.VideoBounds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Analyses one decompressed stats entry of one connection, visiting its reports in enumeration order
 * (docs/rtcstats-features.md 5.9-5.12 and 6.2): RTT samples, the selected candidate pair, sender and receiver track
 * samples, concealment, and the entry's video summary. The rules differ by {@link StatsFormat}; the
 * {@code unsupported} format is never analysed.
 */
final class StatsAnalyzer {

  private static final JsonNode EMPTY = JsonNodeFactory.instance.objectNode();

  private final StatsFormat format;

  StatsAnalyzer(StatsFormat format) {
    this.format = format;
  }

  void analyse(PcState pc, StatsEntry entry, JsonNode ts) {
    VideoSummary video = new VideoSummary();
    entry.forEachReport((id, report) -> {
      pc.stamped.put(id, report);
      collectRtt(pc, entry, report);
      collectCandidatePair(pc, entry, id, report);
      collectPackets(pc, entry, report, ts);
      if (format != StatsFormat.FIREFOX) {
        collectConcealment(pc, report, ts);
        video.offer(report);
      }
    });
    if (video.upperHeight != null) {
      pc.videoExperiences.add(new VideoBounds(video.upperHeight, video.upperFps, video.lowerHeight, video.lowerFps));
    }
  }

  private void collectRtt(PcState pc, StatsEntry entry, ObjectNode report) {
    JsonNode rtt = null;
    JsonNode type = report.get("type");
    if (format == StatsFormat.FIREFOX) {
      if (Js.isString(type, "remote-inbound-rtp")) {
        rtt = report.get("roundTripTime");
      }
    } else if (Js.isString(type, "transport") && Js.truthy(report.get("selectedCandidatePairId"))
        && Js.truthy(entry.get(Js.key(report.get("selectedCandidatePairId"))))) {
      rtt = Js.field(entry.get(Js.key(report.get("selectedCandidatePairId"))), "currentRoundTripTime");
    } else if (Js.isString(type, "googCandidatePair") && Js.isString(report.get("googActiveConnection"), "true")) {
      rtt = Js.num(Js.toNumber(report.get("googRtt")));
    }
    if (Js.truthy(rtt)) {
      pc.rtts.add(rtt);
    }
  }

  private void collectCandidatePair(PcState pc, StatsEntry entry, String id, ObjectNode report) {
    JsonNode type = report.get("type");
    JsonNode pair;
    String pairId;
    if (format == StatsFormat.FIREFOX) {
      if (!Js.isString(type, "candidate-pair") || !Js.truthy(report.get("selected"))) {
        return;
      }
      pair = report;
      pairId = id;
    } else {
      JsonNode selected = report.get("selectedCandidatePairId");
      if (!Js.isString(type, "transport") || !Js.truthy(selected)) {
        return;
      }
      String pairKey = Js.key(selected);
      JsonNode found = entry.get(pairKey);
      pair = Js.truthy(found) ? found : EMPTY;
      pairId = found != null && pc.stamped.get(pairKey) == found ? pairKey : "";
    }
    JsonNode local = candidate(entry, Js.field(pair, "localCandidateId"));
    JsonNode remote = candidate(entry, Js.field(pair, "remoteCandidateId"));
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("id", pairId);
    describe(data, "local", local);
    describe(data, "remote", remote);
    boolean relay = Js.isString(Js.field(local, "candidateType"), "relay")
        || Js.isString(Js.field(remote, "candidateType"), "relay");
    data.put("isUsingRelay", relay);
    pc.candidatePairData = data;
    pc.usesRelay = BooleanNode.valueOf(relay);
  }

  private static JsonNode candidate(StatsEntry entry, JsonNode id) {
    JsonNode found = entry.get(Js.key(id));
    return Js.truthy(found) ? found : EMPTY;
  }

  private static void describe(ObjectNode data, String side, JsonNode candidate) {
    JsonNode type = Js.field(candidate, "candidateType");
    data.set(side + "CandidateType", orEmpty(type));
    data.set(side + "Address", orEmpty(Js.field(candidate, "address")));
    data.set(side + "Port", orEmpty(Js.field(candidate, "port")));
    JsonNode protocol = Js.isString(type, "relay")
        ? Js.field(candidate, "relayProtocol") : Js.field(candidate, "protocol");
    data.set(side + "Protocol", protocol == null || protocol.isNull() ? TextNode.valueOf("") : protocol);
  }

  private static JsonNode orEmpty(JsonNode v) {
    return v == null ? TextNode.valueOf("") : v;
  }

  private void collectPackets(PcState pc, StatsEntry entry, ObjectNode report, JsonNode ts) {
    JsonNode type = report.get("type");
    JsonNode sent = report.get("packetsSent");
    JsonNode received = report.get("packetsReceived");
    JsonNode ssrc = report.get("ssrc");
    if (format == StatsFormat.FIREFOX) {
      if (Js.isString(type, "remote-inbound-rtp")) {
        sample(pc, ssrc, mediaKind(report), ts, Js.or0(sent), report.get("packetsLost"), true);
      }
    } else {
      JsonNode remote = Js.isString(type, "outbound-rtp") ? entry.get(Js.key(report.get("remoteId"))) : null;
      if (Js.truthy(remote)) {
        sample(pc, ssrc, mediaKind(report), ts, Js.or0(sent), Js.or0(Js.field(remote, "packetsLost")), true);
      } else if (Js.truthy(sent) && !Js.truthy(received) && Js.truthy(ssrc)) {
        sample(pc, ssrc, mediaKind(report), ts, Js.num(Js.numberOr0(sent)),
            Js.num(Js.numberOr0(report.get("packetsLost"))), true);
      }
    }
    if (Js.truthy(received) && !Js.truthy(sent) && Js.truthy(ssrc)) {
      sample(pc, ssrc, mediaKind(report), ts, Js.num(Js.numberOr0(received)),
          Js.num(Js.numberOr0(report.get("packetsLost"))), false);
    }
  }

  private static void sample(PcState pc, JsonNode ssrc, JsonNode kind, JsonNode ts, JsonNode packets,
      JsonNode lost, boolean sender) {
    TrackState track = pc.touchTrack(ssrc, ts);
    track.mediaKind = kind;
    (sender ? track.sentPackets : track.receivedPackets).add(packets);
    (sender ? track.sentLost : track.receivedLost).add(lost);
  }

  private static void collectConcealment(PcState pc, ObjectNode report, JsonNode ts) {
    JsonNode total = report.get("totalSamplesReceived");
    JsonNode concealed = report.get("concealedSamples");
    JsonNode ssrc = report.get("ssrc");
    if (Js.truthy(total) && Js.truthy(concealed) && Js.truthy(ssrc)) {
      TrackState track = pc.touchTrack(ssrc, ts);
      track.totalSamples.add(Js.num(Js.numberOr0(total)));
      track.concealedSamples.add(Js.num(Js.numberOr0(concealed)));
    }
  }

  /** "media kind": {@code mediaType} when truthy, else {@code kind}. */
  static JsonNode mediaKind(JsonNode report) {
    JsonNode mediaType = Js.field(report, "mediaType");
    return Js.truthy(mediaType) ? mediaType : Js.field(report, "kind");
  }

  /** Upper and lower (height, fps) bounds over the qualifying video summaries of one entry. */
  private static final class VideoSummary {
    JsonNode upperHeight;
    JsonNode upperFps;
    JsonNode lowerHeight;
    JsonNode lowerFps;

    void offer(ObjectNode report) {
      JsonNode type = report.get("type");
      JsonNode height;
      JsonNode fps;
      if (Js.isString(type, "inbound-rtp") && Js.isString(mediaKind(report), "video")) {
        height = report.get("frameHeight");
        fps = report.get("framesPerSecond");
      } else if (Js.isString(type, "ssrc") && Js.truthy(report.get("googFrameHeightReceived"))) {
        height = report.get("googFrameHeightReceived");
        fps = report.get("googFrameRateOutput");
      } else {
        return;
      }
      if (!Js.greater(height, Js.num(0))) {
        return;
      }
      JsonNode rate = fps == null ? Js.num(0) : fps;
      if (upperHeight == null) {
        upperHeight = height;
        upperFps = rate;
        lowerHeight = height;
        lowerFps = rate;
        return;
      }
      if (Js.greater(height, upperHeight) || (Js.strictEquals(height, upperHeight) && Js.greater(rate, upperFps))) {
        upperHeight = height;
        upperFps = rate;
      }
      if (Js.less(height, lowerHeight) || (Js.strictEquals(height, lowerHeight) && Js.less(rate, lowerFps))) {
        lowerHeight = height;
        lowerFps = rate;
      }
    }
  }
}

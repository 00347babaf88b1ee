package callstats.lake.rtcstats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One media track of one connection as the reference collects it (docs/rtcstats-features.md 6.1): the raw ssrc that
 * created it, start and end (line timestamps), the media kind of the last report that sampled it, the
 * video type from {@code setVideoType}, and one value per stats entry in six series. Values are kept raw
 * (JavaScript semantics) until the output is built.
 */
final class TrackState {

  final JsonNode ssrc;
  final JsonNode videoType;
  JsonNode startTime;
  JsonNode endTime;
  JsonNode mediaKind;
  final List<JsonNode> sentPackets = new ArrayList<>();
  final List<JsonNode> sentLost = new ArrayList<>();
  final List<JsonNode> receivedPackets = new ArrayList<>();
  final List<JsonNode> receivedLost = new ArrayList<>();
  final List<JsonNode> totalSamples = new ArrayList<>();
  final List<JsonNode> concealedSamples = new ArrayList<>();

  TrackState(JsonNode ssrc, JsonNode ts, JsonNode videoType) {
    this.ssrc = ssrc;
    this.startTime = ts;
    this.endTime = ts;
    this.videoType = videoType;
  }

  /** A later touch at ts: the end moves to max(start, ts), so it never precedes the start. */
  void touch(JsonNode ts) {
    if (Js.truthy(ts)) {
      endTime = Js.num(Math.max(Js.toNumber(startTime), Js.toNumber(ts)));
    }
  }

  /** The output media type: kind, plus "/" and the video type when there is one. */
  JsonNode mediaType() {
    if (Js.truthy(videoType)) {
      return Js.add(Js.add(mediaKind, TextNode.valueOf("/")), videoType);
    }
    return mediaKind;
  }

  static JsonNode last(List<JsonNode> series) {
    return series.isEmpty() ? null : series.get(series.size() - 1);
  }
}

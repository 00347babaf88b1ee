package callstats.lake.rtcstats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The running state of one peer connection (docs/rtcstats-features.md 2.7 and 5): connection-state bookkeeping,
 * failure counters, candidate pair, RTT samples, video experience per stats entry and the track store.
 * Timestamps and raw report values are kept as JSON values so the output follows JavaScript semantics.
 */
final class PcState {

  final String key;
  JsonNode isP2P = NullNode.getInstance();
  JsonNode usesRelay = NullNode.getInstance();
  ObjectNode candidatePairData = JsonNodeFactory.instance.objectNode();
  int connectedCount;
  boolean connectionFailed;
  int dtlsErrors;
  int dtlsFailure;
  int sdpCreateFailure;
  int sdpSetFailure;
  JsonNode startTime = Js.num(0);
  JsonNode endTime = Js.num(0);
  JsonNode lastIceDisconnect = Js.num(0);
  JsonNode lastIceFailure = Js.num(0);
  final List<JsonNode> rtts = new ArrayList<>();
  final List<VideoBounds> videoExperiences = new ArrayList<>();
  final JsKeyedMap<TrackState> tracks = new JsKeyedMap<>();
  final List<TrackState> vacuumedTracks = new ArrayList<>();
  /** Report object last stamped under each id: a report counts as visited while the same object survives. */
  final Map<String, ObjectNode> stamped = new HashMap<>();

  /** Highest and lowest (frame height, frame rate) summary of one stats entry. */
  record VideoBounds(JsonNode upperHeight, JsonNode upperFps, JsonNode lowerHeight, JsonNode lowerFps) {}

  PcState(String key) {
    this.key = key;
  }

  void constraints(JsonNode payload) {
    JsonNode optional = Js.field(payload, "optional");
    if (optional == null || !optional.isArray()) {
      return;
    }
    for (JsonNode element : optional) {
      if (element.isObject() && element.has("rtcStatsSFUP2P")) {
        isP2P = element.get("rtcStatsSFUP2P");
      }
    }
  }

  void connectionState(JsonNode state, JsonNode ts) {
    if ((Js.isString(state, "connected") || Js.isString(state, "completed")) && !Js.truthy(startTime)) {
      startTime = ts;
    }
    if (Js.isString(state, "connected")) {
      connectedCount++;
    }
    if (Js.isString(state, "failed")) {
      connectionFailed = true;
    }
  }

  void iceConnectionState(JsonNode state, JsonNode ts) {
    if (Js.isString(state, "disconnected")) {
      lastIceDisconnect = ts;
    }
    if (Js.isString(state, "failed")) {
      lastIceFailure = ts;
    }
  }

  void dtlsState(JsonNode state, boolean firefox) {
    if (Js.isString(state, "failed") && !(firefox && Js.truthy(lastIceDisconnect))) {
      dtlsFailure++;
    }
  }

  /** Step 3 of every line with this pc: once the connection has started, every line moves its end. */
  void sawLine(JsonNode ts) {
    if (Js.truthy(startTime)) {
      endTime = ts;
    }
  }

  /** Applies a setVideoType announcement: replaces (vacuums) a track of another video type. */
  void videoType(JsonNode ssrc, JsonNode videoType, JsonNode ts) {
    String trackKey = Js.key(ssrc);
    TrackState existing = tracks.get(trackKey);
    if (existing != null && Js.strictEquals(existing.videoType, videoType)) {
      return;
    }
    if (existing != null) {
      existing.endTime = ts;
      vacuumedTracks.add(existing);
      tracks.remove(trackKey);
    }
    tracks.put(trackKey, new TrackState(ssrc, ts, videoType));
  }

  /** Finds or creates the track of an ssrc and touches it at ts. */
  TrackState touchTrack(JsonNode ssrc, JsonNode ts) {
    String trackKey = Js.key(ssrc);
    TrackState track = tracks.get(trackKey);
    if (track == null) {
      track = new TrackState(ssrc, ts, null);
      tracks.put(trackKey, track);
    } else {
      track.touch(ts);
    }
    return track;
  }

  int iceReconnects() {
    return connectedCount > 0 ? connectedCount - 1 : 0;
  }

  JsonNode pcSessionDurationMs() {
    if (Js.truthy(startTime) && Js.truthy(endTime) && Js.greater(endTime, startTime)) {
      return Js.num(Js.toNumber(endTime) - Js.toNumber(startTime));
    }
    return Js.num(0);
  }

  /** The output track list: live tracks in key order, then vacuumed ones, only those with a media kind. */
  List<TrackState> outputTracks() {
    List<TrackState> out = new ArrayList<>();
    for (TrackState track : tracks.values()) {
      if (Js.truthy(track.mediaKind)) {
        out.add(track);
      }
    }
    for (TrackState track : vacuumedTracks) {
      if (Js.truthy(track.mediaKind)) {
        out.add(track);
      }
    }
    return out;
  }
}

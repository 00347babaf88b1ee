package callstats.lake.rtcstats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Dominant-speaker statistics (docs/rtcstats-features.md 4.5): per speaker key the number of times it became dominant
 * and its accumulated time, plus the STARTED/STOPPED events of the session's own endpoint. The last
 * speaker is credited until the session end, unless the last event named no speaker (Q5).
 */
final class SpeakerTracker {

  private static final class Speaker {
    int changes;
    double timeMs;
  }

  private final JsKeyedMap<Speaker> speakers = new JsKeyedMap<>();
  private final ArrayNode events = JsonNodeFactory.instance.arrayNode();
  private JsonNode current;
  private JsonNode currentStart;
  private int ownChanges;
  private double ownTimeMs;

  /** One dominantSpeaker line: the new speaker (undefined = Java null) at ts (truthy), own id may be undefined. */
  void dominantSpeaker(JsonNode speaker, JsonNode ts, JsonNode ownId) {
    if (Js.strictEquals(speaker, ownId)) {
      events.addObject().put("type", "DOMINANT_SPEAKER_STARTED").set("timestamp", Js.out(ts));
    } else if (Js.strictEquals(current, ownId)) {
      events.addObject().put("type", "DOMINANT_SPEAKER_STOPPED").set("timestamp", Js.out(ts));
    }
    speakers.computeIfAbsent(Js.key(speaker), k -> new Speaker()).changes++;
    if (Js.truthy(current)) {
      speakers.get(Js.key(current)).timeMs += Js.toNumber(ts) - Js.toNumber(currentStart);
    }
    current = speaker;
    currentStart = ts;
  }

  /** Credits the last speaker until the session end and picks the own endpoint's figures. */
  void finish(JsonNode sessionEndTime, JsonNode ownId) {
    if (!Js.truthy(current)) {
      return;
    }
    speakers.get(Js.key(current)).timeMs += Js.toNumber(sessionEndTime) - Js.toNumber(currentStart);
    Speaker own = speakers.get(Js.key(ownId));
    if (own != null) {
      ownChanges = own.changes;
      ownTimeMs = own.timeMs;
    }
  }

  int dominantSpeakerChanges() {
    return ownChanges;
  }

  double speakerTimeMs() {
    return ownTimeMs;
  }

  ArrayNode events() {
    return events;
  }
}

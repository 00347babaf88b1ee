package callstats.lake.rtcstats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Rebuilds full stats entries from the rtcstats client's delta compression, one independent state per
 * connection key (docs/rtcstats-features.md section 3).
 *
 * <p>The first payload of a connection becomes its state unchanged (report timestamps of 0 stay 0 and the
 * top-level {@code timestamp} stays). Every later payload: its top-level {@code timestamp} T is taken out;
 * ids of the state that the payload does not mention (with a truthy value) are removed; then, in payload
 * order, a known report has its timestamp fixed (0 becomes T, absent becomes the old report timestamp)
 * and all its fields copied over the stored report, and a new report (timestamp 0 becoming T) is appended.
 * Fields are never deleted and nested objects are replaced whole. Cost: one pass over the payload and
 * the previous entry per line; reports are mutated in place, so a line allocates only its payload.
 */
final class StatsDecompressor {

  private final Map<String, JsKeyedMap<JsonNode>> states = new HashMap<>();

  /** Applies one {@code getstats} payload (an object, checked by {@link PayloadRules}) to the connection's state. */
  StatsEntry apply(String pcKey, ObjectNode payload) {
    JsKeyedMap<JsonNode> state = states.get(pcKey);
    if (state == null) {
      state = new JsKeyedMap<>();
      for (Map.Entry<String, JsonNode> e : payload.properties()) {
        state.put(e.getKey(), e.getValue());
      }
      states.put(pcKey, state);
      return new StatsEntry(pcKey, state);
    }
    JsonNode top = payload.get(PayloadRules.TIMESTAMP);
    JsKeyedMap<JsonNode> delta = new JsKeyedMap<>();
    for (Map.Entry<String, JsonNode> e : payload.properties()) {
      if (!PayloadRules.TIMESTAMP.equals(e.getKey())) {
        delta.put(e.getKey(), e.getValue());
      }
    }
    for (String id : state.keys()) {
      if (!Js.truthy(delta.get(id))) {
        state.remove(id);
      }
    }
    JsKeyedMap<JsonNode> target = state;
    delta.forEach((id, value) -> update(target, id, value, top));
    return new StatsEntry(pcKey, state);
  }

  private static void update(JsKeyedMap<JsonNode> state, String id, JsonNode value, JsonNode top) {
    if (!(value instanceof ObjectNode report)) {
      return;
    }
    JsonNode stored = state.get(id);
    JsonNode timestamp = report.get(PayloadRules.TIMESTAMP);
    if (stored != null) {
      if (isZero(timestamp)) {
        setTimestamp(report, top);
      } else if (!Js.truthy(timestamp)) {
        setTimestamp(report, Js.num(Js.toNumber(Js.field(stored, PayloadRules.TIMESTAMP))));
      }
      if (stored instanceof ObjectNode target) {
        target.setAll(report);
      } else {
        state.put(id, report);
      }
      return;
    }
    if (isZero(timestamp)) {
      setTimestamp(report, top);
    }
    state.put(id, report);
  }

  private static boolean isZero(JsonNode v) {
    return v != null && v.isNumber() && v.doubleValue() == 0;
  }

  private static void setTimestamp(ObjectNode report, JsonNode value) {
    if (value == null) {
      report.remove(PayloadRules.TIMESTAMP);
    } else {
      report.set(PayloadRules.TIMESTAMP, value);
    }
  }
}

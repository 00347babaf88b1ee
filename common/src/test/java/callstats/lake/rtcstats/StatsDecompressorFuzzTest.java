package callstats.lake.rtcstats;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Fuzzes getstats delta decompression with sequences of payloads over two connections, built from a small
 * pool of ids (index-like, named, and the top-level {@code timestamp}) and values (reports with zero, absent,
 * numeric, null or text timestamps; falsy and truthy non-objects). After every payload of a known connection
 * the state holds exactly the ids the payload mentions with an object, plus those it mentions with another
 * truthy value that were already there; the first payload is taken as it is.
 */
class StatsDecompressorFuzzTest {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String[] IDS = {"0", "1", "7", "RTCOutboundRTPAudioStream_1", "T01", "timestamp", "__proto__"};
  private static final String[] PCS = {"PC_0", "PC_1"};

  @FuzzTest
  void stateFollowsThePayloads(FuzzedDataProvider data) {
    StatsDecompressor decompressor = new StatsDecompressor();
    Map<String, Set<String>> before = new HashMap<>();
    int steps = data.consumeInt(1, 12);
    for (int s = 0; s < steps && data.remainingBytes() > 0; s++) {
      String pc = data.pickValue(PCS);
      ObjectNode payload = F.objectNode();
      if (data.consumeBoolean()) {
        payload.put("timestamp", data.consumeLong(-1, 1_800_000_000_000L));
      }
      int reports = data.consumeInt(0, 5);
      for (int r = 0; r < reports; r++) {
        payload.set(data.pickValue(IDS), value(data));
      }
      boolean first = !before.containsKey(pc);
      StatsEntry entry = decompressor.apply(pc, payload.deepCopy());
      Set<String> ids = new HashSet<>(entry.ids());
      if (first) {
        assertThat(ids).isEqualTo(keys(payload));
      } else {
        for (String id : ids) {
          assertThat(Js.truthy(payload.get(id))).as("kept id %s is mentioned with a truthy value", id).isTrue();
          assertThat(id).isNotEqualTo("timestamp");
        }
        payload.properties().forEach(e -> {
          if (e.getValue() instanceof ObjectNode && !e.getKey().equals("timestamp")) {
            assertThat(ids).as("a report in the payload is in the state").contains(e.getKey());
          }
        });
      }
      before.put(pc, ids);
    }
  }

  private static Set<String> keys(ObjectNode payload) {
    Set<String> keys = new HashSet<>();
    payload.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static JsonNode value(FuzzedDataProvider data) {
    switch (data.consumeInt(0, 6)) {
      case 0:
        return F.numberNode(data.consumeInt(0, 1));
      case 1:
        return F.textNode(data.consumeString(4));
      case 2:
        return F.nullNode();
      case 3:
        return F.booleanNode(data.consumeBoolean());
      default:
        ObjectNode report = F.objectNode();
        switch (data.consumeInt(0, 4)) {
          case 0 -> report.put("timestamp", 0);
          case 1 -> report.put("timestamp", data.consumeDouble());
          case 2 -> report.putNull("timestamp");
          case 3 -> report.put("timestamp", data.consumeString(3));
          default -> { }
        }
        report.put("bytesSent", data.consumeLong());
        return report;
    }
  }
}

package callstats.lake.rtcstats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** getstats delta decompression (docs/rtcstats-features.md 3), on the reference's worked example and synthetic deltas. */
class StatsDecompressorTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String TRANSPORT = "RTCTransport_0_1";
  private static final String PAIR = "RTCIceCandidatePair_n815JPCT_N9C2olRH";
  private static final String VIDEO = "RTCInboundRTPVideoStream_69911005";

  /** Copies of what PC_0's entries held at each of its getstats lines. */
  private static Map<Long, ObjectNode> pc0Entries() throws IOException {
    Map<Long, ObjectNode> entries = new HashMap<>();
    DumpVisitor visitor = new DumpVisitor() {
      @Override
      public void line(DumpLine line, StatsEntry stats) {
        if (stats != null && "PC_0".equals(stats.pcKey())) {
          ObjectNode copy = MAPPER.createObjectNode();
          stats.forEachReport((id, report) -> copy.set(id, report.deepCopy()));
          entries.put(line.lineNumber(), copy);
        }
      }
    };
    try (InputStream in = RtcstatsParityTest.resource("chrome-standard-pc-reconnect.jsonl")) {
      RtcstatsDumpProcessor.withDefaults().process(in, visitor);
    }
    return entries;
  }

  @Test
  void rebuildsTheWorkedExampleOfChromeStandardPcReconnect() throws IOException {
    Map<Long, ObjectNode> entries = pc0Entries();

    assertThat(entries.keySet()).containsExactlyInAnyOrder(190L, 208L, 215L);
    assertThat(entries.get(190L).size()).isEqualTo(101);
    assertThat(entries.get(208L).size()).isEqualTo(106);
    assertThat(entries.get(215L).size()).isEqualTo(90);

    JsonNode first = entries.get(190L);
    assertThat(first.get(TRANSPORT).get("selectedCandidatePairId").textValue()).isEqualTo(PAIR);
    assertThat(first.get(TRANSPORT).get("timestamp").longValue()).isZero();
    assertThat(first.get(PAIR).get("currentRoundTripTime").doubleValue()).isEqualTo(0.192);

    JsonNode second = entries.get(208L);
    assertThat(second.get(TRANSPORT).get("selectedCandidatePairId").textValue()).isEqualTo(PAIR);
    assertThat(second.get(TRANSPORT).get("timestamp").longValue()).isEqualTo(1647265411361L);
    assertThat(second.get(PAIR).get("timestamp").longValue()).isEqualTo(1647265411361L);
    assertThat(second.get(PAIR).get("currentRoundTripTime").doubleValue()).isEqualTo(0.189);

    JsonNode third = entries.get(215L);
    assertThat(third.get(PAIR).get("currentRoundTripTime").doubleValue()).isEqualTo(0.189);
    assertThat(third.get(PAIR).get("packetsSent").intValue()).isEqualTo(1217);
    assertThat(third.get(VIDEO).get("packetsReceived").intValue()).isEqualTo(1277);
    assertThat(third.get(VIDEO).get("packetsLost").intValue()).isEqualTo(1);
    assertThat(third.get(VIDEO).get("frameHeight").intValue()).isEqualTo(360);
  }

  @Test
  void removesUnmentionedReportsAppendsNewOnesAndReplacesNestedObjectsWhole() throws IOException {
    String text = Dumps.withHeader(Dumps.CHROME_UA)
        .q("['getstats','PC_0',{'a':{'timestamp':0,'x':1,'q':{'u':1,'v':2}},'b':{'timestamp':0,'y':1},'timestamp':100},1]")
        .q("['getstats','PC_0',{'b':{},'c':{'timestamp':0,'z':1},'a':{'q':{'u':5}},'timestamp':200},2]")
        .q("['getstats','PC_0',{'c':{'z':2},'b':{'timestamp':0},'timestamp':300},3]")
        .q("['getstats','PC_0',{'a':{'timestamp':0,'x':9},'b':{},'c':{},'timestamp':400},4]")
        .text();
    List<String> orders = new ArrayList<>();
    List<ObjectNode> snapshots = new ArrayList<>();
    RtcstatsDumpProcessor.withDefaults().process(Dumps.stream(text), new DumpVisitor() {
      @Override
      public void line(DumpLine line, StatsEntry stats) {
        orders.add(String.join(",", stats.ids()));
        ObjectNode copy = MAPPER.createObjectNode();
        stats.forEachReport((id, report) -> copy.set(id, report.deepCopy()));
        snapshots.add(copy);
      }
    });

    assertThat(orders).containsExactly("a,b,timestamp", "a,b,c", "b,c", "b,c,a");
    assertThat(snapshots.get(0).get("a").get("timestamp").intValue()).isZero();
    assertThat(snapshots.get(1).get("a").get("q").toString()).isEqualTo("{\"u\":5}");
    assertThat(snapshots.get(1).get("a").get("x").intValue()).isEqualTo(1);
    assertThat(snapshots.get(1).get("a").get("timestamp").intValue()).isZero();
    assertThat(snapshots.get(1).get("b").get("timestamp").intValue()).isZero();
    assertThat(snapshots.get(1).get("c").get("timestamp").intValue()).isEqualTo(200);
    assertThat(snapshots.get(2).get("b").get("timestamp").intValue()).isEqualTo(300);
    assertThat(snapshots.get(2).get("c").get("z").intValue()).isEqualTo(2);
    assertThat(snapshots.get(3).get("a").has("q")).isFalse();
    assertThat(snapshots.get(3).get("a").get("timestamp").intValue()).isEqualTo(400);
  }
}

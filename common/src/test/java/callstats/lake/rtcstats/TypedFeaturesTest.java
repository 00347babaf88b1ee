package callstats.lake.rtcstats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The typed gold rows carry the same values as the compatibility JSON. */
class TypedFeaturesTest {

  private static final String DUMP = "chrome-standard-pc-reconnect";

  @Test
  void sessionRow() throws IOException {
    SessionFeatures session = RtcstatsParityTest.extract(DUMP).session(DUMP);

    assertThat(session).isEqualTo(new SessionFeatures(DUMP, 1647265401378L, 1647265496870L, 95492L, 0L, 0L, 0,
        0.0, "Chrome", "99.0.4844.51", "99", "Windows 10 64-bit", session.userAgent(), "chrome_standard",
        "3.1_STANDARD", 3, 0, ReferenceOutcome.IDENTICAL));
  }

  @Test
  void connectionRows() throws IOException {
    List<ConnectionFeatures> rows = RtcstatsParityTest.extract(DUMP).connections(DUMP);

    assertThat(rows).extracting(ConnectionFeatures::pcId).containsExactlyInAnyOrder("PC_0", "PC_1", "PC_2");
    ConnectionFeatures pc0 = rows.stream().filter(r -> r.pcId().equals("PC_0")).findFirst().orElseThrow();
    assertThat(pc0.isP2P()).isFalse();
    assertThat(pc0.usesRelay()).isFalse();
    assertThat(pc0.iceReconnects()).isEqualTo(2);
    assertThat(pc0.pcSessionDurationMs()).isEqualTo(94138L);
    assertThat(pc0.meanRtt()).isEqualTo(0.19);
    assertThat(pc0.candidatePair().localPort()).isEqualTo(62040L);
    assertThat(pc0.candidatePair().remoteCandidateType()).isEqualTo("srflx");
    assertThat(pc0.totalPacketsReceived()).isEqualTo(2553L);
    assertThat(pc0.receivedPacketsLostPct()).isEqualTo(0.08);
    assertThat(pc0.inboundVideo().upperMeanFramesPerSecond()).isEqualTo(30.5);
    ConnectionFeatures pc1 = rows.stream().filter(r -> r.pcId().equals("PC_1")).findFirst().orElseThrow();
    assertThat(pc1.isP2P()).isNull();
    assertThat(pc1.candidatePair()).isNull();
    assertThat(pc1.inboundVideo()).isNull();
    assertThat(pc1.lastIceDisconnectMs()).isEqualTo(1647265416870L);
  }

  @Test
  void trackRows() throws IOException {
    List<TrackFeatures> rows = RtcstatsParityTest.extract(DUMP).tracks(DUMP);

    assertThat(rows).containsExactly(
        new TrackFeatures(DUMP, "PC_0", 935896327L, TrackFeatures.SENDER, "audio", 935L, 0L, 0.0, 0.0, 0.0,
            1647265411363L, 1647265421362L),
        new TrackFeatures(DUMP, "PC_0", 69911005L, TrackFeatures.RECEIVER, "video", 1277L, 1L, 0.08, 0.0, 0.0,
            1647265411363L, 1647265421362L),
        new TrackFeatures(DUMP, "PC_0", 1744315986L, TrackFeatures.RECEIVER, "video", 1276L, 1L, 0.08, 0.0, 0.0,
            1647265411363L, 1647265421362L));
  }
}

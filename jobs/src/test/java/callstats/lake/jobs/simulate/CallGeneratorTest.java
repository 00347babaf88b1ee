package callstats.lake.jobs.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import callstats.lake.jobs.simulate.IngestContract.Verdict;
import callstats.lake.table.truth.CallTruthCol;
import callstats.lake.table.truth.ConnectionTruthCol;
import callstats.lake.table.truth.ParticipantTruthCol;
import callstats.lake.table.truth.StreamTruthCol;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generator's invariants, on days generated in memory (no Spark): lines follow the ingest contract, counters
 * are consistent, the truth is what the lines say, and the dirt is exactly what the truth counts.
 */
class CallGeneratorTest {

  private static final int CALLS = 40;
  /** Drops and restarts are rare; a small day gets more of them so that their lines are checked too. */
  private static final Map<String, String> MORE_TROUBLE = Map.of("simulate.recovered-drop-rate", "0.1",
      "simulate.failures.dropped-call", "0.1", "simulate.impairments.ice-restart", "0.1");
  private static Simulations.Day clean;
  private static GeneratedLines cleanLines;
  private static Simulations.Day dirty;
  private static GeneratedLines dirtyLines;

  @BeforeAll
  static void generate() {
    clean = Simulations.generate(Simulations.settings(CALLS, 7, 0, MORE_TROUBLE), true);
    cleanLines = new GeneratedLines(clean.sink().lines);
    dirty = Simulations.generate(Simulations.settings(CALLS, 7, 0.05, MORE_TROUBLE), true);
    dirtyLines = new GeneratedLines(dirty.sink().lines);
  }

  @Test
  void everyCleanLineFollowsTheIngestContract() {
    List<String> problems = new ArrayList<>();
    for (IngestContract.Result r : cleanLines.results) {
      if (r.verdict() != Verdict.OK) {
        problems.add(r.verdict() + ": " + r.detail());
      }
    }
    assertThat(problems).isEmpty();
    assertThat(clean.sink().tally.total(LineTally.CLEAN)).isEqualTo(clean.sink().lines.size());
  }

  @Test
  void everyPathOfTheDialectIsGenerated() {
    Set<String> paths = new HashSet<>();
    for (IngestContract.Result r : dirtyLines.results) {
      if (r.line() != null) {
        paths.add(r.line().get("path").asText());
      }
    }
    for (IngestPath p : IngestPath.values()) {
      assertThat(paths).as("lines of %s", p.wire).contains(p.wire);
    }
  }

  @Test
  void dirtyLinesAreExactlyTheInjectedDirt() {
    Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
    for (IngestContract.Result r : dirtyLines.results) {
      verdicts.merge(r.verdict(), 1, Integer::sum);
    }
    LineTally tally = dirty.sink().tally;
    assertThat(verdicts.getOrDefault(Verdict.VIOLATION, 0)).isZero();
    assertThat(verdicts.getOrDefault(Verdict.MALFORMED, 0)).isEqualTo((int) tally.totalDirt(DirtKind.MALFORMED))
        .isPositive();
    assertThat(verdicts.getOrDefault(Verdict.MISSING_ID, 0)).isEqualTo((int) tally.totalDirt(DirtKind.MISSING_ID))
        .isPositive();
    assertThat(verdicts.getOrDefault(Verdict.NUMBERS_AS_STRINGS, 0))
        .isEqualTo((int) tally.totalDirt(DirtKind.NUMBERS_AS_STRINGS)).isPositive();

    // Duplicates: exact copies of an earlier line except receivedAt.
    Set<String> seen = new HashSet<>();
    int duplicates = 0;
    for (MemorySink.Line l : dirty.sink().lines) {
      String key = l.text().replaceFirst("\"receivedAt\":\\d+", "");
      if (!seen.add(key)) {
        duplicates++;
      }
    }
    assertThat(duplicates).isEqualTo(tally.totalDirt(DirtKind.DUPLICATE)).isPositive();

    // Late: received a day or more after the client sent it (client clock corrected by the truth).
    Map<String, Long> offsets = new HashMap<>();
    for (CallTruth t : dirty.calls()) {
      t.participants.forEach(p -> offsets.put((String) p.get(ParticipantTruthCol.UC_ID),
          (Long) p.get(ParticipantTruthCol.CLIENT_CLOCK_OFFSET_MS)));
    }
    int late = 0;
    int skewed = 0;
    for (IngestContract.Result r : dirtyLines.results) {
      if (r.verdict() != Verdict.OK) {
        continue;
      }
      JsonNode line = r.line();
      long offset = offsets.getOrDefault(line.get("ucID").asText(), 0L);
      long sent = line.get("body").get("timestamp").asLong() - offset;
      late += line.get("receivedAt").asLong() - sent > 20 * 3_600_000L ? 1 : 0;
      skewed += Math.abs(offset) > 3_600_000L ? 1 : 0;
    }
    assertThat(late).isEqualTo(countOk(DirtKind.LATE)).isPositive();
    assertThat(skewed).isEqualTo(countOk(DirtKind.CLOCK_SKEW)).isPositive();

    // Out of order: a stats line after the next stats line of its connection (unless that one was cut short).
    Map<String, Long> lastTimestamp = new HashMap<>();
    int outOfOrder = 0;
    int malformedStats = 0;
    for (int i = 0; i < dirty.sink().lines.size(); i++) {
      IngestContract.Result r = dirtyLines.results.get(i);
      if (r.verdict() == Verdict.MALFORMED) {
        malformedStats += dirty.sink().lines.get(i).path() == IngestPath.STATS ? 1 : 0;
      } else if (r.line().get("path").asText().equals("stats")) {
        JsonNode body = r.line().get("body");
        long ts = body.get("timestamp").asLong();
        Long before = lastTimestamp.put(body.get("connectionID").asText(), ts);
        if (before != null && ts < before) {
          outOfOrder++;
        }
      }
    }
    int flagged = countOk(DirtKind.OUT_OF_ORDER);
    assertThat(outOfOrder).isBetween(flagged - malformedStats, flagged).isPositive();
    assertThat(tally.totalDirt(DirtKind.COUNTER_RESET)).isPositive();
  }

  /** Lines of a dirt kind that are still readable (not also malformed, missing ids or numbers as strings). */
  private static int countOk(DirtKind kind) {
    int n = 0;
    for (int i = 0; i < dirty.sink().lines.size(); i++) {
      MemorySink.Line l = dirty.sink().lines.get(i);
      boolean has = kind == DirtKind.CLOCK_SKEW ? l.clockSkew() : l.dirt() == kind;
      if (has && dirtyLines.results.get(i).verdict() == Verdict.OK) {
        n++;
      }
    }
    return n;
  }

  @Test
  void dirtRatesMatchTheConfiguredMix() {
    LineTally tally = dirty.sink().tally;
    long physical = dirty.sink().lines.size();
    long logical = physical - tally.totalDirt(DirtKind.DUPLICATE);
    double rate = 0.05;
    SimulatorProfile.DirtMix mix = Simulations.profile(Map.of()).dirtMix();
    double total = 0;
    for (double s : mix.shares()) {
      total += s;
    }
    for (int i = 0; i < DirtKind.PER_LINE.length; i++) {
      DirtKind k = DirtKind.PER_LINE[i];
      if (k == DirtKind.OUT_OF_ORDER) {
        continue;
      }
      double expected = logical * rate * mix.shares()[i] / total;
      assertThat((double) tally.totalDirt(k)).as("%s lines", k).isCloseTo(expected, within(5 * Math.sqrt(expected)));
    }
  }

  @Test
  void cleanTrafficDoesNotDependOnTheDirtRate() {
    int compared = 0;
    for (int i = 0; i < CALLS; i++) {
      CallTruth a = clean.calls().get(i);
      CallTruth b = dirty.calls().get(i);
      assertThat(b.call.values()).isEqualTo(a.call.values());
      assertThat(b.streams.size()).isEqualTo(a.streams.size());
      // Injected counter resets change what is reported (and so the truth) of the legs on their connection.
      Set<String> reset = new HashSet<>();
      for (var c : b.connections) {
        if ((Integer) c.get(ConnectionTruthCol.COUNTER_RESETS) > 0) {
          reset.add((String) c.get(ConnectionTruthCol.CONNECTION_ID));
        }
      }
      for (int j = 0; j < a.streams.size(); j++) {
        var leg = b.streams.get(j);
        if (!reset.contains(leg.get(StreamTruthCol.SENDER_CONNECTION_ID))
            && !reset.contains(leg.get(StreamTruthCol.RECEIVER_CONNECTION_ID))) {
          assertThat(leg.values()).isEqualTo(a.streams.get(j).values());
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(100);
  }

  @Test
  void countersOnlyGoDownAtIceRestartsAndInjectedResets() {
    for (Simulations.Day day : List.of(clean, dirty)) {
      GeneratedLines lines = day == clean ? cleanLines : dirtyLines;
      for (CallTruth t : day.calls()) {
        for (var c : t.connections) {
          String id = (String) c.get(ConnectionTruthCol.CONNECTION_ID);
          int expected = (Integer) c.get(ConnectionTruthCol.ICE_RESTARTS)
              + (Integer) c.get(ConnectionTruthCol.COUNTER_RESETS);
          assertThat(lines.resetSamples(id)).as("resets of %s", id).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void theTruthOfEveryLegIsWhatItsStatsSay() {
    int legs = 0;
    for (CallTruth t : clean.calls()) {
      for (var s : t.streams) {
        long ssrc = (Long) s.get(StreamTruthCol.SSRC);
        String leg = (String) s.get(StreamTruthCol.LEG);
        long sent = (Long) s.get(StreamTruthCol.PACKETS_SENT);
        long received = (Long) s.get(StreamTruthCol.PACKETS_RECEIVED);
        long lost = (Long) s.get(StreamTruthCol.PACKETS_LOST);
        assertThat(received + lost).as("a leg's packets").isLessThanOrEqualTo(sent);
        if (leg.equals("to_sfu")) {
          String conn = (String) s.get(StreamTruthCol.SENDER_CONNECTION_ID);
          assertThat(cleanLines.summedAcrossResets(conn, "outbound-rtp", ssrc, "packetsSent")).isEqualTo(sent);
          assertThat(cleanLines.summedAcrossResets(conn, "remote-inbound-rtp", ssrc, "packetsLost"))
              .isEqualTo((double) lost);
        } else {
          String conn = (String) s.get(StreamTruthCol.RECEIVER_CONNECTION_ID);
          assertThat(cleanLines.summedAcrossResets(conn, "inbound-rtp", ssrc, "packetsReceived"))
              .isEqualTo((double) received);
          assertThat(cleanLines.summedAcrossResets(conn, "inbound-rtp", ssrc, "packetsLost"))
              .isEqualTo((double) lost);
          assertThat(cleanLines.mean(conn, "inbound-rtp", ssrc, "jitter") * 1000)
              .isCloseTo((Double) s.get(StreamTruthCol.MEAN_JITTER_MS), within(0.06));
          if (s.get(StreamTruthCol.FREEZE_S) != null) {
            assertThat(cleanLines.summedAcrossResets(conn, "inbound-rtp", ssrc, "totalFreezesDuration"))
                .isCloseTo((Double) s.get(StreamTruthCol.FREEZE_S), within(0.01));
          }
        }
        legs++;
      }
    }
    assertThat(legs).isGreaterThan(200);
  }

  @Test
  void senderAndReceiverAgreeOnEachSsrc() {
    int checked = 0;
    for (CallTruth t : clean.calls()) {
      Map<String, String> peerOf = new HashMap<>();
      Map<String, Integer> restarts = new HashMap<>();
      for (var c : t.connections) {
        peerOf.put((String) c.get(ConnectionTruthCol.CONNECTION_ID),
            (String) c.get(ConnectionTruthCol.PEER_CONNECTION_ID));
        restarts.put((String) c.get(ConnectionTruthCol.CONNECTION_ID),
            (Integer) c.get(ConnectionTruthCol.ICE_RESTARTS));
      }
      for (var s : t.streams) {
        if (!"peer".equals(s.get(StreamTruthCol.LEG))) {
          continue;
        }
        long ssrc = (Long) s.get(StreamTruthCol.SSRC);
        String tx = (String) s.get(StreamTruthCol.SENDER_CONNECTION_ID);
        String rx = (String) s.get(StreamTruthCol.RECEIVER_CONNECTION_ID);
        assertThat(peerOf.get(rx)).isEqualTo(tx);
        Double sent = cleanLines.summedAcrossResets(tx, "outbound-rtp", ssrc, "packetsSent");
        Double received = cleanLines.summedAcrossResets(rx, "inbound-rtp", ssrc, "packetsReceived");
        Double lost = cleanLines.summedAcrossResets(rx, "inbound-rtp", ssrc, "packetsLost");
        Double reportedLost = cleanLines.summedAcrossResets(tx, "remote-inbound-rtp", ssrc, "packetsLost");
        if (sent == null || received == null) {
          continue;
        }
        // The two ends sample at different moments: they agree up to one stats interval of packets, plus one for
        // each restart (what was sent between the last sample and the restart is never reported).
        int resets = restarts.get(tx) + restarts.get(rx);
        double perInterval = (sent / Math.max(10, (Double) s.get(StreamTruthCol.DURATION_S)) * 10 + 50) * (1 + resets);
        assertThat(received + lost).isCloseTo(sent, within(perInterval));
        if (reportedLost != null) {
          assertThat(reportedLost).isCloseTo(lost, within(perInterval));
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(20);
  }

  @Test
  void theTruthOfCallsAgreesWithTheLines() {
    Map<String, Integer> joinsByUc = new HashMap<>();
    Set<String> setups = new HashSet<>();
    Map<String, String> failures = new HashMap<>();
    for (IngestContract.Result r : cleanLines.results) {
      JsonNode l = r.line();
      switch (l.get("path").asText()) {
        case "userJoined" -> joinsByUc.merge(l.get("ucID").asText(), 1, Integer::sum);
        case "events/fabric/setup" -> setups.add(l.get("body").get("connectionID").asText());
        case "events/fabric/setupfailed" -> failures.put(l.get("body").get("connectionID").asText(),
            l.get("body").get("reason").asText());
        default -> { }
      }
    }
    int participants = 0;
    for (CallTruth t : clean.calls()) {
      for (var p : t.participants) {
        assertThat(joinsByUc.get((String) p.get(ParticipantTruthCol.UC_ID)))
            .isEqualTo(p.get(ParticipantTruthCol.SEGMENTS));
        participants++;
      }
      for (var c : t.connections) {
        String id = (String) c.get(ConnectionTruthCol.CONNECTION_ID);
        switch ((String) c.get(ConnectionTruthCol.SETUP_OUTCOME)) {
          case "connected" -> assertThat(setups).contains(id);
          case "failed" -> assertThat(failures.get(id)).isEqualTo(c.get(ConnectionTruthCol.SETUP_FAILURE_REASON));
          default -> assertThat(setups).doesNotContain(id);
        }
      }
      assertThat(t.call.get(CallTruthCol.OUTCOME)).isEqualTo(t.target.label);
    }
    assertThat(joinsByUc).hasSize(participants);
  }

  @Test
  void sameSeedGivesTheSameLinesAndAnotherSeedOthers() {
    Simulations.Day again = Simulations.generate(Simulations.settings(5, 7, 0.05), true);
    Simulations.Day same = Simulations.generate(Simulations.settings(5, 7, 0.05), true);
    Simulations.Day other = Simulations.generate(Simulations.settings(5, 8, 0.05), true);
    List<String> a = again.sink().lines.stream().map(MemorySink.Line::text).toList();
    assertThat(same.sink().lines.stream().map(MemorySink.Line::text).toList()).isEqualTo(a);
    assertThat(other.sink().lines.stream().map(MemorySink.Line::text).toList()).isNotEqualTo(a);
  }
}

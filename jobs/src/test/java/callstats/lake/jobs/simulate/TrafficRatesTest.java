package callstats.lake.jobs.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import callstats.lake.jobs.simulate.CallPlan.Outcome;
import callstats.lake.table.truth.CallTruthCol;
import callstats.lake.table.truth.ConnectionTruthCol;
import callstats.lake.table.truth.ImpairmentTruthCol;
import callstats.lake.table.truth.ParticipantTruthCol;
import callstats.lake.table.truth.StreamTruthCol;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Over a large day (truth only, no lines rendered: the truth is the same), the shares of outcomes, impairments and
 * traffic features match the configuration. Tolerance: four standard deviations of a binomial share, plus 0.5
 * percentage point for what the planner adjusts (a drop that cannot happen is planned as a success).
 */
class TrafficRatesTest {

  private static final int CALLS = 3_000;
  private static SimulatorProfile profile;
  private static List<CallTruth> day;

  @BeforeAll
  static void generate() {
    SimulateSettings s = Simulations.settings(CALLS, 11, 0.01);
    profile = s.profile();
    day = Simulations.generate(s, false).calls();
  }

  private static void assertShare(String what, long hits, long n, double p) {
    double tolerance = 4 * Math.sqrt(p * (1 - p) / n) + 0.005;
    assertThat((double) hits / n).as("%s: %d of %d, configured %.3f", what, hits, n, p).isCloseTo(p, within(tolerance));
  }

  @Test
  void outcomesFollowTheConfiguredFailureRates() {
    Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    for (CallTruth t : day) {
      assertThat(t.call.get(CallTruthCol.OUTCOME)).isEqualTo(t.target.label);
      outcomes.merge(t.target, 1, Integer::sum);
    }
    SimulatorProfile.Failures f = profile.failures();
    assertShare("failed calls", outcomes.getOrDefault(Outcome.FAILED, 0), CALLS, f.failedCall());
    assertShare("partially failed calls", outcomes.getOrDefault(Outcome.PARTIALLY_FAILED, 0), CALLS,
        f.partiallyFailedCall());
    assertShare("dropped calls", outcomes.getOrDefault(Outcome.DROPPED, 0), CALLS, f.droppedCall());
  }

  @Test
  void impairmentsFollowTheConfiguredRatesPerEligibleParticipant() {
    Map<String, Integer> withKind = new HashMap<>();
    int eligible = 0;
    for (CallTruth t : day) {
      for (var p : t.participants) {
        boolean single = (Integer) p.get(ParticipantTruthCol.SEGMENTS) == 1;
        if ((Boolean) p.get(ParticipantTruthCol.CONNECTED) && single
            && (Double) p.get(ParticipantTruthCol.TIME_IN_CALL_S) > 70) {
          eligible++;
          @SuppressWarnings("unchecked")
          List<String> kinds = (List<String>) p.get(ParticipantTruthCol.IMPAIRMENTS);
          kinds.forEach(k -> withKind.merge(k, 1, Integer::sum));
        }
      }
    }
    assertThat(eligible).isGreaterThan(3_000);
    for (Impairment k : Impairment.values()) {
      assertShare(k.label, withKind.getOrDefault(k.label, 0), eligible, profile.impairmentRate(k));
    }
  }

  @Test
  void trafficFeaturesFollowTheConfiguration() {
    int participants = 0;
    int relayed = 0;
    int feedback = 0;
    int precall = 0;
    int midnight = 0;
    int sfu = 0;
    Set<String> reasons = new HashSet<>();
    Set<String> browsers = new HashSet<>();
    Set<String> networks = new HashSet<>();
    Set<String> relayProtocols = new HashSet<>();
    Set<String> legs = new HashSet<>();
    Set<String> media = new HashSet<>();
    boolean simulcast = false;
    int rejoins = 0;
    int dropped = 0;
    int restarts = 0;
    for (CallTruth t : day) {
      midnight += (Boolean) t.call.get(CallTruthCol.CROSSES_MIDNIGHT) ? 1 : 0;
      sfu += t.call.get(CallTruthCol.TOPOLOGY).equals("sfu") ? 1 : 0;
      rejoins += (Integer) t.call.get(CallTruthCol.REJOINS);
      for (var p : t.participants) {
        participants++;
        relayed += (Boolean) p.get(ParticipantTruthCol.RELAYED) ? 1 : 0;
        feedback += p.get(ParticipantTruthCol.FEEDBACK_RATING) != null ? 1 : 0;
        precall += (Boolean) p.get(ParticipantTruthCol.PRECALL_TEST) ? 1 : 0;
        browsers.add(String.valueOf(p.get(ParticipantTruthCol.BUILD_NAME)));
        networks.add((String) p.get(ParticipantTruthCol.NETWORK_TYPE));
        if (p.get(ParticipantTruthCol.RELAY_PROTOCOL) != null) {
          relayProtocols.add((String) p.get(ParticipantTruthCol.RELAY_PROTOCOL));
        }
      }
      for (var c : t.connections) {
        if (c.get(ConnectionTruthCol.SETUP_FAILURE_REASON) != null) {
          reasons.add((String) c.get(ConnectionTruthCol.SETUP_FAILURE_REASON));
        }
        dropped += (Boolean) c.get(ConnectionTruthCol.DROPPED) ? 1 : 0;
        restarts += (Integer) c.get(ConnectionTruthCol.ICE_RESTARTS);
      }
      for (var s : t.streams) {
        legs.add((String) s.get(StreamTruthCol.LEG));
        media.add((String) s.get(StreamTruthCol.MEDIA_TYPE));
        simulcast |= s.get(StreamTruthCol.RID) != null;
      }
    }
    assertShare("relayed participants", relayed, participants, profile.relayRate());
    assertShare("participants giving feedback", feedback, participants, profile.feedbackRate());
    assertShare("participants testing before the call", precall, participants, profile.precallTestRate());
    assertThat((double) midnight / CALLS).as("calls crossing midnight")
        .isBetween(profile.crossMidnightRate() * 0.5, profile.crossMidnightRate() * 2.5);
    assertThat((double) sfu / CALLS).isBetween(0.3, 0.7);
    assertThat(reasons).containsExactlyInAnyOrderElementsOf(IngestContract.SETUP_FAILURE_REASONS);
    assertThat(browsers).contains("Chrome", "Firefox", "Safari", "Edge", "callstats-android", "callstats-ios");
    assertThat(networks).containsExactlyInAnyOrder("wifi", "ethernet", "cellular");
    assertThat(relayProtocols).containsExactlyInAnyOrder("udp", "tcp", "tls");
    assertThat(legs).containsExactlyInAnyOrder("peer", "to_sfu", "via_sfu");
    assertThat(media).containsExactlyInAnyOrder("audio", "video", "screen");
    assertThat(simulcast).isTrue();
    assertThat(rejoins).isPositive();
    assertThat(dropped).isPositive();
    assertThat(restarts).isPositive();
  }

  @Test
  void durationsHaveAHeavyTailAroundTheConfiguredMedian() {
    double[] durations = day.stream().filter(t -> !t.call.get(CallTruthCol.OUTCOME).equals("failed"))
        .mapToDouble(t -> (Double) t.call.get(CallTruthCol.DURATION_S)).sorted().toArray();
    double median = durations[durations.length / 2];
    assertThat(median).isBetween(0.5 * profile.durationMedianS(), 1.5 * profile.durationMedianS());
    assertThat(durations[0]).isLessThan(60);
    assertThat(durations[durations.length - 1]).isGreaterThan(3_600);
  }

  @Test
  void realisedLossFollowsTheInjectedLoss() {
    double injected = 0;
    double realised = 0;
    long packets = 0;
    for (CallTruth t : day) {
      for (var s : t.streams) {
        long n = (Long) s.get(StreamTruthCol.PACKETS_RECEIVED) + (Long) s.get(StreamTruthCol.PACKETS_LOST);
        if (n > 0) {
          injected += (Double) s.get(StreamTruthCol.INJECTED_LOSS_PCT) * n;
          realised += (Double) s.get(StreamTruthCol.REALISED_LOSS_PCT) * n;
          packets += n;
        }
      }
    }
    assertThat(realised / packets).isCloseTo(injected / packets, within(0.05 * injected / packets));
  }

  @Test
  void feedbackIsWorseAfterImpairments() {
    double[] sum = new double[2];
    int[] n = new int[2];
    Map<String, Set<String>> impairedKinds = new HashMap<>();
    for (CallTruth t : day) {
      for (var e : t.impairments) {
        impairedKinds.computeIfAbsent((String) e.get(ImpairmentTruthCol.UC_ID), k -> new HashSet<>())
            .add((String) e.get(ImpairmentTruthCol.KIND));
      }
      for (var s : t.streams) {
        @SuppressWarnings("unchecked")
        List<String> kinds = (List<String>) s.get(StreamTruthCol.IMPAIRMENTS);
        if (s.get(StreamTruthCol.RECEIVER_UC_ID) != null && !kinds.isEmpty()) {
          impairedKinds.computeIfAbsent((String) s.get(StreamTruthCol.RECEIVER_UC_ID), k -> new HashSet<>())
              .addAll(kinds);
        }
      }
    }
    for (CallTruth t : day) {
      for (var p : t.participants) {
        Integer rating = (Integer) p.get(ParticipantTruthCol.FEEDBACK_RATING);
        if (rating != null && (Boolean) p.get(ParticipantTruthCol.CONNECTED)) {
          int i = impairedKinds.containsKey((String) p.get(ParticipantTruthCol.UC_ID)) ? 1 : 0;
          sum[i] += rating;
          n[i]++;
        }
      }
    }
    assertThat(sum[1] / n[1]).as("mean rating with impairments").isLessThan(sum[0] / n[0] - 0.2);
  }
}

package callstats.lake.jobs.simulate;

import callstats.lake.jobs.simulate.CallPlan.Participant;
import callstats.lake.jobs.simulate.Impairment.Episode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A participant while the call plays out: presence, connections, media state, network now, and its truth. */
final class Member {

  final Participant plan;
  final Envelope env;
  /** Where its candidates point: addresses from documentation ranges (never real ones). */
  final String hostAddress;
  final String publicAddress;
  final String relayAddress;
  final String turnUrl;

  boolean present;
  int segment = -1;
  long segmentJoinMs;
  final List<Connection> conns = new ArrayList<>();
  long nextAliveMs = Long.MAX_VALUE;
  long nextSystemMs = Long.MAX_VALUE;

  // Media
  boolean muted;
  boolean videoPaused;
  boolean onHold;
  boolean sharing;
  boolean speaking;
  int trackCounter;
  double battery;

  // Network this second
  double upLoss;
  double downLoss;
  double burstLoss;
  double jitterMs;
  double rttMs;
  double upCapKbps;
  boolean cpu;
  boolean freezeProne;
  boolean oneWay;

  /** The first setup fails (a transient failure) and is retried. */
  boolean retryPending;

  // Truth
  /** Presence segments as they happened: join and leave (its last line), ms. */
  final List<long[]> segmentsActual = new ArrayList<>();
  long lastPresenceLineMs;
  double timeInCallMs;
  boolean connectedEver;
  String firstFailureReason;
  int drops;
  int reconnects;
  long lastDropMs = -1;
  long lastConnectedMs = -1;
  boolean leftExplicitly;
  int screenShares;
  Integer rating;
  Integer audioRating;
  Integer videoRating;
  long leaveMs;
  final List<RtpFlow> received = new ArrayList<>();

  Member(Participant plan, long idSeed) {
    this.plan = plan;
    this.env = plan.envelope;
    long a = Seeds.mix(idSeed);
    boolean native_ = plan.endpoint.clientKind().equals("native");
    this.hostAddress = native_ ? "192.168." + (a & 0xFF) + "." + (2 + ((a >>> 8) & 0x7F))
        : CallPlanner.hex(a, 8) + "-" + CallPlanner.hex(a >>> 11, 4) + "-4" + CallPlanner.hex(a >>> 23, 3) + "-a"
            + CallPlanner.hex(a >>> 31, 3) + "-" + CallPlanner.hex(Seeds.mix(a), 12) + ".local";
    long b = Seeds.mix(a);
    this.publicAddress = (b & 3) == 0 ? "2001:db8:" + CallPlanner.hex(b >>> 8, 4) + ":" + CallPlanner.hex(b >>> 24, 4)
        + "::" + CallPlanner.hex(b >>> 40, 3) : "203.0.113." + (1 + ((b >>> 8) & 0x7F) + ((b >>> 20) & 0x7F));
    String region = EndpointCatalogue.regionOf(plan.country);
    int turn = 1 + (int) ((b >>> 30) & 3);
    this.relayAddress = "198.51.100." + (10 + EndpointCatalogue.regionIndex(region) * 40 + turn);
    String proto = plan.relayProtocol;
    this.turnUrl = proto == null ? "stun:stun." + region + ".relay.example.net:3478"
        : proto.equals("tls") ? "turns:turn-" + region + "-" + turn + ".relay.example.net:443?transport=tcp"
        : "turn:turn-" + region + "-" + turn + ".relay.example.net:" + (proto.equals("tcp") ? 443 : 3478)
            + "?transport=" + proto;
  }

  String ucId() {
    return plan.ucId;
  }

  String userId() {
    return plan.userId;
  }

  boolean mobile() {
    return plan.endpoint.mobile();
  }

  /** Sets the network and device conditions of this second from the base network and the active episodes. */
  void updateConditions(long ms) {
    upLoss = plan.baseLossPct / 100;
    downLoss = plan.baseLossPct / 100;
    burstLoss = 0;
    jitterMs = plan.baseJitterMs;
    rttMs = plan.baseRttMs;
    upCapKbps = Double.POSITIVE_INFINITY;
    cpu = false;
    freezeProne = false;
    oneWay = false;
    for (Episode e : plan.episodes) {
      if (!e.activeAt(ms)) {
        continue;
      }
      switch (e.kind()) {
        case PACKET_LOSS -> {
          upLoss = 1 - (1 - upLoss) * (1 - e.lossPct() / 100);
          downLoss = 1 - (1 - downLoss) * (1 - e.lossPct() / 100);
        }
        case BURSTY_LOSS -> burstLoss = e.lossPct() / 100;
        case JITTER -> jitterMs += e.jitterMs();
        case RTT -> rttMs += e.rttMs();
        case BANDWIDTH -> upCapKbps = e.bandwidthKbps();
        case CPU -> cpu = true;
        case FREEZE -> freezeProne = true;
        case ONE_WAY -> oneWay = true;
        default -> {
          // ICE disruptions and restarts act on connections, as scheduled actions
        }
      }
    }
  }

  /** The impairment kinds active now on this member (for the truth of the legs it sends or receives). */
  void activeImpairments(long ms, Set<Impairment> into, boolean asSender) {
    for (Episode e : plan.episodes) {
      if (e.activeAt(ms)) {
        boolean up = !e.kind().direction.equals("downlink");
        boolean down = !e.kind().direction.equals("uplink");
        if (asSender ? up : down) {
          into.add(e.kind());
        }
      }
    }
  }
}

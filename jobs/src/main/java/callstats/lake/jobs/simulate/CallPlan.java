package callstats.lake.jobs.simulate;

import callstats.lake.jobs.simulate.EndpointCatalogue.App;
import callstats.lake.jobs.simulate.EndpointCatalogue.Endpoint;
import callstats.lake.jobs.simulate.Impairment.Episode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link CallPlanner} decided for one call before it is simulated: who joins when and from where, which
 * failures happen, which impairments are injected and what media is sent. The {@link CallSimulator} plays it out.
 */
final class CallPlan {

  /** The outcome the planner aims at; the truth is computed from what happened, by the documented rule. */
  enum Outcome {
    SUCCESSFUL("successful"), PARTIALLY_FAILED("partially_failed"), FAILED("failed"), DROPPED("dropped");

    final String label;

    Outcome(String label) {
      this.label = label;
    }
  }

  /** How a presence segment ends. */
  enum SegmentEnd {
    /** user/left is sent. */
    LEFT,
    /** The client stops sending (tab closed): no user/left. */
    VANISHED,
    /** The connection drops and the participant does not come back. */
    DROPPED
  }

  /** A presence segment: from userJoined to leaving. */
  static final class Segment {
    final long joinMs;
    long leaveMs;
    SegmentEnd end;

    Segment(long joinMs, long leaveMs, SegmentEnd end) {
      this.joinMs = joinMs;
      this.leaveMs = leaveMs;
      this.end = end;
    }

    long length() {
      return leaveMs - joinMs;
    }
  }

  /** A time window [startMs, endMs). */
  record Window(long startMs, long endMs) {}

  static final class Participant {
    final int index;
    final boolean host;
    final String ucId;
    final int userIndex;
    final String userId;
    final String deviceId;
    final Endpoint endpoint;
    final Envelope envelope;
    final String country;
    final String networkType;
    final boolean relayed;
    final String relayProtocol;
    final double baseRttMs;
    final double baseLossPct;
    final double baseJitterMs;
    final long seed;
    final List<Segment> segments = new ArrayList<>();
    final List<Episode> episodes = new ArrayList<>();
    final List<Window> mutes = new ArrayList<>();
    final List<Window> videoPauses = new ArrayList<>();
    final List<Window> screenShares = new ArrayList<>();
    final List<Window> holds = new ArrayList<>();
    /** Setup fails on every attempt, with this reason. */
    boolean neverConnects;
    String failureReason;
    /** The first setup fails with this reason, then a retry connects; null for none. */
    String retryReason;
    /** A connection drops and reconnects at this time; -1 for none. */
    long recoveredDropMs = -1;
    boolean sendsVideo;
    boolean simulcast;
    boolean feedback;
    boolean precallTest;
    /** Index into the video ladder of the camera's nominal resolution. */
    int nominalRung;

    Participant(int index, boolean host, String ucId, int userIndex, String userId, String deviceId,
        Endpoint endpoint, Envelope envelope, String country, String networkType, boolean relayed,
        String relayProtocol, double baseRttMs, double baseLossPct, double baseJitterMs, long seed) {
      this.index = index;
      this.host = host;
      this.ucId = ucId;
      this.userIndex = userIndex;
      this.userId = userId;
      this.deviceId = deviceId;
      this.endpoint = endpoint;
      this.envelope = envelope;
      this.country = country;
      this.networkType = networkType;
      this.relayed = relayed;
      this.relayProtocol = relayProtocol;
      this.baseRttMs = baseRttMs;
      this.baseLossPct = baseLossPct;
      this.baseJitterMs = baseJitterMs;
      this.seed = seed;
    }

    long firstJoinMs() {
      return segments.get(0).joinMs;
    }

    long lastLeaveMs() {
      return segments.get(segments.size() - 1).leaveMs;
    }

    boolean presentAt(long ms) {
      for (Segment s : segments) {
        if (ms >= s.joinMs && ms < s.leaveMs) {
          return true;
        }
      }
      return false;
    }
  }

  final LocalDate date;
  final App app;
  final long callIndex;
  final String confId;
  final boolean sfu;
  final String sfuId;
  /** What the planner aimed at (downgraded to SUCCESSFUL when a planned drop cannot happen). */
  Outcome target;
  final String videoCodec;
  final List<Participant> participants = new ArrayList<>();

  CallPlan(LocalDate date, App app, long callIndex, String confId, boolean sfu, String sfuId, Outcome target,
      String videoCodec) {
    this.date = date;
    this.app = app;
    this.callIndex = callIndex;
    this.confId = confId;
    this.sfu = sfu;
    this.sfuId = sfuId;
    this.target = target;
    this.videoCodec = videoCodec;
  }

  long startMs() {
    long min = Long.MAX_VALUE;
    for (Participant p : participants) {
      min = Math.min(min, p.firstJoinMs());
    }
    return min;
  }

  long endMs() {
    long max = Long.MIN_VALUE;
    for (Participant p : participants) {
      max = Math.max(max, p.lastLeaveMs());
    }
    return max;
  }
}

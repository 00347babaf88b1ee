package callstats.lake.summary;

import callstats.lake.summary.CallInput.Event;
import callstats.lake.summary.CallInput.Feedback;
import callstats.lake.summary.CallInput.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What summarise knows about one user session (ucID) of a call while folding it: identity and endpoint from
 * its silver.sessions rows, clock correction, join and leave, mute time, feedback, its connections'
 * results and its received-media scores bucketed per minute.
 */
final class ParticipantState {

  final String ucId;
  Session info;
  long records;
  long bestRecords = -1;
  long clockOffsetMs;
  long correctionMs;
  Long joinedMs;
  Long leftMs;
  long firstMs = Long.MAX_VALUE;
  long lastMs = Long.MIN_VALUE;
  Integer feedbackRating;
  long feedbackTs = Long.MIN_VALUE;
  boolean oneWayReported;
  double muteS;
  Long muteStartMs;
  long packetsSent;
  long packetsReceived;
  final List<Map<String, Object>> connections = new ArrayList<>();
  final List<ConnectionFold> connectionFolds = new ArrayList<>();
  /** minute (epoch ms / 60000) to {audio weighted sum, audio seconds, video weighted sum, video seconds}. */
  final TreeMap<Long, double[]> minutes = new TreeMap<>();
  long issues;

  ParticipantState(String ucId) {
    this.ucId = ucId;
  }

  /** Merges one silver.sessions row (one per landing date). */
  void session(Session s, double clockSkewMs) {
    if (info == null) {
      info = s;
    } else {
      info = merge(info, s);
    }
    records += s.records();
    if (s.records() > bestRecords) {
      bestRecords = s.records();
      clockOffsetMs = s.clockOffsetMs();
    }
    correctionMs = Math.abs(clockOffsetMs) > clockSkewMs ? clockOffsetMs : 0;
    if (s.joinedMs() != null) {
      joinedMs = joinedMs == null ? s.joinedMs() : Math.min(joinedMs, s.joinedMs());
    }
    if (s.leftMs() != null) {
      leftMs = leftMs == null ? s.leftMs() : Math.max(leftMs, s.leftMs());
    }
    firstMs = Math.min(firstMs, s.firstClientMs());
    lastMs = Math.max(lastMs, s.lastClientMs());
  }

  /** Keeps the first non-null of every descriptive field. */
  private static Session merge(Session a, Session b) {
    return new Session(a.ucId(), or(a.userId(), b.userId()), or(a.deviceId(), b.deviceId()), a.dialect(),
        or(a.endpointType(), b.endpointType()), or(a.clientKind(), b.clientKind()), or(a.browser(), b.browser()),
        or(a.browserVersion(), b.browserVersion()), or(a.browserMajor(), b.browserMajor()), or(a.sdk(), b.sdk()),
        or(a.sdkVersion(), b.sdkVersion()), or(a.os(), b.os()), or(a.osVersion(), b.osVersion()),
        or(a.appVersion(), b.appVersion()), or(a.siteId(), b.siteId()), or(a.customerId(), b.customerId()),
        or(a.tenantId(), b.tenantId()), or(a.productName(), b.productName()), or(a.country(), b.country()),
        or(a.region(), b.region()), or(a.asn(), b.asn()), or(a.isp(), b.isp()), a.joinedMs(), a.leftMs(),
        a.firstClientMs(), a.lastClientMs(), a.clockOffsetMs(), a.records());
  }

  private static <T> T or(T a, T b) {
    return a != null ? a : b;
  }

  void feedback(Feedback f) {
    if (f.tsMs() >= feedbackTs) {
      feedbackTs = f.tsMs();
      feedbackRating = f.overallRating();
    }
  }

  /** A session-level event (no connection): mute, one-way media. */
  void event(Event e) {
    long ts = e.tsMs() + correctionMs;
    switch (e.event()) {
      case "audio_mute" -> {
        if (muteStartMs == null) {
          muteStartMs = ts;
        }
      }
      case "audio_unmute" -> {
        if (muteStartMs != null) {
          muteS += Math.max(0, ts - muteStartMs) / 1000.0;
          muteStartMs = null;
        }
      }
      case "one_way_media" -> oneWayReported = true;
      default -> { }
    }
  }

  /** Adds a scored receive-side interval to its minute. */
  void score(String kind, long toMs, double seconds, double score) {
    double[] m = minutes.computeIfAbsent(Math.floorDiv(toMs, 60_000L), k -> new double[4]);
    int i = kind.equals("audio") ? 0 : 2;
    m[i] += score * seconds;
    m[i + 1] += seconds;
  }

  long joinMs() {
    if (joinedMs != null) {
      return joinedMs + correctionMs;
    }
    // without in-call records (only feedback reached us) the participant was present for no measurable time
    return (firstMs != Long.MAX_VALUE ? firstMs : leftMs != null ? leftMs : feedbackTs) + correctionMs;
  }

  long leaveMs() {
    long end = leftMs != null ? Math.max(leftMs, lastMs) : lastMs;
    return end == Long.MIN_VALUE ? joinMs() : Math.max(end + correctionMs, joinMs());
  }

  /** Mute time, closing an open mute at the leave. */
  double muteSeconds() {
    return muteS + (muteStartMs == null ? 0 : Math.max(0, leaveMs() - muteStartMs) / 1000.0);
  }
}

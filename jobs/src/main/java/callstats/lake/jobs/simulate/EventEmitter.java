package callstats.lake.jobs.simulate;

import callstats.lake.jobs.simulate.CallPlan.Participant;
import callstats.lake.jobs.simulate.Connection.Candidate;
import callstats.lake.jobs.simulate.EndpointCatalogue.App;
import callstats.lake.jobs.simulate.LineEmitter.Body;
import java.util.List;
import java.util.Locale;

/**
 * The bodies of the event paths of the callstats dialect (INGEST-FORMATS.md section 1), beyond the common fields.
 * Each method returns a {@link Body} over values fixed when it is called.
 */
final class EventEmitter {

  private EventEmitter() {}

  static Body userJoined(Participant p, App app) {
    return out -> {
      out.obj("endpointInfo").str("type", "peer").str("os", p.endpoint.os()).str("osVersion", p.endpoint.osVersion())
          .str("buildName", p.endpoint.buildName()).str("buildVersion", p.endpoint.buildVersion())
          .str("appVersion", appVersion(p, app)).end();
      if (app.sendsSiteId()) {
        out.str("siteID", siteId(p));
      }
      if (app.sendsAdditionalIds()) {
        out.obj("additionalIDs").str("customerID", "cust-" + (1000 + p.userIndex % 97))
            .str("tenantID", app.id() + "-" + p.country.toLowerCase(Locale.ROOT))
            .str("productName", app.productName()).str("meetingsName", "Room " + (1 + p.userIndex % 40))
            .str("serverName", "signal-" + EndpointCatalogue.regionOf(p.country) + "-1")
            .str("sessionID", CallPlanner.hex(Seeds.of(p.seed, 0x5E55L), 16)).end();
      }
    };
  }

  static String appVersion(Participant p, App app) {
    String[] v = app.appVersions();
    return v[(int) Math.floorMod(p.seed, 10L) < 6 ? 0 : Math.floorMod(p.seed, 10L) < 9 ? 1 : 2];
  }

  static String siteId(Participant p) {
    String[] sites = {"hq", "branch-north", "branch-south", "remote", "clinic-3", "campus-b"};
    return sites[p.userIndex % sites.length];
  }

  static Body devicesList(Member m, boolean active) {
    Participant p = m.plan;
    int mic = (int) Math.floorMod(p.seed, (long) EndpointCatalogue.AUDIO_INPUTS.length);
    int cam = (int) Math.floorMod(p.seed >>> 7, (long) EndpointCatalogue.VIDEO_INPUTS.length);
    int spk = (int) Math.floorMod(p.seed >>> 13, (long) EndpointCatalogue.AUDIO_OUTPUTS.length);
    String group = CallPlanner.hex(Seeds.of(p.seed, 0x6B), 12);
    return out -> {
      out.str("eventType", active ? "activeDeviceList" : "connectedDeviceList").arr("mediaDeviceList");
      device(out, deviceId(p, "audioinput", mic), "audioinput", EndpointCatalogue.AUDIO_INPUTS[mic], group);
      if (!active || p.sendsVideo) {
        device(out, deviceId(p, "videoinput", cam), "videoinput", EndpointCatalogue.VIDEO_INPUTS[cam], group);
      }
      device(out, deviceId(p, "audiooutput", spk), "audiooutput", EndpointCatalogue.AUDIO_OUTPUTS[spk], group);
      if (!active) {
        int other = (mic + 1) % EndpointCatalogue.AUDIO_INPUTS.length;
        device(out, deviceId(p, "audioinput", other), "audioinput", EndpointCatalogue.AUDIO_INPUTS[other],
            CallPlanner.hex(Seeds.of(p.seed, 0x6C), 12));
      }
      out.endArr();
    };
  }

  private static void device(JsonOut out, String id, String kind, String label, String group) {
    out.obj().str("mediaDeviceID", id).str("kind", kind).str("label", label).str("groupID", group).end();
  }

  static String deviceId(Participant p, String kind, int index) {
    return CallPlanner.hex(Seeds.of(p.seed, Seeds.hash(kind), index), 16);
  }

  static Body precallTest(String provider, boolean connectivity, double rttMs, double jitterMs, double loss,
      double upKbps, double downKbps) {
    return out -> {
      out.str("provider", provider).bool("mediaConnectivity", connectivity);
      if (connectivity) {
        out.num("rtt", rttMs, 1).num("jitter", jitterMs, 1).num("fractionalLoss", loss, 4)
            .num("throughput", Math.min(upKbps, downKbps), 0).num("uplinkThroughput", upKbps, 0)
            .num("downlinkThroughput", downKbps, 0);
      }
    };
  }

  static Body stateChange(Connection c, String changed, String prev, String next) {
    return out -> out.str("connectionID", c.id).str("remoteID", c.remoteId).str("prevState", prev)
        .str("newState", next).str("changedState", changed);
  }

  static Body fabricSetup(Connection c) {
    return out -> {
      out.str("connectionID", c.id).str("remoteID", c.remoteId).num("delay", c.setupDelayMs, 0)
          .num("iceGatheringDelay", c.gatheringDelayMs, 0).num("iceConnectivityDelay", c.connectivityDelayMs, 0)
          .str("fabricTransmissionDirection", "sendrecv").str("remoteEndpointType", c.sfu() ? "server" : "peer")
          .str("selectedCandidatePairID", c.pairId);
      out.arr("localIceCandidates");
      iceCandidate(out, c.localCandidate);
      out.endArr().arr("remoteIceCandidates");
      iceCandidate(out, c.remoteCandidate);
      out.endArr().arr("iceCandidatePairs");
      out.obj().str("id", c.pairId).str("localCandidateId", c.localCandidate.id())
          .str("remoteCandidateId", c.remoteCandidate.id()).str("state", "succeeded").bool("nominated", true).end();
      out.endArr();
    };
  }

  private static void iceCandidate(JsonOut out, Candidate cand) {
    out.obj().str("id", cand.id()).str("ip", cand.address()).num("port", cand.port())
        .str("candidateType", cand.type()).str("transport", cand.protocol()).num("priority", cand.priority()).end();
  }

  static Body setupFailed(Connection c, String reason) {
    String name = switch (reason) {
      case "MediaPermissionError" -> "NotAllowedError";
      case "MediaDeviceError" -> "NotReadableError";
      case "MediaConfigError" -> "OverconstrainedError";
      case "SDPGenerationError" -> "OperationError";
      case "NegotiationFailure" -> "InvalidStateError";
      case "SignalingError" -> "SignalingTimeout";
      default -> "IceFailure";
    };
    String message = switch (reason) {
      case "MediaPermissionError" -> "Permission denied by user";
      case "MediaDeviceError" -> "Could not start video source";
      case "MediaConfigError" -> "Constraints could be not satisfied";
      case "SDPGenerationError" -> "Failed to create offer";
      case "NegotiationFailure" -> "Failed to set remote answer sdp: Called in wrong state: stable";
      case "SignalingError" -> "No answer from signaling server within 15000 ms";
      default -> "ICE failed, add a TURN server and see about:webrtc for more details";
    };
    return out -> out.str("connectionID", c.id).str("remoteID", c.remoteId).str("reason", reason)
        .str("name", name).str("message", message);
  }

  static Body connectionOnly(Connection c) {
    return out -> out.str("connectionID", c.id).str("remoteID", c.remoteId);
  }

  static Body iceStatus(Connection c, String eventType, String prev, String curr, double delayMs) {
    return out -> {
      out.str("connectionID", c.id).str("remoteID", c.remoteId).str("eventType", eventType)
          .str("currIceConnectionState", curr).str("prevIceConnectionState", prev);
      if (!Double.isNaN(delayMs)) {
        out.num("delay", delayMs, 0);
      }
    };
  }

  static Body transportChange(Connection c, String prevPairId, Candidate prevLocal, Candidate prevRemote,
      double delayMs) {
    Candidate local = c.localCandidate;
    Candidate remote = c.remoteCandidate;
    String pairId = c.pairId;
    String relay = local.relayProtocol() == null ? "" : "turn/" + local.relayProtocol();
    return out -> {
      out.str("connectionID", c.id).str("remoteID", c.remoteId);
      pair(out, "currIceCandidatePair", pairId, local, remote);
      pair(out, "prevIceCandidatePair", prevPairId, prevLocal, prevRemote);
      out.str("currIceConnectionState", "connected").str("prevIceConnectionState", "checking")
          .num("delay", delayMs, 0).str("relayType", relay);
    };
  }

  private static void pair(JsonOut out, String name, String id, Candidate local, Candidate remote) {
    out.obj(name).str("id", id).str("state", "succeeded")
        .obj("localCandidate").str("id", local.id()).str("candidateType", local.type()).str("ip", local.address())
        .num("port", local.port()).str("transport", local.protocol()).end()
        .obj("remoteCandidate").str("id", remote.id()).str("candidateType", remote.type()).str("ip", remote.address())
        .num("port", remote.port()).str("transport", remote.protocol()).end()
        .end();
  }

  static Body fabricAction(Connection c, String eventType) {
    return out -> out.str("connectionID", c.id).str("remoteID", c.remoteId).str("eventType", eventType);
  }

  static Body fabricDropped(Connection c) {
    return out -> out.str("connectionID", c.id).str("remoteID", c.remoteId).str("eventType", "fabricDropped")
        .str("currIceConnectionState", "failed");
  }

  static Body mediaAction(String eventType, String mediaDeviceId, List<String> remoteIds) {
    return out -> {
      out.str("eventType", eventType).str("mediaDeviceID", mediaDeviceId).arr("remoteIDList");
      for (String r : remoteIds) {
        out.item(r);
      }
      out.endArr();
    };
  }

  static Body mediaPipeline(String eventType, String mediaType, long ssrc, String connectionId) {
    return out -> out.str("eventType", eventType).str("mediaType", mediaType).num("ssrc", ssrc)
        .str("connectionID", connectionId);
  }

  /** The ssrc map of a connection: its outbound streams (local) and the streams it receives (remote). */
  static Body ssrcMap(Connection c) {
    return out -> {
      out.str("connectionID", c.id).str("remoteID", c.remoteId).arr("ssrcData");
      for (RtpSender s : c.senders) {
        ssrc(out, s, "outbound", "local", c.local.userId());
      }
      for (RtpFlow f : c.flows) {
        ssrc(out, f.source, "inbound", "remote", f.source.owner.userId());
      }
      out.endArr();
    };
  }

  private static void ssrc(JsonOut out, RtpSender s, String streamType, String reportType, String userId) {
    String track = StatsReport.trackId(s);
    out.obj().num("ssrc", s.ssrc).str("cname", CallPlanner.hex(s.owner.plan.seed, 16)).str("streamType", streamType)
        .str("reportType", reportType).str("mediaType", s.mediaType).str("userID", userId)
        .str("msid", CallPlanner.hex(Seeds.of(s.owner.plan.seed, 0x35), 8) + " " + track)
        .str("label", track).end();
  }

  static Body feedback(int overall, Integer audio, Integer video, Integer screen, String comment) {
    return out -> {
      out.nul("remoteID").obj("feedback").num("overallRating", overall);
      if (audio != null) {
        out.num("audioQualityRating", audio);
      }
      if (video != null) {
        out.num("videoQualityRating", video);
      }
      if (screen != null) {
        out.num("screenQualityRating", screen);
      }
      if (comment != null) {
        out.str("comment", comment);
      }
      out.end();
    };
  }

  static Body appLog(String level, String message, String messageType) {
    return out -> out.str("level", level).str("message", message).str("messageType", messageType);
  }

  static Body systemStatus(double cpuPct, double battery, double memoryMb, double totalMb, int threads) {
    return out -> {
      out.num("cpuUsage", cpuPct, 1);
      if (!Double.isNaN(battery)) {
        out.num("batteryLevel", battery, 1);
      }
      out.num("memoryUsage", memoryMb, 1).num("totalMemory", totalMb, 0).num("threadCount", threads);
    };
  }

  static Body empty() {
    return out -> { };
  }
}

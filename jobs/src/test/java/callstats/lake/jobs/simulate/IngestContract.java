package callstats.lake.jobs.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a landing line against the callstats dialect of INGEST-FORMATS.md section 1, independently of the
 * generator's code: the envelope, the common body fields, and each path's fields, with W3C getStats rules for stats
 * (types, units, references between reports). Classifies what is wrong the way a normaliser would see it.
 */
final class IngestContract {

  enum Verdict { OK, MALFORMED, MISSING_ID, NUMBERS_AS_STRINGS, VIOLATION }

  record Result(Verdict verdict, String detail, JsonNode line) {
    static Result ok(JsonNode line) {
      return new Result(Verdict.OK, null, line);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Set<String> PATHS = Set.of("userJoined", "stats", "events/fabric/setup",
      "events/fabric/setupfailed", "events/fabric/terminated", "events/fabric/statechange",
      "events/fabric/transportchange", "events/fabric/actions", "events/fabric/status", "events/ice/status",
      "events/media/actions", "events/media/pipeline", "events/devices/list", "events/ssrcmap",
      "events/dominantspeaker", "events/feedback", "events/user/alive", "events/user/left", "events/app/logs",
      "system/status", "precalltest");
  private static final Set<String> STATS_TYPES = Set.of("inbound-rtp", "outbound-rtp", "remote-inbound-rtp",
      "remote-outbound-rtp", "candidate-pair", "local-candidate", "remote-candidate", "transport", "codec",
      "media-source", "media-playout", "peer-connection", "data-channel", "certificate");
  private static final Map<String, Set<String>> EVENT_TYPES = Map.of(
      "events/fabric/actions", Set.of("fabricHold", "fabricResume"),
      "events/fabric/status", Set.of("fabricDropped"),
      "events/ice/status", Set.of("iceDisruptionStart", "iceDisruptionEnd", "iceConnectionDisruptionStart",
          "iceConnectionDisruptionEnd", "iceRestarted", "iceFailed", "iceTerminated"),
      "events/media/actions", Set.of("audioMute", "audioUnmute", "videoPause", "videoResume", "screenShareStart",
          "screenShareStop"),
      "events/media/pipeline", Set.of("mediaPlaybackStart", "mediaPlaybackSuspended", "mediaPlaybackStalled",
          "oneWayMedia"),
      "events/devices/list", Set.of("connectedDeviceList", "activeDeviceList"));
  static final Set<String> SETUP_FAILURE_REASONS = Set.of("MediaConfigError", "MediaPermissionError",
      "MediaDeviceError", "NegotiationFailure", "SDPGenerationError", "TransportFailure", "SignalingError");
  /** Cumulative counters that must never be negative. */
  static final List<String> COUNTERS = List.of("packetsSent", "bytesSent", "packetsReceived", "bytesReceived",
      "packetsLost", "framesDecoded", "framesDropped", "framesEncoded", "framesSent", "framesReceived",
      "freezeCount", "pauseCount", "totalSamplesReceived", "concealedSamples", "silentConcealedSamples",
      "concealmentEvents", "jitterBufferEmittedCount", "nackCount", "pliCount", "firCount",
      "roundTripTimeMeasurements");

  private IngestContract() {}

  static Result check(String text) {
    JsonNode line;
    try {
      line = JSON.readTree(text);
    } catch (Exception e) {
      return new Result(Verdict.MALFORMED, e.getMessage(), null);
    }
    if (line == null || !line.isObject()) {
      return new Result(Verdict.MALFORMED, "not an object", null);
    }
    if (!line.path("v").isInt() || line.get("v").asInt() != 1) {
      return violation("v must be 1", line);
    }
    String path = line.path("path").asText(null);
    if (path == null || !PATHS.contains(path)) {
      return violation("unknown path " + path, line);
    }
    boolean precall = path.equals("precalltest");
    if (!line.hasNonNull("appID") || !line.has("confID") || !line.has("ucID")) {
      return new Result(Verdict.MISSING_ID, "missing id", line);
    }
    if (!line.get("appID").isTextual() || !(line.get("ucID").isTextual() || precall && line.get("ucID").isNull())
        || !(line.get("confID").isTextual() || precall && line.get("confID").isNull())) {
      return violation("ids must be strings (ucID and confID may be null only for precalltest)", line);
    }
    if (!line.path("receivedAt").isIntegralNumber()) {
      return violation("receivedAt must be epoch ms", line);
    }
    if (line.has("geo")) {
      JsonNode g = line.get("geo");
      if (!g.path("country").isTextual() || g.path("country").asText().length() != 2 || !g.path("region").isTextual()
          || !g.path("asn").isIntegralNumber() || !g.path("isp").isTextual()) {
        return violation("geo must be {country, region, asn, isp}", line);
      }
    }
    JsonNode body = line.path("body");
    if (!body.isObject() || !body.path("localID").isTextual() || !body.path("deviceID").isTextual()) {
      return violation("body needs localID and deviceID", line);
    }
    if (body.path("timestamp").isTextual()) {
      return new Result(Verdict.NUMBERS_AS_STRINGS, "timestamp as a string", line);
    }
    if (!body.path("timestamp").isIntegralNumber()) {
      return violation("body.timestamp must be epoch ms", line);
    }
    String problem = checkBody(path, body);
    return problem == null ? Result.ok(line) : violation(problem, line);
  }

  private static Result violation(String detail, JsonNode line) {
    return new Result(Verdict.VIOLATION, detail, line);
  }

  private static String checkBody(String path, JsonNode b) {
    if (EVENT_TYPES.containsKey(path) && !EVENT_TYPES.get(path).contains(b.path("eventType").asText())) {
      return path + ": eventType " + b.path("eventType");
    }
    switch (path) {
      case "userJoined" -> {
        JsonNode e = b.path("endpointInfo");
        for (String f : List.of("os", "osVersion", "buildName", "buildVersion", "appVersion")) {
          if (!e.path(f).isTextual()) {
            return "endpointInfo." + f;
          }
        }
        if (!Set.of("peer", "server").contains(e.path("type").asText())) {
          return "endpointInfo.type";
        }
      }
      case "stats" -> {
        return checkStats(b);
      }
      case "events/fabric/setup" -> {
        if (!text(b, "connectionID", "remoteID", "selectedCandidatePairID") || !b.path("delay").isNumber()
            || !Set.of("sendrecv", "sendonly", "receiveonly", "inactive").contains(
                b.path("fabricTransmissionDirection").asText())
            || !Set.of("peer", "server").contains(b.path("remoteEndpointType").asText())
            || !b.path("localIceCandidates").isArray() || !b.path("iceCandidatePairs").isArray()) {
          return "fabric/setup fields";
        }
      }
      case "events/fabric/setupfailed" -> {
        if (!text(b, "connectionID", "remoteID", "name", "message")
            || !SETUP_FAILURE_REASONS.contains(b.path("reason").asText())) {
          return "setupfailed fields";
        }
      }
      case "events/fabric/terminated" -> {
        if (!text(b, "connectionID", "remoteID")) {
          return "terminated fields";
        }
      }
      case "events/fabric/statechange" -> {
        if (!text(b, "connectionID", "prevState", "newState") || !Set.of("signalingState", "iceConnectionState",
            "connectionState").contains(b.path("changedState").asText())) {
          return "statechange fields";
        }
      }
      case "events/fabric/transportchange" -> {
        if (!text(b, "connectionID", "currIceConnectionState", "prevIceConnectionState")
            || !Set.of("", "turn/udp", "turn/tcp", "turn/tls").contains(b.path("relayType").asText("x"))
            || !b.path("currIceCandidatePair").isObject()) {
          return "transportchange fields";
        }
      }
      case "events/fabric/actions", "events/fabric/status", "events/ice/status" -> {
        if (!text(b, "connectionID")) {
          return path + ": connectionID";
        }
      }
      case "events/media/actions" -> {
        if (!b.path("remoteIDList").isArray() || !text(b, "mediaDeviceID")) {
          return "media/actions fields";
        }
      }
      case "events/media/pipeline" -> {
        if (!Set.of("audio", "video", "screen").contains(b.path("mediaType").asText())
            || !b.path("ssrc").isIntegralNumber() || !text(b, "connectionID")) {
          return "media/pipeline fields";
        }
      }
      case "events/devices/list" -> {
        for (JsonNode d : b.path("mediaDeviceList")) {
          if (!text(d, "mediaDeviceID", "kind", "label", "groupID")) {
            return "mediaDeviceList entry";
          }
        }
      }
      case "events/ssrcmap" -> {
        for (JsonNode d : b.path("ssrcData")) {
          if (!d.path("ssrc").isIntegralNumber() || !Set.of("inbound", "outbound").contains(d.path("streamType").asText())
              || !Set.of("local", "remote").contains(d.path("reportType").asText())
              || !Set.of("audio", "video", "screen").contains(d.path("mediaType").asText())) {
            return "ssrcData entry";
          }
        }
      }
      case "events/feedback" -> {
        int r = b.path("feedback").path("overallRating").asInt(0);
        if (r < 1 || r > 5 || !b.path("feedback").path("overallRating").isInt()) {
          return "feedback.overallRating";
        }
      }
      case "events/app/logs" -> {
        if (!text(b, "level", "message", "messageType")) {
          return "app/logs fields";
        }
      }
      case "system/status" -> {
        if (!b.path("cpuUsage").isNumber() || !b.path("memoryUsage").isNumber() || !b.path("threadCount").isInt()) {
          return "system/status fields";
        }
      }
      case "precalltest" -> {
        if (!text(b, "provider") || !b.path("mediaConnectivity").isBoolean()) {
          return "precalltest fields";
        }
        if (b.get("mediaConnectivity").asBoolean() && (!b.path("rtt").isNumber() || !b.path("jitter").isNumber()
            || b.path("fractionalLoss").asDouble(-1) < 0 || b.path("fractionalLoss").asDouble(2) > 1)) {
          return "precalltest measurements";
        }
      }
      default -> { }
    }
    return null;
  }

  /** W3C getStats: every report has id, type, timestamp; rtp reports an ssrc and a kind; references resolve. */
  private static String checkStats(JsonNode b) {
    if (!text(b, "connectionID", "remoteID") || !b.path("stats").isArray() || b.get("stats").isEmpty()) {
      return "stats: connectionID, remoteID and a non-empty stats array";
    }
    Map<String, String> typeOf = new java.util.HashMap<>();
    for (JsonNode s : b.get("stats")) {
      if (!text(s, "id", "type") || !s.path("timestamp").isNumber()) {
        return "stats report needs id, type, timestamp: " + s;
      }
      if (!STATS_TYPES.contains(s.get("type").asText())) {
        return "unknown stats type " + s.get("type");
      }
      if (typeOf.put(s.get("id").asText(), s.get("type").asText()) != null) {
        return "duplicate stats id " + s.get("id");
      }
    }
    Set<Long> outboundSsrcs = new HashSet<>();
    for (JsonNode s : b.get("stats")) {
      String type = s.get("type").asText();
      for (String c : COUNTERS) {
        if (s.has(c) && (!s.get(c).isNumber() || s.get(c).asDouble() < 0)) {
          return type + "." + c + " must be a non-negative number: " + s.get(c);
        }
      }
      if (type.endsWith("-rtp")) {
        if (!s.path("ssrc").isIntegralNumber() || !Set.of("audio", "video").contains(s.path("kind").asText())) {
          return type + " needs ssrc and kind";
        }
        if (!"codec".equals(typeOf.get(s.path("codecId").asText()))) {
          return type + ".codecId does not reference a codec";
        }
        if (s.has("jitter") && s.get("jitter").asDouble() > 5) {
          return "jitter is in seconds: " + s.get("jitter");
        }
        if (s.has("roundTripTime") && s.get("roundTripTime").asDouble() > 10) {
          return "roundTripTime is in seconds: " + s.get("roundTripTime");
        }
      }
      switch (type) {
        case "outbound-rtp" -> {
          if (!outboundSsrcs.add(s.get("ssrc").asLong())) {
            return "two outbound-rtp with one ssrc";
          }
        }
        case "remote-inbound-rtp" -> {
          if (!"outbound-rtp".equals(typeOf.get(s.path("localId").asText()))) {
            return "remote-inbound-rtp.localId does not reference an outbound-rtp";
          }
        }
        case "remote-outbound-rtp" -> {
          if (!"inbound-rtp".equals(typeOf.get(s.path("localId").asText()))) {
            return "remote-outbound-rtp.localId does not reference an inbound-rtp";
          }
        }
        case "transport" -> {
          if (!"candidate-pair".equals(typeOf.get(s.path("selectedCandidatePairId").asText()))) {
            return "transport.selectedCandidatePairId does not reference a candidate-pair";
          }
        }
        case "candidate-pair" -> {
          if (!"local-candidate".equals(typeOf.get(s.path("localCandidateId").asText()))
              || !"remote-candidate".equals(typeOf.get(s.path("remoteCandidateId").asText()))) {
            return "candidate-pair candidates do not resolve";
          }
        }
        case "local-candidate", "remote-candidate" -> {
          if (!text(s, "address", "protocol", "candidateType") || !s.path("port").isInt()) {
            return type + " fields";
          }
          if ("relay".equals(s.get("candidateType").asText()) && type.equals("local-candidate")
              && (!text(s, "relayProtocol", "url"))) {
            return "a relay candidate needs relayProtocol and url";
          }
        }
        case "codec" -> {
          if (!text(s, "mimeType") || !s.path("payloadType").isInt()) {
            return "codec fields";
          }
        }
        default -> { }
      }
    }
    return null;
  }

  private static boolean text(JsonNode n, String... fields) {
    for (String f : fields) {
      if (!n.path(f).isTextual()) {
        return false;
      }
    }
    return true;
  }
}

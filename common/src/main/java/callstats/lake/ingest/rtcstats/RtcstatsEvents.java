package callstats.lake.ingest.rtcstats;

import static callstats.lake.ingest.Values.text;

import callstats.lake.ingest.IngestSettings;
import callstats.lake.ingest.RecordContext;
import callstats.lake.ingest.RecordSink;
import callstats.lake.ingest.Values;
import callstats.lake.privacy.IpMasker;
import callstats.lake.rtcstats.DumpLine;
import callstats.lake.table.silver.EventCol;
import callstats.lake.table.silver.Silver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the non-stats lines of a dump to {@code silver.events}, in the taxonomy the callstats dialect uses
 * (a category and a snake-case event name): peer-connection, ICE, signalling and DTLS state changes (with the
 * previous state of the same connection), SDP offers and answers and their failures, getUserMedia and its
 * failures, DTLS errors, dominant speaker, video type changes, close. Methods it does not know are kept as
 * category {@code other}. SDP, error texts and payloads are IP-masked; keys that name credentials are dropped.
 * One instance per dump (it remembers each connection's last states).
 */
final class RtcstatsEvents {

  static final int MAX_SDP_CHARS = 32 * 1024;
  static final int MAX_MESSAGE_CHARS = 2048;
  static final int MAX_DETAILS_CHARS = 4096;

  private static final Map<String, String[]> METHODS = new HashMap<>();
  /** State-change methods and the state they change. */
  private static final Map<String, String> STATES = Map.of(
      "onconnectionstatechange", "connectionState",
      "oniceconnectionstatechange", "iceConnectionState",
      "onicegatheringstatechange", "iceGatheringState",
      "onsignalingstatechange", "signalingState",
      "ondtlsstatechange", "dtlsState");
  private static final Set<String> SECRET_KEYS = Set.of("credential", "password", "secret", "token", "username");
  private static final Pattern ERROR_NAME = Pattern.compile("^\\s*([A-Z][A-Za-z]*(?:Error|Exception))\\b");
  private static final String[] DEVICE_PREFIXES = {"navigator.mediaDevices.", "navigator.", ""};
  /** Device methods that older clients sent without the {@code navigator.} prefix. */
  private static final Pattern DEVICE_METHOD = Pattern.compile("getUserMedia|getDisplayMedia|enumerateDevices");

  static {
    method("fabric", "create", "peer_connection_created");
    method("fabric", "close", "peer_connection_closed");
    method("fabric", "constraints", "constraints");
    method("fabric", "onconnectionstatechange", "connection_state_change");
    method("fabric", "createDataChannel", "data_channel_created");
    method("fabric", "ondatachannel", "data_channel_opened");
    method("fabric", "e2eRtt", "e2e_rtt");
    method("ice", "oniceconnectionstatechange", "ice_connection_state_change");
    method("ice", "onicegatheringstatechange", "ice_gathering_state_change");
    method("ice", "onicecandidate", "local_candidate");
    method("ice", "onicecandidateerror", "local_candidate_error");
    method("ice", "addIceCandidate", "add_ice_candidate");
    method("ice", "addIceCandidateOnSuccess", "add_ice_candidate_success");
    method("ice", "addIceCandidateOnFailure", "add_ice_candidate_failure");
    method("dtls", "ondtlsstatechange", "dtls_state_change");
    method("dtls", "ondtlserror", "dtls_error");
    method("sdp", "onsignalingstatechange", "signaling_state_change");
    method("sdp", "onnegotiationneeded", "negotiation_needed");
    for (String op : new String[] {"createOffer", "createAnswer", "setLocalDescription", "setRemoteDescription"}) {
      String name = snakeCase(op);
      method("sdp", op, name);
      method("sdp", op + "OnSuccess", name + "_success");
      method("sdp", op + "OnFailure", name + "_failure");
    }
    method("media", "ontrack", "track_added");
    method("media", "onremovetrack", "track_removed");
    method("media", "onaddstream", "stream_added");
    method("media", "onremovestream", "stream_removed");
    method("media", "addTrack", "add_track");
    method("media", "removeTrack", "remove_track");
    method("media", "addStream", "add_stream");
    method("media", "removeStream", "remove_stream");
    method("media", "addTransceiver", "add_transceiver");
    method("media", "setVideoType", "video_type_change");
    method("speaker", "dominantSpeaker", "dominant_speaker");
    method("user", "conferenceStartTimestamp", "conference_start");
    method("app", "faceLandmarks", "face_landmarks");
    method("app", "facialExpression", "face_landmarks");
  }

  private final IngestSettings settings;
  private final IpMasker masker;
  private final Map<String, String> lastState = new HashMap<>();

  RtcstatsEvents(IngestSettings settings, IpMasker masker) {
    this.settings = settings;
    this.masker = masker;
  }

  /** The event row of one accepted line (not getstats, connectionInfo or identity). */
  void event(RecordContext ctx, DumpLine line, RecordSink sink) {
    String method = line.method();
    JsonNode payload = line.payload();
    String[] kind = kindOf(method);
    Values v = new Values();
    Object[] row = RecordSink.newRow(Silver.EVENTS);
    ctx.fill(row, Silver.EVENTS);
    set(row, EventCol.EVENT_TS, ctx.clientTs());
    set(row, EventCol.CATEGORY, kind[0]);
    set(row, EventCol.EVENT, kind[1]);
    set(row, EventCol.SOURCE_PATH, cap(method, 128));
    set(row, EventCol.CONNECTION_ID, line.pcId());
    boolean detailed = false;
    if (STATES.containsKey(method)) {
      String state = payload.isTextual() ? cap(payload.textValue(), 64) : null;
      set(row, EventCol.CHANGED_STATE, STATES.get(method));
      set(row, EventCol.NEW_STATE, state);
      set(row, EventCol.PREV_STATE, lastState.put(line.pcKey() + "\u0000" + method, state));
      detailed = true;
    } else if (method.endsWith("OnFailure") || method.equals("ondtlserror") || method.equals("onicecandidateerror")) {
      error(row, payload);
      detailed = payload.isTextual();
    } else if (payload.isObject() && payload.has("sdp")) {
      set(row, EventCol.MESSAGE, masker.mask(text(payload, "sdp", MAX_SDP_CHARS)));
      set(row, EventCol.DETAILS, details(payload, "sdp"));
      detailed = true;
    } else {
      detailed = special(row, method, payload, v);
    }
    if (!detailed) {
      if (payload.isObject() || payload.isArray()) {
        set(row, EventCol.DETAILS, details(payload));
      } else if (!payload.isNull()) {
        set(row, EventCol.MESSAGE, masker.mask(cap(payload.asText(), MAX_MESSAGE_CHARS)));
      }
    }
    sink.emit(Silver.EVENTS, row);
  }

  /** Methods whose payload has columns of its own; true when the payload is fully represented. */
  private boolean special(Object[] row, String method, JsonNode payload, Values v) {
    String app = (String) row[EventCol.APP_ID.ordinal()];
    switch (method) {
      case "dominantSpeaker" -> {
        set(row, EventCol.REMOTE_ID, settings.personalId(app, text(payload, "dominantSpeakerEndpoint",
            RtcstatsIdentity.MAX_ID_CHARS)));
        return true;
      }
      case "setVideoType" -> {
        String type = text(payload, "videoType", 32);
        set(row, EventCol.SSRC, Values.ssrc(payload.get("ssrc")));
        set(row, EventCol.NEW_STATE, type);
        set(row, EventCol.MEDIA_TYPE, "desktop".equals(type) ? "screen" : "camera".equals(type) ? "video" : null);
        return true;
      }
      case "e2eRtt" -> {
        set(row, EventCol.REMOTE_ID, settings.personalId(app, text(payload, "remoteEndpointId",
            RtcstatsIdentity.MAX_ID_CHARS)));
        set(row, EventCol.DELAY_MS, payload.isObject() ? v.nonNegative(payload, "rtt") : null);
        set(row, EventCol.DETAILS, details(payload, "remoteEndpointId", "rtt"));
        return true;
      }
      case "faceLandmarks", "facialExpression" -> {
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  private void error(Object[] row, JsonNode payload) {
    String message;
    String name;
    if (payload.isObject()) {
      name = text(payload, "name", 128);
      message = text(payload, "message", MAX_MESSAGE_CHARS);
      if (message == null) {
        message = details(payload);
      }
    } else {
      message = payload.isNull() ? null : cap(payload.asText(), MAX_MESSAGE_CHARS);
      Matcher m = message == null ? null : ERROR_NAME.matcher(message);
      name = m != null && m.find() ? m.group(1) : null;
    }
    set(row, EventCol.ERROR_NAME, name);
    set(row, EventCol.ERROR_MESSAGE, masker.mask(message));
  }

  /** The payload as JSON without the given keys and credential-like keys, IP-masked and capped; null if empty. */
  private String details(JsonNode payload, String... without) {
    JsonNode clean = payload.deepCopy();
    if (clean instanceof ObjectNode object) {
      object.remove(List.of(without));
    }
    dropSecrets(clean);
    if (clean.isContainerNode() && clean.isEmpty()) {
      return null;
    }
    return masker.mask(cap(clean.toString(), MAX_DETAILS_CHARS));
  }

  private static void dropSecrets(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.properties().removeIf(e -> SECRET_KEYS.contains(e.getKey().toLowerCase(Locale.ROOT)));
      object.forEach(RtcstatsEvents::dropSecrets);
    } else if (node.isArray()) {
      node.forEach(RtcstatsEvents::dropSecrets);
    }
  }

  /** Category and event name of a method; getUserMedia and its relatives by name, the rest as {@code other}. */
  static String[] kindOf(String method) {
    String[] known = METHODS.get(method);
    if (known != null) {
      return known;
    }
    for (String prefix : DEVICE_PREFIXES) {
      if (prefix.isEmpty() ? DEVICE_METHOD.matcher(method).lookingAt() : method.startsWith(prefix)) {
        String op = method.substring(prefix.length());
        String suffix = op.endsWith("OnSuccess") ? "_success" : op.endsWith("OnFailure") ? "_failure" : "";
        String base = suffix.isEmpty() ? op : op.substring(0, op.length() - "OnSuccess".length());
        return new String[] {"device", snakeCase(base) + suffix};
      }
    }
    String name = snakeCase(method);
    return new String[] {"other", name.isEmpty() ? "unnamed" : cap(name, 64)};
  }

  /** {@code setLocalDescription} to {@code set_local_description}; other characters become underscores. */
  static String snakeCase(String camel) {
    StringBuilder b = new StringBuilder(camel.length() + 8);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        if (b.length() > 0 && b.charAt(b.length() - 1) != '_') {
          b.append('_');
        }
        b.append(Character.toLowerCase(c));
      } else if (Character.isLetterOrDigit(c)) {
        b.append(c);
      } else if (b.length() > 0 && b.charAt(b.length() - 1) != '_') {
        b.append('_');
      }
    }
    while (b.length() > 0 && b.charAt(b.length() - 1) == '_') {
      b.setLength(b.length() - 1);
    }
    return b.toString();
  }

  private static void method(String category, String method, String event) {
    METHODS.put(method, new String[] {category, event});
  }

  private static String cap(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static void set(Object[] row, Enum<?> col, Object value) {
    row[col.ordinal()] = value;
  }
}

package callstats.lake.ingest.callstats;

import static callstats.lake.ingest.QuarantineReason.MISSING_FIELD;
import static callstats.lake.ingest.QuarantineReason.VALUE_OUT_OF_RANGE;
import static callstats.lake.ingest.QuarantineReason.WRONG_TYPE;
import static callstats.lake.ingest.Values.text;

import callstats.lake.ingest.BadRecord;
import callstats.lake.ingest.IngestSettings;
import callstats.lake.ingest.RecordContext;
import callstats.lake.ingest.RecordSink;
import callstats.lake.ingest.Values;
import callstats.lake.privacy.IpMasker;
import callstats.lake.table.silver.EventCol;
import callstats.lake.table.silver.FeedbackCol;
import callstats.lake.table.silver.PrecallTestCol;
import callstats.lake.table.silver.SessionCol;
import callstats.lake.table.silver.Silver;
import callstats.lake.table.silver.SsrcMapCol;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps the callstats event paths to {@code silver.events} (one normalised taxonomy: a category and an
 * event name in snake case), plus the rows some events also feed: {@code ssrc_map}, {@code feedback},
 * {@code precall_tests}, and the per-line session facts that normalise rolls up into {@code sessions}.
 */
final class CallstatsEvents {

  /** Path to (category, event name); null event name means: from the body's eventType. */
  private static final Map<String, String[]> PATHS = Map.ofEntries(
      Map.entry("userJoined", new String[] {"user", "user_joined"}),
      Map.entry("events/user/alive", new String[] {"user", "user_alive"}),
      Map.entry("events/user/left", new String[] {"user", "user_left"}),
      Map.entry("events/fabric/setup", new String[] {"fabric", "fabric_setup"}),
      Map.entry("events/fabric/setupfailed", new String[] {"fabric", "fabric_setup_failed"}),
      Map.entry("events/fabric/terminated", new String[] {"fabric", "fabric_terminated"}),
      Map.entry("events/fabric/statechange", new String[] {"fabric", "fabric_state_change"}),
      Map.entry("events/fabric/transportchange", new String[] {"fabric", "fabric_transport_change"}),
      Map.entry("events/fabric/actions", new String[] {"fabric", null}),
      Map.entry("events/fabric/status", new String[] {"fabric", null}),
      Map.entry("events/ice/status", new String[] {"ice", null}),
      Map.entry("events/media/actions", new String[] {"media", null}),
      Map.entry("events/media/pipeline", new String[] {"media", null}),
      Map.entry("events/devices/list", new String[] {"device", null}),
      Map.entry("events/ssrcmap", new String[] {"ssrc", "ssrc_map"}),
      Map.entry("events/dominantspeaker", new String[] {"speaker", "dominant_speaker"}),
      Map.entry("events/feedback", new String[] {"feedback", "feedback"}),
      Map.entry("events/app/logs", new String[] {"app", "app_log"}),
      Map.entry("system/status", new String[] {"system", "system_status"}));

  /** Body fields that have their own columns; the rest goes to DETAILS. */
  private static final Set<String> COLUMN_FIELDS = Set.of("localID", "deviceID", "timestamp", "originID",
      "connectionID", "remoteID", "reason", "name", "message", "prevState", "newState", "changedState", "delay",
      "iceGatheringDelay", "iceConnectivityDelay", "fabricTransmissionDirection", "remoteEndpointType",
      "selectedCandidatePairID", "relayType", "mediaType", "ssrc", "mediaDeviceID", "remoteIDList", "eventType",
      "level", "messageType", "cpuUsage", "batteryLevel", "memoryUsage", "totalMemory", "threadCount",
      "endpointInfo", "siteID", "additionalIDs", "feedback", "ssrcData");

  private static final int MAX_MESSAGE_CHARS = 2048;
  private static final int MAX_DETAILS_CHARS = 4096;

  private final IngestSettings settings;
  private final IpMasker masker;

  CallstatsEvents(IngestSettings settings, IpMasker masker) {
    this.settings = settings;
    this.masker = masker;
  }

  boolean handles(String path) {
    return PATHS.containsKey(path);
  }

  void event(RecordContext ctx, String path, ObjectNode body, RecordSink sink) throws BadRecord {
    String[] kind = PATHS.get(path);
    String eventType = text(body, "eventType", 64);
    String name = kind[1];
    if (name == null) {
      if (eventType == null) {
        throw new BadRecord(MISSING_FIELD, "body.eventType is missing (required for path " + path + ")");
      }
      name = snakeCase(eventType);
      if (name == null) {
        throw new BadRecord(VALUE_OUT_OF_RANGE, "body.eventType '" + eventType + "' is not an event name");
      }
    }
    if (kind[0].equals("fabric") && text(body, "connectionID", CallstatsParser.MAX_ID_CHARS) == null) {
      throw new BadRecord(MISSING_FIELD, "body.connectionID is missing (required for path " + path + ")");
    }
    Values v = new Values();
    Object[] row = RecordSink.newRow(Silver.EVENTS);
    ctx.fill(row, Silver.EVENTS);
    set(row, EventCol.EVENT_TS, ctx.clientTs());
    set(row, EventCol.CATEGORY, kind[0]);
    set(row, EventCol.EVENT, name);
    set(row, EventCol.SOURCE_PATH, path);
    set(row, EventCol.CONNECTION_ID, text(body, "connectionID", CallstatsParser.MAX_ID_CHARS));
    set(row, EventCol.REMOTE_ID, settings.personalId(ctx.appId(), text(body, "remoteID", CallstatsParser.MAX_ID_CHARS)));
    set(row, EventCol.REASON, text(body, "reason", 128));
    set(row, EventCol.ERROR_NAME, text(body, "name", 128));
    String message = masker.mask(text(body, "message", MAX_MESSAGE_CHARS));
    boolean isError = path.equals("events/fabric/setupfailed");
    set(row, EventCol.ERROR_MESSAGE, isError ? message : null);
    set(row, EventCol.PREV_STATE, firstText(body, "prevState", "prevIceConnectionState"));
    set(row, EventCol.NEW_STATE, firstText(body, "newState", "currIceConnectionState"));
    set(row, EventCol.CHANGED_STATE, text(body, "changedState", 64));
    set(row, EventCol.DELAY_MS, v.nonNegative(body, "delay"));
    set(row, EventCol.ICE_GATHERING_DELAY_MS, v.nonNegative(body, "iceGatheringDelay"));
    set(row, EventCol.ICE_CONNECTIVITY_DELAY_MS, v.nonNegative(body, "iceConnectivityDelay"));
    set(row, EventCol.TRANSMISSION_DIRECTION, text(body, "fabricTransmissionDirection", 32));
    set(row, EventCol.REMOTE_ENDPOINT_TYPE, text(body, "remoteEndpointType", 32));
    set(row, EventCol.SELECTED_CANDIDATE_PAIR_ID, firstText(body, "selectedCandidatePairID", "currIceCandidatePair"));
    set(row, EventCol.RELAY_TYPE, text(body, "relayType", 32));
    set(row, EventCol.MEDIA_TYPE, text(body, "mediaType", 16));
    set(row, EventCol.SSRC, Values.ssrc(body.get("ssrc")));
    set(row, EventCol.MEDIA_DEVICE_ID, text(body, "mediaDeviceID", 256));
    set(row, EventCol.REMOTE_ID_LIST, remoteIdList(ctx, body));
    JsonNode devices = body.get("mediaDeviceList");
    set(row, EventCol.DEVICE_COUNT, devices != null && devices.isArray() ? devices.size() : null);
    set(row, EventCol.LEVEL, text(body, "level", 16));
    set(row, EventCol.MESSAGE, isError ? null : message);
    set(row, EventCol.MESSAGE_TYPE, text(body, "messageType", 64));
    set(row, EventCol.CPU_USAGE, v.nonNegative(body, "cpuUsage"));
    set(row, EventCol.BATTERY_LEVEL, v.nonNegative(body, "batteryLevel"));
    set(row, EventCol.MEMORY_USAGE, v.nonNegative(body, "memoryUsage"));
    set(row, EventCol.TOTAL_MEMORY, v.nonNegative(body, "totalMemory"));
    set(row, EventCol.THREAD_COUNT, v.intValue(body, "threadCount"));
    set(row, EventCol.DETAILS, details(body));
    if (path.equals("events/feedback")) {
      sink.emit(Silver.FEEDBACK, feedback(ctx, body, v));
    } else if (path.equals("events/ssrcmap")) {
      ssrcMap(ctx, body, sink);
    }
    sink.emit(Silver.EVENTS, row);
  }

  private Object[] feedback(RecordContext ctx, ObjectNode body, Values v) throws BadRecord {
    JsonNode fb = body.get("feedback");
    if (fb == null || !fb.isObject()) {
      throw new BadRecord(MISSING_FIELD, "body.feedback is missing or not an object");
    }
    Integer overall = rating(fb, "overallRating", v, true);
    Object[] row = RecordSink.newRow(Silver.FEEDBACK);
    ctx.fill(row, Silver.FEEDBACK);
    set(row, FeedbackCol.REMOTE_ID, settings.personalId(ctx.appId(), text(body, "remoteID", CallstatsParser.MAX_ID_CHARS)));
    set(row, FeedbackCol.EVENT_TS, ctx.clientTs());
    set(row, FeedbackCol.OVERALL_RATING, overall);
    set(row, FeedbackCol.AUDIO_QUALITY_RATING, rating(fb, "audioQualityRating", v, false));
    set(row, FeedbackCol.VIDEO_QUALITY_RATING, rating(fb, "videoQualityRating", v, false));
    set(row, FeedbackCol.SCREEN_QUALITY_RATING, rating(fb, "screenQualityRating", v, false));
    set(row, FeedbackCol.COMMENT, masker.mask(text(fb, "comment", MAX_MESSAGE_CHARS)));
    return row;
  }

  private static Integer rating(JsonNode fb, String field, Values v, boolean required) throws BadRecord {
    Double r = v.dbl(fb, field);
    if (r == null) {
      if (required) {
        throw new BadRecord(MISSING_FIELD, "feedback." + field + " is missing or not a number");
      }
      return null;
    }
    if (r < 1 || r > 5 || r != Math.rint(r)) {
      throw new BadRecord(VALUE_OUT_OF_RANGE, "feedback." + field + " must be a whole number from 1 to 5, is " + r);
    }
    return r.intValue();
  }

  private void ssrcMap(RecordContext ctx, ObjectNode body, RecordSink sink) throws BadRecord {
    JsonNode data = body.get("ssrcData");
    if (data == null || !data.isArray()) {
      throw new BadRecord(WRONG_TYPE, "body.ssrcData must be an array");
    }
    for (JsonNode d : data) {
      Long ssrc = Values.ssrc(d.get("ssrc"));
      if (ssrc == null) {
        continue;
      }
      Object[] row = RecordSink.newRow(Silver.SSRC_MAP);
      ctx.fill(row, Silver.SSRC_MAP);
      set(row, SsrcMapCol.CONNECTION_ID, text(body, "connectionID", CallstatsParser.MAX_ID_CHARS));
      set(row, SsrcMapCol.EVENT_TS, ctx.clientTs());
      set(row, SsrcMapCol.SSRC, ssrc);
      set(row, SsrcMapCol.CNAME, text(d, "cname", 256));
      set(row, SsrcMapCol.STREAM_TYPE, text(d, "streamType", 16));
      set(row, SsrcMapCol.REPORT_TYPE, text(d, "reportType", 16));
      set(row, SsrcMapCol.MEDIA_TYPE, text(d, "mediaType", 16));
      set(row, SsrcMapCol.STREAM_USER_ID, settings.personalId(ctx.appId(), text(d, "userID", CallstatsParser.MAX_ID_CHARS)));
      set(row, SsrcMapCol.MSID, text(d, "msid", 256));
      set(row, SsrcMapCol.LABEL, text(d, "label", 256));
      sink.emit(Silver.SSRC_MAP, row);
    }
  }

  void precallTest(RecordContext ctx, ObjectNode body, JsonNode geo, RecordSink sink) {
    Values v = new Values();
    Object[] row = RecordSink.newRow(Silver.PRECALL_TESTS);
    ctx.fill(row, Silver.PRECALL_TESTS);
    set(row, PrecallTestCol.TEST_TS, ctx.clientTs());
    set(row, PrecallTestCol.PROVIDER, text(body, "provider", 128));
    set(row, PrecallTestCol.MEDIA_CONNECTIVITY, Values.bool(body, "mediaConnectivity"));
    set(row, PrecallTestCol.RTT_MS, v.nonNegative(body, "rtt"));
    set(row, PrecallTestCol.JITTER_MS, v.nonNegative(body, "jitter"));
    Double loss = v.nonNegative(body, "fractionalLoss");
    set(row, PrecallTestCol.LOSS_PCT, loss == null || loss > 1 ? null : loss * 100.0);
    set(row, PrecallTestCol.THROUGHPUT_KBPS, v.nonNegative(body, "throughput"));
    set(row, PrecallTestCol.UPLINK_THROUGHPUT_KBPS, v.nonNegative(body, "uplinkThroughput"));
    set(row, PrecallTestCol.DOWNLINK_THROUGHPUT_KBPS, v.nonNegative(body, "downlinkThroughput"));
    set(row, PrecallTestCol.COUNTRY, text(geo, "country", 8));
    set(row, PrecallTestCol.REGION, text(geo, "region", 16));
    set(row, PrecallTestCol.ASN, geo == null ? null : v.counter(geo, "asn"));
    set(row, PrecallTestCol.ISP, text(geo, "isp", 128));
    sink.emit(Silver.PRECALL_TESTS, row);
  }

  /**
   * A partial sessions row for one accepted line: times and counts that normalise rolls up per session,
   * and the descriptive fields where the line carries them (userJoined, geo).
   */
  void sessionTouch(RecordContext ctx, String path, ObjectNode body, JsonNode geo, RecordSink sink) {
    Object[] row = RecordSink.newRow(Silver.SESSIONS);
    ctx.fill(row, Silver.SESSIONS);
    if (path.equals("userJoined")) {
      JsonNode info = body.get("endpointInfo");
      String type = text(info, "type", 16);
      String build = text(info, "buildName", 64);
      ClientKind kind = ClientKind.of(type, build);
      set(row, SessionCol.ENDPOINT_TYPE, type);
      set(row, SessionCol.CLIENT_KIND, kind.code());
      String version = text(info, "buildVersion", 64);
      if (kind == ClientKind.BROWSER) {
        set(row, SessionCol.BROWSER, ClientKind.browserName(build));
        set(row, SessionCol.BROWSER_VERSION, version);
        set(row, SessionCol.BROWSER_MAJOR, ClientKind.major(version));
      } else if (kind == ClientKind.NATIVE) {
        set(row, SessionCol.SDK, build);
        set(row, SessionCol.SDK_VERSION, version);
      }
      set(row, SessionCol.OS, text(info, "os", 64));
      set(row, SessionCol.OS_VERSION, text(info, "osVersion", 64));
      set(row, SessionCol.APP_VERSION, text(info, "appVersion", 64));
      set(row, SessionCol.SITE_ID, text(body, "siteID", 128));
      JsonNode ids = body.get("additionalIDs");
      set(row, SessionCol.CUSTOMER_ID, text(ids, "customerID", 128));
      set(row, SessionCol.TENANT_ID, text(ids, "tenantID", 128));
      set(row, SessionCol.PRODUCT_NAME, text(ids, "productName", 128));
      set(row, SessionCol.MEETINGS_NAME, text(ids, "meetingsName", 128));
      set(row, SessionCol.SERVER_NAME, text(ids, "serverName", 128));
      set(row, SessionCol.SESSION_ID, text(ids, "sessionID", 128));
      set(row, SessionCol.JOINED_TS, ctx.clientTs());
    } else if (path.equals("events/user/left")) {
      set(row, SessionCol.LEFT_TS, ctx.clientTs());
    }
    if (geo != null && geo.isObject()) {
      set(row, SessionCol.COUNTRY, text(geo, "country", 8));
      set(row, SessionCol.REGION, text(geo, "region", 16));
      set(row, SessionCol.ASN, new Values().counter(geo, "asn"));
      set(row, SessionCol.ISP, text(geo, "isp", 128));
    }
    set(row, SessionCol.FIRST_SEEN, ctx.receivedAt());
    set(row, SessionCol.LAST_SEEN, ctx.receivedAt());
    if (!path.equals("events/feedback")) { // sent after the call: not presence
      set(row, SessionCol.FIRST_CLIENT_TS, ctx.clientTs());
      set(row, SessionCol.LAST_CLIENT_TS, ctx.clientTs());
    }
    set(row, SessionCol.CLOCK_OFFSET_MS, Math.round(ctx.receivedAtMs() - ctx.clientTsMs()));
    set(row, SessionCol.RECORDS, 1L);
    sink.emit(Silver.SESSIONS, row);
  }

  /** An array, not a List: Spark's row encoder takes arrays (or Scala Seqs) for array columns. */
  private String[] remoteIdList(RecordContext ctx, ObjectNode body) {
    JsonNode list = body.get("remoteIDList");
    if (list == null || !list.isArray()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (JsonNode n : list) {
      if (n.isTextual() && out.size() < 64) {
        out.add(settings.personalId(ctx.appId(), n.textValue()));
      }
    }
    return out.toArray(String[]::new);
  }

  private String details(ObjectNode body) {
    ObjectNode rest = null;
    var it = body.fields();
    while (it.hasNext()) {
      var e = it.next();
      if (!COLUMN_FIELDS.contains(e.getKey())) {
        if (rest == null) {
          rest = body.objectNode();
        }
        rest.set(e.getKey(), e.getValue());
      }
    }
    if (rest == null) {
      return null;
    }
    String json = masker.mask(rest.toString());
    return json.length() > MAX_DETAILS_CHARS ? json.substring(0, MAX_DETAILS_CHARS) : json;
  }

  private static String firstText(JsonNode body, String a, String b) {
    String s = text(body, a, 64);
    return s != null ? s : text(body, b, 64);
  }

  /** {@code iceDisruptionStart} to {@code ice_disruption_start}; null when not an identifier. */
  static String snakeCase(String camel) {
    StringBuilder b = new StringBuilder(camel.length() + 8);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        if (b.length() > 0) {
          b.append('_');
        }
        b.append(Character.toLowerCase(c));
      } else if (Character.isLetterOrDigit(c) || c == '_') {
        b.append(c);
      } else {
        return null;
      }
    }
    return b.length() == 0 ? null : b.toString();
  }

  private static void set(Object[] row, Enum<?> col, Object value) {
    row[col.ordinal()] = value;
  }
}

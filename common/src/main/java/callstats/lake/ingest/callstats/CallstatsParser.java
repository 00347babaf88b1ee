package callstats.lake.ingest.callstats;

import static callstats.lake.ingest.QuarantineReason.MISSING_FIELD;
import static callstats.lake.ingest.QuarantineReason.NOT_AN_OBJECT;
import static callstats.lake.ingest.QuarantineReason.UNKNOWN_PATH;
import static callstats.lake.ingest.QuarantineReason.UNSUPPORTED_VERSION;
import static callstats.lake.ingest.QuarantineReason.VALUE_OUT_OF_RANGE;
import static callstats.lake.ingest.QuarantineReason.WRONG_TYPE;

import callstats.lake.ingest.BadRecord;
import callstats.lake.ingest.IngestSettings;
import callstats.lake.ingest.JsonSupport;
import callstats.lake.ingest.ParsedLine;
import callstats.lake.ingest.RecordContext;
import callstats.lake.ingest.RecordSink;
import callstats.lake.ingest.StatsMapper;
import callstats.lake.ingest.Values;
import callstats.lake.privacy.IpMasker;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses one line of the callstats REST ingest dialect (see INGEST-FORMATS.md section 1) into silver rows.
 * The envelope is read with Jackson's streaming parser so that the body's exact bytes can be hashed into
 * the record id without serialising it again; the body is then a tree that the path's mapper reads.
 * A line that cannot be used raises {@link BadRecord} with the reason; nothing is emitted for it.
 * Not thread-safe: one instance per task.
 */
public final class CallstatsParser {

  public static final String DIALECT = "callstats";
  static final int MAX_ID_CHARS = 256;
  /** Receive times further than this from the landing date are not the gateway's (ms). */
  private static final long RECEIVED_SLACK_MS = 24L * 3600 * 1000;

  private final IngestSettings settings;
  private final ObjectMapper mapper;
  private final MessageDigest sha256;
  private final StatsMapper stats;
  private final CallstatsEvents events;

  public CallstatsParser(IngestSettings settings) {
    this.settings = settings;
    this.mapper = JsonSupport.newMapper(settings.maxLineBytes());
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    this.stats = new StatsMapper(settings.hasher(), settings.clockSkewFlagMs());
    this.events = new CallstatsEvents(settings, new IpMasker(settings.hasher()));
  }

  /** The envelope of a line, as far as it could be read. */
  static final class Envelope {
    Integer version;
    String appId;
    String confId;
    String ucId;
    String path;
    Double receivedAt;
    JsonNode geo;
    ObjectNode body;
    int bodyStart = -1;
    int bodyEnd = -1;
  }

  /**
   * Parses a line and emits its rows.
   *
   * @return the record id (content hash) and ids of the line
   */
  public ParsedLine parse(byte[] buf, int len, Date date, String sourceFile, long lineNumber, RecordSink sink)
      throws BadRecord {
    Envelope env = readEnvelope(buf, len);
    String rawUser = env.body == null ? null : Values.text(env.body, "localID", MAX_ID_CHARS);
    try {
      validate(env, date);
      return parseValid(env, buf, date, sourceFile, lineNumber, sink);
    } catch (BadRecord e) {
      throw e.withIds(env.appId, env.confId, env.ucId, env.path, settings.personalId(env.appId, rawUser));
    }
  }

  private ParsedLine parseValid(Envelope env, byte[] buf, Date date, String sourceFile, long lineNumber, RecordSink sink)
      throws BadRecord {
    String recordId = recordId(env, buf);
    ObjectNode body = env.body;
    String userId = settings.personalId(env.appId, Values.text(body, "localID", MAX_ID_CHARS));
    if (userId == null) {
      throw new BadRecord(MISSING_FIELD, "body.localID is missing: every body carries the user id");
    }
    double clientMs = clientTimestamp(body);
    RecordContext ctx = new RecordContext(date, DIALECT, env.appId, env.confId, env.ucId, userId,
        settings.personalId(env.appId, Values.text(body, "deviceID", MAX_ID_CHARS)),
        Values.text(body, "originID", MAX_ID_CHARS), Values.timestamp(clientMs), clientMs,
        Values.timestamp(env.receivedAt), env.receivedAt, sourceFile, lineNumber, recordId);
    switch (env.path) {
      case "stats" -> stats(ctx, body, sink);
      case "precalltest" -> events.precallTest(ctx, body, env.geo, sink);
      default -> {
        if (!events.handles(env.path)) {
          throw new BadRecord(UNKNOWN_PATH, "path '" + env.path + "' is not part of the callstats ingest API");
        }
        if (ctx.ucId() == null) {
          throw new BadRecord(MISSING_FIELD, "ucID is missing (required for path " + env.path + ")");
        }
        events.event(ctx, env.path, body, sink);
      }
    }
    if (ctx.ucId() != null && ctx.confId() != null) { // a pre-call test may name no conference: no session
      events.sessionTouch(ctx, env.path, body, env.geo, sink);
    }
    return new ParsedLine(recordId, env.appId, env.confId, env.ucId, env.path, userId);
  }

  private void stats(RecordContext ctx, ObjectNode body, RecordSink sink) throws BadRecord {
    if (ctx.ucId() == null) {
      throw new BadRecord(MISSING_FIELD, "ucID is missing (required for path stats)");
    }
    String connectionId = requiredText(body, "connectionID", "stats");
    JsonNode array = body.get("stats");
    if (array == null || array.isNull()) {
      throw new BadRecord(MISSING_FIELD, "body.stats is missing");
    }
    if (!array.isArray()) {
      throw new BadRecord(WRONG_TYPE, "body.stats must be an array of RTCStats, is " + array.getNodeType());
    }
    Map<String, JsonNode> reports = new LinkedHashMap<>();
    int index = 0;
    for (JsonNode r : array) {
      if (r.isObject()) {
        String id = Values.text(r, "id", 512);
        reports.putIfAbsent(id != null ? id : "#" + index, r);
      }
      index++;
    }
    stats.map(ctx, connectionId, Values.text(body, "remoteID", MAX_ID_CHARS), reports, sink);
  }

  private Envelope readEnvelope(byte[] buf, int len) throws BadRecord {
    Envelope env = new Envelope();
    JsonSupport.requireUtf8(buf, len);
    try (JsonParser p = mapper.createParser(buf, 0, len)) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new BadRecord(NOT_AN_OBJECT, "a line must be one JSON object, found " + describe(first));
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        switch (name) {
          case "v" -> env.version = t.isNumeric() ? p.getIntValue() : -1;
          case "appID" -> env.appId = id(p, t, "appID");
          case "confID" -> env.confId = id(p, t, "confID");
          case "ucID" -> env.ucId = id(p, t, "ucID");
          case "path" -> env.path = id(p, t, "path");
          case "receivedAt" -> env.receivedAt = t.isNumeric() ? p.getDoubleValue() : null;
          case "geo" -> env.geo = p.readValueAsTree();
          case "body" -> {
            env.bodyStart = (int) p.currentTokenLocation().getByteOffset();
            JsonNode body = p.readValueAsTree();
            env.bodyEnd = (int) p.currentLocation().getByteOffset();
            if (body == null || !body.isObject()) {
              throw new BadRecord(WRONG_TYPE, "body must be a JSON object, is " + describe(t));
            }
            env.body = (ObjectNode) body;
          }
          default -> p.skipChildren();
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new BadRecord(callstats.lake.ingest.QuarantineReason.MALFORMED_JSON, "unexpected content after the object");
      }
    } catch (IOException e) {
      throw JsonSupport.classify(e);
    }
    return env;
  }

  private static String id(JsonParser p, JsonToken t, String field) throws IOException, BadRecord {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.VALUE_STRING && !t.isNumeric()) {
      p.skipChildren();
      throw new BadRecord(WRONG_TYPE, field + " must be a string, is " + describe(t));
    }
    String s = p.getText();
    if (s.length() > MAX_ID_CHARS) {
      throw new BadRecord(VALUE_OUT_OF_RANGE, field + " is " + s.length() + " characters, at most " + MAX_ID_CHARS);
    }
    return s.isEmpty() ? null : s;
  }

  private void validate(Envelope env, Date date) throws BadRecord {
    if (env.version == null) {
      throw new BadRecord(MISSING_FIELD, "v (the envelope version) is missing");
    }
    if (env.version != 1) {
      throw new BadRecord(UNSUPPORTED_VERSION, "envelope version v=" + env.version + " is not supported (only 1)");
    }
    if (env.appId == null) {
      throw new BadRecord(MISSING_FIELD, "appID is missing");
    }
    if (env.path == null) {
      throw new BadRecord(MISSING_FIELD, "path is missing");
    }
    if (env.confId == null && !"precalltest".equals(env.path)) {
      throw new BadRecord(MISSING_FIELD, "confID is missing");
    }
    if (env.receivedAt == null) {
      throw new BadRecord(MISSING_FIELD, "receivedAt is missing or not a number");
    }
    long dayStart = date.toLocalDate().toEpochDay() * 86_400_000L;
    if (env.receivedAt < dayStart - RECEIVED_SLACK_MS || env.receivedAt >= dayStart + 86_400_000L + RECEIVED_SLACK_MS) {
      throw new BadRecord(VALUE_OUT_OF_RANGE, "receivedAt " + env.receivedAt.longValue()
          + " is more than a day away from the landing date " + date);
    }
    if (env.body == null) {
      throw new BadRecord(MISSING_FIELD, "body is missing");
    }
  }

  private static double clientTimestamp(ObjectNode body) throws BadRecord {
    JsonNode ts = body.get("timestamp");
    if (ts == null || ts.isNull()) {
      throw new BadRecord(MISSING_FIELD, "body.timestamp is missing");
    }
    double v;
    if (ts.isNumber()) {
      v = ts.doubleValue();
    } else if (ts.isTextual()) {
      try {
        v = Double.parseDouble(ts.textValue().trim());
      } catch (NumberFormatException e) {
        throw new BadRecord(WRONG_TYPE, "body.timestamp must be epoch milliseconds, is '" + ts.textValue() + "'");
      }
    } else {
      throw new BadRecord(WRONG_TYPE, "body.timestamp must be epoch milliseconds, is " + ts.getNodeType());
    }
    if (!Values.plausibleEpochMs(v)) {
      throw new BadRecord(VALUE_OUT_OF_RANGE, "body.timestamp " + ts.asText() + " is not a time between 2000 and 2100");
    }
    return v;
  }

  private static String requiredText(ObjectNode body, String field, String path) throws BadRecord {
    String s = Values.text(body, field, MAX_ID_CHARS);
    if (s == null) {
      throw new BadRecord(MISSING_FIELD, "body." + field + " is missing (required for path " + path + ")");
    }
    return s;
  }

  /** SHA-256 over the ids, the path and the body's bytes as landed; not the receive time or geo. */
  private String recordId(Envelope env, byte[] buf) {
    sha256.reset();
    for (String s : new String[] {env.appId, env.confId, env.ucId, env.path}) {
      if (s != null) {
        sha256.update(s.getBytes(StandardCharsets.UTF_8));
      }
      sha256.update((byte) 0);
    }
    if (env.bodyStart >= 0 && env.bodyEnd > env.bodyStart) {
      sha256.update(buf, env.bodyStart, env.bodyEnd - env.bodyStart);
    } else {
      sha256.update(env.body.toString().getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(sha256.digest(), 0, 16);
  }

  private static String describe(JsonToken t) {
    return t == null ? "nothing" : t.name().toLowerCase(java.util.Locale.ROOT).replace("value_", "");
  }
}

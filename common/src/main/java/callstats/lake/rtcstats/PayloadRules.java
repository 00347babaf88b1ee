package callstats.lake.rtcstats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;

/**
 * Method-specific payload rules that decide whether a parsed line is usable. They cover every input that
 * makes the reference extractor abort the whole dump (docs/rtcstats-features.md Q29) plus the shapes the lake needs to
 * decompress stats; the lake quarantines the one line instead and carries on.
 *
 * <ul>
 *   <li>{@code connectionInfo}: an object, or a string holding JSON text of an object (normalised to the
 *       object);
 *   <li>{@code identity}, {@code constraints}, {@code create}, {@code setVideoType}, {@code dominantSpeaker},
 *       {@code e2eRtt}, {@code faceLandmarks}: payload not null;
 *   <li>{@code dominantSpeaker}: a truthy ts;
 *   <li>{@code getstats}: an object whose values, except the top-level {@code timestamp}, are objects.
 * </ul>
 */
final class PayloadRules {

  /** A rule violation. */
  record Violation(BadLineReason reason, String detail) {}

  static final String CONNECTION_INFO = "connectionInfo";
  static final String GETSTATS = "getstats";
  static final String TIMESTAMP = "timestamp";

  private static final Set<String> NON_NULL_PAYLOAD = Set.of(
      "identity", "constraints", "create", "setVideoType", "dominantSpeaker", "e2eRtt", "faceLandmarks");

  private final ObjectMapper mapper;

  PayloadRules(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The connectionInfo payload as an object, or null when it is neither an object nor JSON text of one. */
  JsonNode connectionInfoObject(JsonNode payload) {
    if (payload != null && payload.isObject()) {
      return payload;
    }
    if (payload != null && payload.isTextual()) {
      try {
        JsonNode parsed = mapper.readTree(payload.textValue());
        return parsed != null && parsed.isObject() ? parsed : null;
      } catch (JsonProcessingException e) {
        return null;
      }
    }
    return null;
  }

  /** The violation of a line that is not line 1, or null when the line is usable. */
  Violation check(DumpLine line) {
    String method = line.method();
    JsonNode payload = line.payload();
    if (CONNECTION_INFO.equals(method) && connectionInfoObject(payload) == null) {
      return new Violation(BadLineReason.WRONG_TYPE,
          "connectionInfo payload must be an object or JSON text of an object, is " + payload.getNodeType());
    }
    if (NON_NULL_PAYLOAD.contains(method) && payload.isNull()) {
      return new Violation(BadLineReason.WRONG_TYPE, method + " payload must not be null");
    }
    if ("dominantSpeaker".equals(method) && !Js.truthy(line.ts())) {
      return new Violation(BadLineReason.MISSING_FIELD, "dominantSpeaker line must have a non-zero ts");
    }
    if (GETSTATS.equals(method)) {
      return checkStats(payload);
    }
    return null;
  }

  private static Violation checkStats(JsonNode payload) {
    if (!payload.isObject()) {
      return new Violation(BadLineReason.WRONG_TYPE, "getstats payload must be an object, is " + payload.getNodeType());
    }
    for (Map.Entry<String, JsonNode> report : payload.properties()) {
      if (!report.getValue().isObject() && !TIMESTAMP.equals(report.getKey())) {
        return new Violation(BadLineReason.WRONG_TYPE, "getstats report '" + report.getKey()
            + "' must be an object, is " + report.getValue().getNodeType());
      }
    }
    return null;
  }

  /** The line with its connectionInfo payload normalised to an object. */
  DumpLine normalised(DumpLine line) {
    if (!CONNECTION_INFO.equals(line.method()) || line.payload().isObject()) {
      return line;
    }
    return new DumpLine(line.lineNumber(), line.method(), line.pcId(), connectionInfoObject(line.payload()),
        line.ts(), line.seq(), line.sizeChars(), line.text());
  }
}

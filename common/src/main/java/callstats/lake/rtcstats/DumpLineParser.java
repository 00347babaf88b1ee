package callstats.lake.rtcstats;

import callstats.lake.rtcstats.PhysicalLineReader.PhysicalLine;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns one physical line into a {@link DumpLine}, or into a {@link BadLine} with a reason: blank, not
 * JSON, not an array, fewer than 3 elements, method not a string, pc neither string nor null, ts neither
 * number nor null. Parsing is bounded by {@link StreamReadConstraints} (nesting depth, number length,
 * string length), and trailing data after the JSON value is an error, as it is for {@code JSON.parse}.
 */
final class DumpLineParser {

  /** Either a line or the reason it is bad. */
  record Parsed(DumpLine line, BadLine bad) {}

  private final ObjectMapper mapper;
  private final int excerptChars;

  DumpLineParser(DumpReaderOptions options) {
    StreamReadConstraints constraints = StreamReadConstraints.builder()
        .maxNestingDepth(options.maxNestingDepth())
        .maxNumberLength(options.maxNumberLength())
        .maxStringLength(Math.max(options.maxLineChars(), StreamReadConstraints.DEFAULT_MAX_STRING_LEN))
        .build();
    JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints).build();
    this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.excerptChars = options.excerptChars();
  }

  /** The mapper used for lines, also for JSON text inside payloads. */
  ObjectMapper mapper() {
    return mapper;
  }

  Parsed parse(PhysicalLine physical) {
    if (physical.oversized()) {
      return bad(physical, BadLineReason.OVERSIZED, "line has " + physical.lengthChars()
          + " UTF-16 code units, more than the limit", null, physical.excerpt());
    }
    String text = physical.text();
    if (text.isBlank()) {
      return bad(physical, BadLineReason.EMPTY_LINE, "blank line", null, text);
    }
    JsonNode root;
    try {
      root = mapper.readTree(text);
    } catch (StreamConstraintsException e) {
      return bad(physical, BadLineReason.OVERSIZED, e.getOriginalMessage(), null, text);
    } catch (JsonProcessingException e) {
      BadLineReason reason = physical.terminated() ? BadLineReason.MALFORMED_JSON : BadLineReason.TRUNCATED_FILE;
      return bad(physical, reason, e.getOriginalMessage(), null, text);
    }
    if (!root.isArray()) {
      return bad(physical, BadLineReason.NOT_AN_ARRAY, "line is a JSON " + root.getNodeType() + ", not an array",
          null, text);
    }
    if (root.size() < 3) {
      return bad(physical, BadLineReason.MISSING_FIELD, "line must have at least 3 elements [method, pc, payload],"
          + " has " + root.size(), null, text);
    }
    JsonNode method = root.get(0);
    if (!method.isTextual()) {
      return bad(physical, BadLineReason.WRONG_TYPE, "method (element 0) must be a string, is " + method.getNodeType(),
          null, text);
    }
    JsonNode pc = root.get(1);
    if (!pc.isTextual() && !pc.isNull()) {
      return bad(physical, BadLineReason.WRONG_TYPE, "pc (element 1) must be a string or null, is " + pc.getNodeType(),
          method.textValue(), text);
    }
    JsonNode ts = root.get(3);
    if (ts != null && !ts.isNumber() && !ts.isNull()) {
      return bad(physical, BadLineReason.WRONG_TYPE, "ts (element 3) must be a number, is " + ts.getNodeType(),
          method.textValue(), text);
    }
    DumpLine line = new DumpLine(physical.number(), method.textValue(), pc.isNull() ? null : pc.textValue(),
        root.get(2), ts, root.get(4), physical.lengthChars(), text);
    return new Parsed(line, null);
  }

  /** A bad-line report for a line that parsed but broke a payload rule. */
  BadLine reject(DumpLine line, BadLineReason reason, String detail, String rawText) {
    return new BadLine(line.lineNumber(), reason, detail, line.method(), excerpt(rawText), line.sizeChars(), false);
  }

  private Parsed bad(PhysicalLine physical, BadLineReason reason, String detail, String method, String raw) {
    return new Parsed(null, new BadLine(physical.number(), reason, detail, method, excerpt(raw),
        physical.lengthChars(), false));
  }

  private String excerpt(String raw) {
    return raw == null || raw.length() <= excerptChars ? raw : raw.substring(0, excerptChars);
  }
}

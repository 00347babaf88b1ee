package callstats.lake.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The JSON reader every parser uses: bounded nesting and number length (so hostile input cannot exhaust
 * the stack or memory), and lenient about NaN/Infinity tokens, which real SDKs send and which become
 * flagged nulls rather than lost lines.
 */
public final class JsonSupport {

  public static final int MAX_NESTING_DEPTH = 64;
  public static final int MAX_NUMBER_LENGTH = 100;

  private JsonSupport() {}

  public static ObjectMapper newMapper(int maxStringLength) {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxStringLength(Math.max(maxStringLength, 1024))
            .build())
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .build();
    return new ObjectMapper(factory);
  }

  /**
   * Rejects bytes that are not well-formed UTF-8 (RFC 3629): stray or missing continuation bytes, overlong
   * encodings (C0 AF for '/'), UTF-16 surrogates and code points above U+10FFFF. Jackson's reader catches only
   * the first kind and decodes the others into text, so an overlong '/' or a lone surrogate would reach the
   * tables. ASCII lines cost one pass over the bytes.
   */
  public static void requireUtf8(byte[] b, int len) throws BadRecord {
    int i = 0;
    while (i < len) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        i++;
        continue;
      }
      int more;
      int lo = 0x80;
      int hi = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        more = 1;
      } else if (c >= 0xE0 && c <= 0xEF) {
        more = 2;
        lo = c == 0xE0 ? 0xA0 : 0x80;
        hi = c == 0xED ? 0x9F : 0xBF;
      } else if (c >= 0xF0 && c <= 0xF4) {
        more = 3;
        lo = c == 0xF0 ? 0x90 : 0x80;
        hi = c == 0xF4 ? 0x8F : 0xBF;
      } else {
        throw notUtf8(c, i);
      }
      if (i + more >= len) {
        throw new BadRecord(QuarantineReason.INVALID_UTF8,
            "not valid UTF-8: the line ends inside a multi-byte sequence at byte " + i);
      }
      int c1 = b[i + 1] & 0xFF;
      if (c1 < lo || c1 > hi) {
        throw notUtf8(c, i);
      }
      for (int k = 2; k <= more; k++) {
        int ck = b[i + k] & 0xFF;
        if (ck < 0x80 || ck > 0xBF) {
          throw notUtf8(c, i);
        }
      }
      i += more + 1;
    }
  }

  private static BadRecord notUtf8(int lead, int at) {
    return new BadRecord(QuarantineReason.INVALID_UTF8,
        String.format("not valid UTF-8: malformed sequence starting with byte 0x%02X at byte %d", lead, at));
  }

  /** Maps a JSON reading failure to the quarantine reason and a short detail. */
  public static BadRecord classify(IOException e) {
    String msg = String.valueOf(e.getMessage());
    int cut = msg.indexOf('\n');
    String first = cut > 0 ? msg.substring(0, cut) : msg;
    if (first.length() > 200) {
      first = first.substring(0, 200);
    }
    if (e instanceof StreamConstraintsException) {
      return first.contains("depth")
          ? new BadRecord(QuarantineReason.NESTING_TOO_DEEP, "JSON nested deeper than " + MAX_NESTING_DEPTH + " levels")
          : new BadRecord(QuarantineReason.VALUE_OUT_OF_RANGE, "JSON value exceeds a limit: " + first);
    }
    if (first.contains("UTF-8") || first.contains("UTF8")) {
      return new BadRecord(QuarantineReason.INVALID_UTF8, "not valid UTF-8: " + first);
    }
    return new BadRecord(QuarantineReason.MALFORMED_JSON, first);
  }
}

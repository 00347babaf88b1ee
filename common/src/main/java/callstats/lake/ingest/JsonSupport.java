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

package callstats.lake.ingest;

import java.util.Locale;

/** Why a landing line could not be used. The code is what {@code silver.quarantine.reason} holds. */
public enum QuarantineReason {
  MALFORMED_JSON,
  NESTING_TOO_DEEP,
  INVALID_UTF8,
  NOT_AN_OBJECT,
  NOT_AN_ARRAY,
  UNSUPPORTED_VERSION,
  MISSING_FIELD,
  UNKNOWN_PATH,
  WRONG_TYPE,
  VALUE_OUT_OF_RANGE,
  OVERSIZED,
  DUPLICATE,
  EMPTY_LINE,
  UNREADABLE_FILE,
  TRUNCATED_FILE,
  DECOMPRESSION_BOMB,
  FILE_CHANGED,
  MISSING_CONNECTION_INFO,
  UNKNOWN_METHOD;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}

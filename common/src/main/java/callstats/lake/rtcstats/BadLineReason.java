package callstats.lake.rtcstats;

/** Why a dump line (or the dump's header) could not be used; {@link #code()} is the quarantine reason. */
public enum BadLineReason {
  /** A blank line (empty or only white space). */
  EMPTY_LINE("empty_line"),
  /** Not one complete JSON value (including trailing garbage after it). */
  MALFORMED_JSON("malformed_json"),
  /** Valid JSON, but not an array. */
  NOT_AN_ARRAY("not_an_array"),
  /** An array with fewer than 3 elements (method, pc, payload), or a required value that is falsy. */
  MISSING_FIELD("missing_field"),
  /** An element or payload of the wrong JSON type for its method. */
  WRONG_TYPE("wrong_type"),
  /** Longer than the line limit, or nested deeper / with longer numbers than the parser allows. */
  OVERSIZED("oversized"),
  /** The input ended inside a line or inside the compressed stream. */
  TRUNCATED_FILE("truncated_file"),
  /** Line 1 is not a {@code connectionInfo} line with an object (or JSON text of an object) as payload. */
  MISSING_CONNECTION_INFO("missing_connection_info");

  private final String code;

  BadLineReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}

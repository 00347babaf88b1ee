package callstats.lake.jobs.simulate;

/**
 * The kinds of real-world dirt the simulator injects into landing lines. The first six are exclusive: a line has at
 * most one of them. Clock skew (a property of an endpoint) and counter resets (of a connection) come on top.
 */
enum DirtKind {
  /** A later exact copy of a line (a client retry): same ids, path, geo and body, later receivedAt. */
  DUPLICATE("duplicate"),
  /** The line is cut short: truncated JSON. */
  MALFORMED("malformed"),
  /** appID, confID or ucID is missing. */
  MISSING_ID("missing-id"),
  /** Every number of the body is sent as a JSON string. */
  NUMBERS_AS_STRINGS("numbers-as-strings"),
  /** A stats line received after the next stats line of its connection. */
  OUT_OF_ORDER("out-of-order"),
  /** A line uploaded 1 to 3 days after it was sent. */
  LATE("late"),
  /** The endpoint's clock is hours off. */
  CLOCK_SKEW("clock-skew"),
  /** The connection's RTP counters restart from zero without an ICE restart. */
  COUNTER_RESET("counter-reset");

  /** The exclusive per-line kinds, drawn for each line. */
  static final DirtKind[] PER_LINE = {DUPLICATE, MALFORMED, MISSING_ID, NUMBERS_AS_STRINGS, OUT_OF_ORDER, LATE};

  /** The key in the {@code simulate.dirt-mix} configuration. */
  final String key;

  DirtKind(String key) {
    this.key = key;
  }
}

package callstats.lake.table.gold;

/** Comments shared by the gold summary tables. */
final class GoldColumns {
  static final String CALL_DATE = "Date (UTC) the call's first record landed; the partition column. A call's summary "
      + "uses the records that landed from this date to summarise.late-days days later";
  static final String APP_ID = "Application (tenant) id";
  static final String CONF_ID = "Conference id: identifies the call within the app";
  static final String UC_ID = "User session in the call (ucID)";
  static final String USER_ID = "User id (a keyed hash where the app is pseudonymised)";
  static final String CONNECTION_ID = "Peer connection id within the user session";
  static final String MODEL_VERSION = "Version of the score models used (audio and video), see docs/quality-scores.md";

  private GoldColumns() {}
}

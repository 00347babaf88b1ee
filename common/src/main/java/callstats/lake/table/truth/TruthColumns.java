package callstats.lake.table.truth;

/** Comments shared by the columns of several truth tables. */
final class TruthColumns {
  static final String DATE = "Simulated date (UTC) on which the call started; the partition column. "
      + "Lines of the date may land in later landing dates (midnight crossing, late uploads)";
  static final String APP_ID = "Application (tenant) id, appID";
  static final String CONF_ID = "Conference (call) id within the app, confID";
  static final String UC_ID = "User-conference id of the participant, ucID (kept across rejoins)";
  static final String USER_ID = "User id, localID";
  static final String CONNECTION_ID = "Peer connection id, connectionID (a reconnect opens a new one)";
  static final String TRUE_TIME = " (true time, the gateway clock; client clocks may be skewed), UTC";

  private TruthColumns() {}
}

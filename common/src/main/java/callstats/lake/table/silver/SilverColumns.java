package callstats.lake.table.silver;

/** Comments shared by the columns that every silver table carries. */
final class SilverColumns {
  static final String DATE = "Landing date (UTC) on which the gateway received the record; the partition column";
  static final String APP_ID = "Application (tenant) id, appID";
  static final String CONF_ID = "Conference (call) id within the app, confID";
  static final String UC_ID = "User-conference id: one user's session in this call, ucID";
  static final String USER_ID = "User id as sent (localID); a keyed hash where the app is pseudonymised";
  static final String DEVICE_ID = "Device id as sent (deviceID); a keyed hash where the app is pseudonymised";
  static final String ORIGIN_ID = "SFU or bridge that reported on behalf of the user (originID), if any";
  static final String CONNECTION_ID = "Peer connection id within the user session (connectionID, rtcstats PC id)";
  static final String REMOTE_ID = "User id at the other end of the connection (remoteID), or the SFU";
  static final String DIALECT = "Landing dialect the record came from: callstats or rtcstats";
  static final String RECEIVED_AT = "When the gateway received the record (gateway clock, UTC)";
  static final String SOURCE_FILE = "Landing file the record came from";
  static final String LINE_NUMBER = "Line number of the record in its landing file, from 1";
  static final String RECORD_ID = "Content hash of the ingest record (ids, path and body; not receive time or geo): "
      + "equal for a record landed twice";

  private SilverColumns() {}
}

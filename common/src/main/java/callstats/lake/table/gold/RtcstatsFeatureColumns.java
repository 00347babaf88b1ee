package callstats.lake.table.gold;

/** Comments shared by the columns of the three rtcstats feature tables. */
final class RtcstatsFeatureColumns {
  static final String DATE = "Landing date (UTC) of the dump; the partition column";
  static final String APP_ID = "Application id, as in the silver tables (identity applicationName, else the "
      + "configured normalise.rtcstats.app-id)";
  static final String CONF_ID = "Conference id, as in the silver tables (identity meetingUniqueId, confName or "
      + "confID, else the dump id)";
  static final String DUMP_ID = "The dump's id: its file name without extension; uc_id in the silver tables";
  static final String PC_ID = "Peer-connection key of the dump (PC_0, PC_1, ...; 'null' for lines without pc)";
  static final String SOURCE_FILE = "Landing file of the dump";

  private RtcstatsFeatureColumns() {}
}

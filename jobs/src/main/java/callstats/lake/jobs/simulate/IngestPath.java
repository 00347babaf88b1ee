package callstats.lake.jobs.simulate;

/** The {@code path} values of the callstats REST ingest dialect (INGEST-FORMATS.md section 1), in a fixed order. */
enum IngestPath {
  USER_JOINED("userJoined"),
  STATS("stats"),
  FABRIC_SETUP("events/fabric/setup"),
  FABRIC_SETUP_FAILED("events/fabric/setupfailed"),
  FABRIC_TERMINATED("events/fabric/terminated"),
  FABRIC_STATE_CHANGE("events/fabric/statechange"),
  FABRIC_TRANSPORT_CHANGE("events/fabric/transportchange"),
  FABRIC_ACTIONS("events/fabric/actions"),
  FABRIC_STATUS("events/fabric/status"),
  ICE_STATUS("events/ice/status"),
  MEDIA_ACTIONS("events/media/actions"),
  MEDIA_PIPELINE("events/media/pipeline"),
  DEVICES_LIST("events/devices/list"),
  SSRC_MAP("events/ssrcmap"),
  DOMINANT_SPEAKER("events/dominantspeaker"),
  FEEDBACK("events/feedback"),
  USER_ALIVE("events/user/alive"),
  USER_LEFT("events/user/left"),
  APP_LOGS("events/app/logs"),
  SYSTEM_STATUS("system/status"),
  PRECALL_TEST("precalltest");

  final String wire;

  IngestPath(String wire) {
    this.wire = wire;
  }

  static int count() {
    return values().length;
  }
}

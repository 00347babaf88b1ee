package callstats.lake.table.silver;

import static callstats.lake.table.ColumnInfo.opt;
import static callstats.lake.table.ColumnInfo.req;
import static callstats.lake.table.Types.DOUBLE;
import static callstats.lake.table.Types.INT;
import static callstats.lake.table.Types.LONG;
import static callstats.lake.table.Types.STRING;
import static callstats.lake.table.Types.STRINGS;
import static callstats.lake.table.Types.TIMESTAMP;

import callstats.lake.table.ColumnDef;
import callstats.lake.table.ColumnInfo;
import callstats.lake.table.Types;

/** Columns of {@code silver.events}: every call event, in one normalised taxonomy. */
public enum EventCol implements ColumnDef {
  DATE(req(Types.DATE, SilverColumns.DATE)),
  APP_ID(req(STRING, SilverColumns.APP_ID)),
  CONF_ID(req(STRING, SilverColumns.CONF_ID)),
  UC_ID(req(STRING, SilverColumns.UC_ID)),
  USER_ID(opt(STRING, SilverColumns.USER_ID)),
  DEVICE_ID(opt(STRING, SilverColumns.DEVICE_ID)),
  ORIGIN_ID(opt(STRING, SilverColumns.ORIGIN_ID)),
  DIALECT(req(STRING, SilverColumns.DIALECT)),
  EVENT_TS(req(TIMESTAMP, "When the event happened (client clock, UTC)")),
  RECEIVED_AT(req(TIMESTAMP, SilverColumns.RECEIVED_AT)),
  CATEGORY(req(STRING, "Event family: user, fabric, ice, media, device, speaker, ssrc, feedback, app, system, sdp, dtls, "
      + "other (rtcstats methods without a mapping, see docs/rtcstats.md)")),
  EVENT(req(STRING, "Normalised event name, e.g. fabric_setup, fabric_setup_failed, ice_disruption_start, audio_mute; "
      + "see docs/silver.md")),
  SOURCE_PATH(req(STRING, "Ingest path (callstats) or method (rtcstats) as sent")),
  CONNECTION_ID(opt(STRING, SilverColumns.CONNECTION_ID)),
  REMOTE_ID(opt(STRING, SilverColumns.REMOTE_ID)),
  REASON(opt(STRING, "Failure reason, e.g. TransportFailure for fabric_setup_failed")),
  ERROR_NAME(opt(STRING, "Error name as reported")),
  ERROR_MESSAGE(opt(STRING, "Error message as reported (IP addresses masked)")),
  PREV_STATE(opt(STRING, "State before the change")),
  NEW_STATE(opt(STRING, "State after the change")),
  CHANGED_STATE(opt(STRING, "Which state changed: signalingState, iceConnectionState, connectionState, dtlsState")),
  DELAY_MS(opt(DOUBLE, "Delay reported with the event, ms (setup delay, disruption duration...)")),
  ICE_GATHERING_DELAY_MS(opt(DOUBLE, "ICE gathering delay, ms (fabric_setup)")),
  ICE_CONNECTIVITY_DELAY_MS(opt(DOUBLE, "ICE connectivity check delay, ms (fabric_setup)")),
  TRANSMISSION_DIRECTION(opt(STRING, "Fabric transmission direction: sendrecv, sendonly, receiveonly, inactive")),
  REMOTE_ENDPOINT_TYPE(opt(STRING, "peer or server (an SFU); fabric_setup")),
  SELECTED_CANDIDATE_PAIR_ID(opt(STRING, "Selected candidate pair id (fabric_setup, fabric_transport_change)")),
  RELAY_TYPE(opt(STRING, "TURN relay in use: turn/udp, turn/tcp, turn/tls, or null")),
  MEDIA_TYPE(opt(STRING, "audio, video or screen")),
  SSRC(opt(LONG, "RTP stream the event refers to")),
  MEDIA_DEVICE_ID(opt(STRING, "Media device id")),
  REMOTE_ID_LIST(opt(STRINGS, "Remote users the media action applies to")),
  DEVICE_COUNT(opt(INT, "Number of devices in a device list")),
  LEVEL(opt(STRING, "Log level (app_log)")),
  MESSAGE(opt(STRING, "Log message or comment (capped, IP addresses masked)")),
  MESSAGE_TYPE(opt(STRING, "Log message type (app_log)")),
  CPU_USAGE(opt(DOUBLE, "CPU usage, percent (system_status)")),
  BATTERY_LEVEL(opt(DOUBLE, "Battery level, percent (system_status)")),
  MEMORY_USAGE(opt(DOUBLE, "Memory used by the app, MB (system_status)")),
  TOTAL_MEMORY(opt(DOUBLE, "Total memory, MB (system_status)")),
  THREAD_COUNT(opt(INT, "Threads (system_status)")),
  DETAILS(opt(STRING, "Remaining event payload as JSON (IP addresses masked, capped)")),
  SOURCE_FILE(req(STRING, SilverColumns.SOURCE_FILE)),
  LINE_NUMBER(req(LONG, SilverColumns.LINE_NUMBER)),
  RECORD_ID(req(STRING, SilverColumns.RECORD_ID));

  private final ColumnInfo info;

  EventCol(ColumnInfo info) {
    this.info = info;
  }

  @Override
  public ColumnInfo info() {
    return info;
  }
}

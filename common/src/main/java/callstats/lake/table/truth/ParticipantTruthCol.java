package callstats.lake.table.truth;

import static callstats.lake.table.ColumnInfo.opt;
import static callstats.lake.table.ColumnInfo.req;
import static callstats.lake.table.Types.BOOLEAN;
import static callstats.lake.table.Types.DOUBLE;
import static callstats.lake.table.Types.INT;
import static callstats.lake.table.Types.LONG;
import static callstats.lake.table.Types.STRING;
import static callstats.lake.table.Types.STRINGS;
import static callstats.lake.table.Types.TIMESTAMP;

import callstats.lake.table.ColumnDef;
import callstats.lake.table.ColumnInfo;
import callstats.lake.table.Types;

/** Columns of {@code truth.participants}: one row per participant (ucID) of a simulated call. */
public enum ParticipantTruthCol implements ColumnDef {
  DATE(req(Types.DATE, TruthColumns.DATE)),
  APP_ID(req(STRING, TruthColumns.APP_ID)),
  CONF_ID(req(STRING, TruthColumns.CONF_ID)),
  UC_ID(req(STRING, TruthColumns.UC_ID)),
  USER_ID(req(STRING, TruthColumns.USER_ID)),
  DEVICE_ID(req(STRING, "Device id, deviceID")),
  IS_HOST(req(BOOLEAN, "The participant who opened the call (joins first, stays to the end unless the call failed)")),
  ENDPOINT_TYPE(req(STRING, "endpointInfo.type: peer")),
  CLIENT_KIND(req(STRING, "browser or native (an SDK)")),
  BUILD_NAME(req(STRING, "endpointInfo.buildName as sent: the browser or the SDK")),
  BUILD_VERSION(req(STRING, "endpointInfo.buildVersion as sent")),
  BROWSER(opt(STRING, "Chrome, Firefox, Safari or Edge for browser clients")),
  BROWSER_VERSION(opt(STRING, "Browser version")),
  SDK(opt(STRING, "callstats-android or callstats-ios for native clients")),
  SDK_VERSION(opt(STRING, "SDK version")),
  OS(req(STRING, "endpointInfo.os")),
  OS_VERSION(req(STRING, "endpointInfo.osVersion")),
  APP_VERSION(req(STRING, "endpointInfo.appVersion")),
  SITE_ID(opt(STRING, "siteID, if the app sends one")),
  COUNTRY(req(STRING, "geo.country, ISO 3166-1 alpha-2")),
  REGION(req(STRING, "geo.region")),
  ASN(req(LONG, "geo.asn")),
  ISP(req(STRING, "geo.isp")),
  NETWORK_TYPE(req(STRING, "wifi, ethernet or cellular (local candidate networkType where the browser reports it)")),
  RELAYED(req(BOOLEAN, "Media went through a TURN relay (local candidate type relay)")),
  RELAY_PROTOCOL(opt(STRING, "udp, tcp or tls between the client and the TURN server; null if not relayed")),
  JOIN_TS(req(TIMESTAMP, "First userJoined" + TruthColumns.TRUE_TIME)),
  LEAVE_TS(req(TIMESTAMP, "Last line of the last presence segment (user/left where sent)" + TruthColumns.TRUE_TIME)),
  TIME_IN_CALL_S(req(DOUBLE, "Sum over presence segments of leave - join, s (gaps between a leave and a rejoin excluded)")),
  SEGMENTS(req(INT, "Presence segments: each starts with userJoined (same ucID)")),
  REJOINS(req(INT, "segments - 1")),
  CONNECTED(req(BOOLEAN, "At least one of its connections reached connected")),
  SETUP_FAILED(req(BOOLEAN, "At least one of its connections failed setup")),
  SETUP_FAILURE_REASON(opt(STRING, "Reason of its first setup failure (events/fabric/setupfailed reason)")),
  DROPS(req(INT, "Its connections that dropped (fabricDropped sent by this participant)")),
  RECONNECTS(req(INT, "Connections it opened after one of its connections dropped")),
  DROPPED(req(BOOLEAN, "A connection of its dropped and none of its connections reached connected afterwards")),
  LEFT_EXPLICITLY(req(BOOLEAN, "Its last segment ended with user/left (else: silence, or a drop)")),
  SENT_VIDEO(req(BOOLEAN, "Sent camera video")),
  SCREEN_SHARES(req(INT, "Screen shares started (screenShareStart)")),
  FEEDBACK_RATING(opt(INT, "overallRating it sent, 1-5; null without feedback")),
  AUDIO_RATING(opt(INT, "audioQualityRating it sent")),
  VIDEO_RATING(opt(INT, "videoQualityRating it sent")),
  PRECALL_TEST(req(BOOLEAN, "It ran a pre-call test (precalltest with its ucID) before joining")),
  CLIENT_CLOCK_OFFSET_MS(req(LONG, "Client clock minus true time, ms: body timestamps are true time plus this")),
  CLOCK_SKEWED(req(BOOLEAN, "Its clock offset is injected dirt (hours off), not the normal sub-second drift")),
  IMPAIRMENTS(req(STRINGS, "Kinds of the impairment episodes injected on it (distinct, sorted)"));

  private final ColumnInfo info;

  ParticipantTruthCol(ColumnInfo info) {
    this.info = info;
  }

  @Override
  public ColumnInfo info() {
    return info;
  }
}

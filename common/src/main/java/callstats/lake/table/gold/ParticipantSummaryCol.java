package callstats.lake.table.gold;

import static callstats.lake.table.ColumnInfo.opt;
import static callstats.lake.table.ColumnInfo.req;
import static callstats.lake.table.Types.BOOLEAN;
import static callstats.lake.table.Types.DOUBLE;
import static callstats.lake.table.Types.INT;
import static callstats.lake.table.Types.LONG;
import static callstats.lake.table.Types.STRING;
import static callstats.lake.table.Types.TIMESTAMP;

import callstats.lake.table.ColumnDef;
import callstats.lake.table.ColumnInfo;
import callstats.lake.table.Types;

/** Columns of {@code gold.participant_summary}: one row per user session (endpoint) in a call. */
public enum ParticipantSummaryCol implements ColumnDef {
  CALL_DATE(req(Types.DATE, GoldColumns.CALL_DATE)),
  APP_ID(req(STRING, GoldColumns.APP_ID)),
  CONF_ID(req(STRING, GoldColumns.CONF_ID)),
  UC_ID(req(STRING, GoldColumns.UC_ID)),
  USER_ID(opt(STRING, GoldColumns.USER_ID)),
  DEVICE_ID(opt(STRING, "Device id")),
  DIALECT(req(STRING, "callstats or rtcstats")),
  ENDPOINT_TYPE(opt(STRING, "peer or server")),
  CLIENT_KIND(opt(STRING, "browser, native or server")),
  BROWSER(opt(STRING, "Browser name")),
  BROWSER_VERSION(opt(STRING, "Browser version")),
  BROWSER_MAJOR(opt(STRING, "Browser major version")),
  SDK(opt(STRING, "Native SDK name")),
  SDK_VERSION(opt(STRING, "Native SDK version")),
  OS(opt(STRING, "Operating system")),
  OS_VERSION(opt(STRING, "Operating system version")),
  APP_VERSION(opt(STRING, "App version")),
  SITE_ID(opt(STRING, "Site id")),
  CUSTOMER_ID(opt(STRING, "additionalIDs.customerID")),
  TENANT_ID(opt(STRING, "additionalIDs.tenantID")),
  PRODUCT_NAME(opt(STRING, "additionalIDs.productName")),
  COUNTRY(opt(STRING, "Country (ISO 3166-1 alpha-2)")),
  REGION(opt(STRING, "Region within the country")),
  ASN(opt(LONG, "Autonomous system number")),
  ISP(opt(STRING, "Internet service provider")),
  NETWORK_TYPE(opt(STRING, "Network type used most: wifi, ethernet, cellular...")),
  JOIN_TS(req(TIMESTAMP, "When the user joined (userJoined, else the first record; corrected client clock, UTC)")),
  LEAVE_TS(req(TIMESTAMP, "When the user left (user/left, else the last record; corrected client clock, UTC)")),
  TIME_IN_CALL_S(req(DOUBLE, "leave_ts - join_ts, s: from the first join to the last leave, so the gaps of a "
      + "participant who left and rejoined, or dropped and came back, count as time in call")),
  CLOCK_CORRECTION_MS(req(LONG, "Correction applied to this client's clock, ms (0 unless it was off by more than "
      + "normalise.clock-skew-flag-seconds)")),
  CONNECTIONS(req(LONG, "Peer connections of the session")),
  CONNECTIONS_FAILED(req(LONG, "Connections whose setup failed")),
  CONNECTIONS_DROPPED(req(LONG, "Connections that dropped")),
  CONNECTED(req(BOOLEAN, "True if at least one connection of the session was established")),
  REJOINS(req(LONG, "Connections re-established to the same remote end after a drop or termination (churn)")),
  RELAY_USED(req(BOOLEAN, "True if any connection went through a TURN relay")),
  RELAY_PROTOCOL(opt(STRING, "udp, tcp or tls of the relay used most")),
  AUDIO_SCORE(opt(DOUBLE, "Received audio: time-weighted mean MOS of the inbound audio intervals (E-model)")),
  AUDIO_SCORE_WORST(opt(DOUBLE, "Received audio: worst one-minute mean MOS")),
  VIDEO_SCORE(opt(DOUBLE, "Received video: time-weighted mean video score (1-5)")),
  VIDEO_SCORE_WORST(opt(DOUBLE, "Received video: worst one-minute mean score")),
  MINUTES_SCORED(req(LONG, "Minutes with a receive-side score")),
  AUDIO_MINUTES_GOOD(req(LONG, "Minutes whose mean received audio MOS was good (see docs/quality-scores.md)")),
  AUDIO_MINUTES_FAIR(req(LONG, "Minutes whose mean received audio MOS was fair")),
  AUDIO_MINUTES_POOR(req(LONG, "Minutes whose mean received audio MOS was poor")),
  VIDEO_MINUTES_GOOD(req(LONG, "Minutes whose mean received video score was good")),
  VIDEO_MINUTES_FAIR(req(LONG, "Minutes whose mean received video score was fair")),
  VIDEO_MINUTES_POOR(req(LONG, "Minutes whose mean received video score was poor")),
  PCT_MINUTES_BELOW_FAIR(opt(DOUBLE, "Share of scored minutes in which audio or video was below fair, percent")),
  ONE_WAY_MEDIA(req(BOOLEAN, "True if the session sent media but received none, or received but sent none, on a "
      + "connected connection (or the client reported oneWayMedia)")),
  MUTE_S(req(DOUBLE, "Seconds the user's audio was muted, s")),
  DOMINANT_SPEAKER_S(req(DOUBLE, "Seconds the user was the dominant speaker, s")),
  PRECALL_RTT_MS(opt(DOUBLE, "RTT of the last pre-call test before the join (within 10 minutes), ms")),
  PRECALL_THROUGHPUT_KBPS(opt(DOUBLE, "Throughput of that pre-call test, kbit/s")),
  PRECALL_LOSS_PCT(opt(DOUBLE, "Loss of that pre-call test, percent")),
  FEEDBACK_RATING(opt(INT, "Overall rating the user gave (the last one), 1-5")),
  ISSUES(req(LONG, "Issues detected for this session (its streams, connections and itself)")),
  MODEL_VERSION(req(STRING, GoldColumns.MODEL_VERSION));

  private final ColumnInfo info;

  ParticipantSummaryCol(ColumnInfo info) {
    this.info = info;
  }

  @Override
  public ColumnInfo info() {
    return info;
  }
}

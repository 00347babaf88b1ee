package callstats.lake.table.gold;

import static callstats.lake.table.ColumnInfo.opt;
import static callstats.lake.table.ColumnInfo.req;
import static callstats.lake.table.Types.DOUBLE;
import static callstats.lake.table.Types.INT;
import static callstats.lake.table.Types.LONG;
import static callstats.lake.table.Types.STRING;
import static callstats.lake.table.Types.TIMESTAMP;

import callstats.lake.table.ColumnDef;
import callstats.lake.table.ColumnInfo;
import callstats.lake.table.Types;

/** Columns of {@code gold.stream_summary}: one row per media stream as one endpoint saw it. */
public enum StreamSummaryCol implements ColumnDef {
  CALL_DATE(req(Types.DATE, GoldColumns.CALL_DATE)),
  APP_ID(req(STRING, GoldColumns.APP_ID)),
  CONF_ID(req(STRING, GoldColumns.CONF_ID)),
  UC_ID(req(STRING, GoldColumns.UC_ID)),
  USER_ID(opt(STRING, GoldColumns.USER_ID)),
  CONNECTION_ID(req(STRING, GoldColumns.CONNECTION_ID)),
  REMOTE_ID(opt(STRING, "The other end of the connection (a user, or the SFU)")),
  SSRC(req(LONG, "RTP synchronisation source")),
  DIRECTION(req(STRING, "inbound (this endpoint received the stream) or outbound (it sent it)")),
  KIND(req(STRING, "audio or video")),
  MEDIA_TYPE(req(STRING, "audio, video or screen")),
  RID(opt(STRING, "Simulcast layer of an outbound stream")),
  CODEC(opt(STRING, "Codec mime type (the last one reported)")),
  FIRST_SAMPLE_TS(req(TIMESTAMP, "First sample of the stream (corrected client clock, UTC)")),
  LAST_SAMPLE_TS(req(TIMESTAMP, "Last sample of the stream (corrected client clock, UTC)")),
  SAMPLES(req(LONG, "getStats samples of the stream")),
  ACTIVE_S(req(DOUBLE, "Seconds of intervals in which packets flowed, s")),
  PACKETS(req(LONG, "Packets received (inbound) or sent (outbound)")),
  BYTES(req(LONG, "Payload bytes received (inbound) or sent (outbound)")),
  PACKETS_LOST(req(LONG, "Packets lost: as the receiver reported (inbound), or as the far end reported in "
      + "remote-inbound-rtp (outbound)")),
  LOSS_PCT(opt(DOUBLE, "packets_lost / (packets received + packets_lost), percent")),
  BURST_LOSS_PCT(opt(DOUBLE, "Share of the lost packets that fell in intervals whose loss exceeded the high-loss "
      + "threshold, percent: high when loss comes in bursts")),
  MAX_INTERVAL_LOSS_PCT(opt(DOUBLE, "Highest loss of any ~10 s interval, percent")),
  BITRATE_MEAN_KBPS(opt(DOUBLE, "Bytes of the observed intervals x 8 / active seconds, kbit/s")),
  BITRATE_P95_KBPS(opt(DOUBLE, "95th percentile of interval bitrates (nearest rank), kbit/s")),
  JITTER_MEAN_MS(opt(DOUBLE, "Mean of the sampled interarrival jitter, ms")),
  JITTER_P95_MS(opt(DOUBLE, "95th percentile of sampled jitter, ms")),
  RTT_MEAN_MS(opt(DOUBLE, "Mean round-trip time: RTCP (remote-inbound for outbound streams), else the connection's "
      + "candidate-pair RTT at the same sample, ms")),
  RTT_P95_MS(opt(DOUBLE, "95th percentile of the round-trip time, ms")),
  FRAME_WIDTH_MAX(opt(INT, "Largest frame width seen, px")),
  FRAME_HEIGHT_MIN(opt(INT, "Smallest frame height seen, px")),
  FRAME_HEIGHT_MODE(opt(INT, "Frame height held for the most time, px")),
  FRAME_HEIGHT_MAX(opt(INT, "Largest frame height seen, px")),
  FPS_MEAN(opt(DOUBLE, "Frames decoded (inbound) or encoded (outbound) per active second, fps")),
  FPS_P5(opt(DOUBLE, "5th percentile of interval frame rates, fps")),
  FRAMES_DROPPED(opt(LONG, "Frames dropped (inbound video)")),
  FREEZE_COUNT(opt(LONG, "Video freezes (inbound video)")),
  FREEZE_S(opt(DOUBLE, "Total seconds frozen (inbound video), s")),
  PAUSE_S(opt(DOUBLE, "Total seconds paused (inbound video), s")),
  QL_BANDWIDTH_PCT(opt(DOUBLE, "Share of the time the encoder was limited by bandwidth, percent (outbound video)")),
  QL_CPU_PCT(opt(DOUBLE, "Share of the time the encoder was limited by CPU, percent (outbound video)")),
  QL_OTHER_PCT(opt(DOUBLE, "Share of the time the encoder was limited for other reasons, percent (outbound video)")),
  NACK_COUNT(opt(LONG, "NACKs sent (inbound) or received (outbound)")),
  PLI_COUNT(opt(LONG, "Picture loss indications sent (inbound) or received (outbound)")),
  CONCEALMENT_PCT(opt(DOUBLE, "Concealed / received audio samples, percent (inbound audio)")),
  JITTER_BUFFER_DELAY_MS(opt(DOUBLE, "Mean jitter buffer delay per emitted sample or frame, ms (inbound)")),
  QUALITY_SCORE(opt(DOUBLE, "Time-weighted mean of the interval scores: audio MOS (1-4.5, E-model) or video score "
      + "(1-5); inbound streams only")),
  QUALITY_SCORE_MIN(opt(DOUBLE, "Worst interval score")),
  QUALITY_BAND(opt(STRING, "good, fair or poor, from quality_score")),
  COUNTER_RESETS(req(LONG, "Intervals in which the stream's counters restarted (connection restarts)")),
  MODEL_VERSION(req(STRING, GoldColumns.MODEL_VERSION));

  private final ColumnInfo info;

  StreamSummaryCol(ColumnInfo info) {
    this.info = info;
  }

  @Override
  public ColumnInfo info() {
    return info;
  }
}

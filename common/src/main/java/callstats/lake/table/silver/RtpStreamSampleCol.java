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

/** Columns of {@code silver.rtp_stream_samples}: one row per getStats sample per RTP stream per connection. */
public enum RtpStreamSampleCol implements ColumnDef {
  DATE(req(Types.DATE, SilverColumns.DATE)),
  APP_ID(req(STRING, SilverColumns.APP_ID)),
  CONF_ID(req(STRING, SilverColumns.CONF_ID)),
  UC_ID(req(STRING, SilverColumns.UC_ID)),
  USER_ID(opt(STRING, SilverColumns.USER_ID)),
  DEVICE_ID(opt(STRING, SilverColumns.DEVICE_ID)),
  ORIGIN_ID(opt(STRING, SilverColumns.ORIGIN_ID)),
  CONNECTION_ID(req(STRING, SilverColumns.CONNECTION_ID)),
  REMOTE_ID(opt(STRING, SilverColumns.REMOTE_ID)),
  DIALECT(req(STRING, SilverColumns.DIALECT)),
  STATS_ID(req(STRING, "getStats report id (opaque, browser specific)")),
  SSRC(req(LONG, "RTP synchronisation source of the stream")),
  KIND(req(STRING, "Media kind: audio or video")),
  MEDIA_TYPE(req(STRING, "audio, video or screen (video whose contentType is screenshare)")),
  DIRECTION(req(STRING, "inbound (we receive), outbound (we send), remote-inbound (the far end's report on what we send), "
      + "remote-outbound (the far end's report on what it sends us)")),
  MID(opt(STRING, "Media id of the transceiver (mid)")),
  RID(opt(STRING, "Simulcast layer id (rid) of an outbound stream, if simulcast")),
  SAMPLE_TS(req(TIMESTAMP, "Time of the sample (report timestamp, client clock, UTC)")),
  RECEIVED_AT(req(TIMESTAMP, SilverColumns.RECEIVED_AT)),
  PACKETS_SENT(opt(LONG, "Cumulative RTP packets sent (outbound, remote-outbound)")),
  BYTES_SENT(opt(LONG, "Cumulative payload bytes sent (outbound, remote-outbound)")),
  PACKETS_RECEIVED(opt(LONG, "Cumulative RTP packets received (inbound, remote-inbound)")),
  BYTES_RECEIVED(opt(LONG, "Cumulative payload bytes received (inbound)")),
  PACKETS_LOST(opt(LONG, "Cumulative packets lost as reported (inbound, remote-inbound); can be negative with duplicates")),
  FRACTION_LOST(opt(DOUBLE, "Fraction lost in the last RTCP interval, 0-1 (remote-inbound)")),
  JITTER_MS(opt(DOUBLE, "Interarrival jitter, ms (inbound, remote-inbound)")),
  ROUND_TRIP_TIME_MS(opt(DOUBLE, "Latest RTCP round-trip time, ms (remote-inbound, remote-outbound)")),
  TOTAL_ROUND_TRIP_TIME_S(opt(DOUBLE, "Cumulative sum of RTCP round-trip times, s")),
  ROUND_TRIP_TIME_MEASUREMENTS(opt(LONG, "Cumulative number of RTCP round-trip time measurements")),
  NACK_COUNT(opt(LONG, "Cumulative NACKs sent (inbound) or received (outbound)")),
  PLI_COUNT(opt(LONG, "Cumulative picture loss indications sent (inbound) or received (outbound)")),
  FIR_COUNT(opt(LONG, "Cumulative full intra requests")),
  RETRANSMITTED_PACKETS_SENT(opt(LONG, "Cumulative retransmitted packets sent (outbound)")),
  FRAMES_DECODED(opt(LONG, "Cumulative frames decoded (inbound video)")),
  FRAMES_DROPPED(opt(LONG, "Cumulative frames dropped before decode or render (inbound video)")),
  FRAMES_RECEIVED(opt(LONG, "Cumulative frames received (inbound video)")),
  FRAMES_ENCODED(opt(LONG, "Cumulative frames encoded (outbound video)")),
  FRAMES_SENT(opt(LONG, "Cumulative frames sent (outbound video)")),
  KEY_FRAMES(opt(LONG, "Cumulative key frames decoded (inbound) or encoded (outbound)")),
  FRAME_WIDTH(opt(INT, "Width of the last frame, pixels")),
  FRAME_HEIGHT(opt(INT, "Height of the last frame, pixels")),
  FRAMES_PER_SECOND(opt(DOUBLE, "Frame rate reported by the browser for the last second, fps")),
  FREEZE_COUNT(opt(LONG, "Cumulative video freezes (inbound video)")),
  TOTAL_FREEZES_DURATION_S(opt(DOUBLE, "Cumulative duration of video freezes, s")),
  PAUSE_COUNT(opt(LONG, "Cumulative video pauses (inbound video)")),
  TOTAL_PAUSES_DURATION_S(opt(DOUBLE, "Cumulative duration of video pauses, s")),
  TOTAL_SAMPLES_RECEIVED(opt(LONG, "Cumulative audio samples received (inbound audio)")),
  CONCEALED_SAMPLES(opt(LONG, "Cumulative concealed audio samples (inbound audio)")),
  SILENT_CONCEALED_SAMPLES(opt(LONG, "Cumulative concealed samples that were silent (inbound audio)")),
  CONCEALMENT_EVENTS(opt(LONG, "Cumulative concealment events (inbound audio)")),
  JITTER_BUFFER_DELAY_S(opt(DOUBLE, "Cumulative jitter buffer delay, s (divide by jitter_buffer_emitted_count)")),
  JITTER_BUFFER_EMITTED_COUNT(opt(LONG, "Cumulative samples or frames emitted by the jitter buffer")),
  AUDIO_LEVEL(opt(DOUBLE, "Audio level of the last packet, 0-1")),
  TARGET_BITRATE_KBPS(opt(DOUBLE, "Encoder target bitrate, kbit/s (outbound)")),
  QUALITY_LIMITATION_REASON(opt(STRING, "Why the encoder is limited now: none, bandwidth, cpu, other (outbound video)")),
  QL_BANDWIDTH_S(opt(DOUBLE, "Cumulative time limited by bandwidth, s (qualityLimitationDurations.bandwidth)")),
  QL_CPU_S(opt(DOUBLE, "Cumulative time limited by CPU, s (qualityLimitationDurations.cpu)")),
  QL_OTHER_S(opt(DOUBLE, "Cumulative time limited for other reasons, s (qualityLimitationDurations.other)")),
  QL_NONE_S(opt(DOUBLE, "Cumulative time not limited, s (qualityLimitationDurations.none)")),
  QUALITY_LIMITATION_RESOLUTION_CHANGES(opt(LONG, "Cumulative resolution changes caused by quality limitation")),
  TOTAL_ENCODE_TIME_S(opt(DOUBLE, "Cumulative encode time, s (outbound video)")),
  TOTAL_DECODE_TIME_S(opt(DOUBLE, "Cumulative decode time, s (inbound video)")),
  CODEC(opt(STRING, "Codec mime type, e.g. audio/opus, video/VP8 (via codecId)")),
  ENCODER_IMPLEMENTATION(opt(STRING, "Encoder implementation (outbound)")),
  DECODER_IMPLEMENTATION(opt(STRING, "Decoder implementation (inbound)")),
  INTERVAL_S(opt(DOUBLE, "Seconds since the previous sample of the same stream in this landing date; null for the first")),
  DELTA_PACKETS(opt(LONG, "Packets (received for inbound and remote-inbound, sent otherwise) in the interval")),
  DELTA_BYTES(opt(LONG, "Bytes (received for inbound, sent otherwise) in the interval")),
  DELTA_PACKETS_LOST(opt(LONG, "Packets lost in the interval; never negative (a negative change is flagged)")),
  DELTA_FRAMES(opt(LONG, "Frames decoded (inbound) or encoded (outbound) in the interval")),
  DELTA_CONCEALED_SAMPLES(opt(LONG, "Concealed audio samples in the interval")),
  DELTA_TOTAL_SAMPLES(opt(LONG, "Audio samples received in the interval")),
  BITRATE_KBPS(opt(DOUBLE, "Payload bitrate over the interval, kbit/s")),
  PACKET_RATE(opt(DOUBLE, "Packets per second over the interval")),
  LOSS_PCT(opt(DOUBLE, "Packets lost / (received + lost) in the interval, percent (inbound, remote-inbound)")),
  FRAME_RATE(opt(DOUBLE, "Frames decoded or encoded per second over the interval, fps")),
  CONCEALMENT_PCT(opt(DOUBLE, "Concealed / received audio samples in the interval, percent")),
  FLAGS(req(STRINGS, "Data-quality flags: first_sample, counter_reset, counter_wrap, negative_loss, duplicate_timestamp, "
      + "out_of_order, numbers_as_strings, clock_skew")),
  SOURCE_FILE(req(STRING, SilverColumns.SOURCE_FILE)),
  LINE_NUMBER(req(LONG, SilverColumns.LINE_NUMBER)),
  RECORD_ID(req(STRING, SilverColumns.RECORD_ID));

  private final ColumnInfo info;

  RtpStreamSampleCol(ColumnInfo info) {
    this.info = info;
  }

  @Override
  public ColumnInfo info() {
    return info;
  }
}

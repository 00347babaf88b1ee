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

/**
 * Columns of {@code truth.streams}: one row per leg of an RTP stream. A p2p stream has one leg (peer); a stream
 * sent to an SFU has one to_sfu leg per simulcast layer and one via_sfu leg per receiver. Counters are summed
 * over the counter resets (ICE restarts, injected resets) and taken at the leg's last stats sample.
 */
public enum StreamTruthCol implements ColumnDef {
  DATE(req(Types.DATE, TruthColumns.DATE)),
  APP_ID(req(STRING, TruthColumns.APP_ID)),
  CONF_ID(req(STRING, TruthColumns.CONF_ID)),
  SSRC(req(LONG, "RTP ssrc: the sender's outbound-rtp ssrc; for via_sfu the sender's first (primary) layer")),
  KIND(req(STRING, "audio or video")),
  MEDIA_TYPE(req(STRING, "audio, video or screen (video with contentType screenshare)")),
  RID(opt(STRING, "Simulcast layer of a to_sfu leg: q, h or f; null otherwise")),
  SIMULCAST(req(BOOLEAN, "The sender sent the track as simulcast layers")),
  LEG(req(STRING, "peer (p2p, sender to receiver), to_sfu (sender to the SFU, as the sender's outbound-rtp and "
      + "remote-inbound-rtp report it), via_sfu (sender through the SFU to a receiver, as its inbound-rtp reports it)")),
  CODEC(req(STRING, "Codec mimeType, e.g. audio/opus, video/VP8")),
  SENDER_UC_ID(req(STRING, "ucID of the sender")),
  SENDER_USER_ID(req(STRING, "User id of the sender")),
  SENDER_CONNECTION_ID(req(STRING, "connectionID on which the sender sends the stream")),
  RECEIVER_UC_ID(opt(STRING, "ucID of the receiver; null for to_sfu")),
  RECEIVER_USER_ID(opt(STRING, "User id of the receiver; null for to_sfu")),
  RECEIVER_CONNECTION_ID(opt(STRING, "connectionID on which the receiver receives it; null for to_sfu")),
  START_TS(req(TIMESTAMP, "First packet of the leg" + TruthColumns.TRUE_TIME)),
  END_TS(req(TIMESTAMP, "Last stats sample of the leg (the reporting side: the receiver, or the sender for to_sfu)")),
  DURATION_S(req(DOUBLE, "end_ts - start_ts, s")),
  SAMPLES(req(INT, "stats samples of the reporting side that carry the leg")),
  PACKETS_SENT(req(LONG, "Packets the sender sent on the leg up to end_ts (for peer and via_sfu: received + lost)")),
  PACKETS_RECEIVED(req(LONG, "Packets received: the receiver's inbound-rtp packetsReceived; for to_sfu, "
      + "packets_sent - packets_lost")),
  PACKETS_LOST(req(LONG, "Packets lost: the receiver's inbound-rtp packetsLost; for to_sfu the sender's "
      + "remote-inbound-rtp packetsLost")),
  BYTES_SENT(req(LONG, "Payload bytes the sender sent on the leg up to end_ts")),
  BYTES_RECEIVED(opt(LONG, "Payload bytes received: inbound-rtp bytesReceived; null for to_sfu")),
  INJECTED_LOSS_PCT(req(DOUBLE, "Expected loss: 100 * sum(packets_s * p_s) / sum(packets_s) over the leg's seconds s, "
      + "where p_s is the loss probability the simulator applied (network, loss episodes, bursts; 1 during an outage)")),
  REALISED_LOSS_PCT(opt(DOUBLE, "100 * packets_lost / (packets_received + packets_lost); null without packets")),
  MEAN_RTT_MS(opt(DOUBLE, "peer and to_sfu: mean of the sender's remote-inbound-rtp roundTripTime over the sender's "
      + "samples, ms; via_sfu: mean of the receiver's candidate-pair currentRoundTripTime over the leg's samples "
      + "(null where not reported)")),
  MEAN_JITTER_MS(opt(DOUBLE, "peer and via_sfu: mean of the receiver's inbound-rtp jitter over the leg's samples, ms; "
      + "to_sfu: mean of the remote-inbound-rtp jitter")),
  MEAN_BITRATE_KBPS(req(DOUBLE, "8 * bytes (received; sent for to_sfu) / duration_s / 1000, kbit/s")),
  FREEZE_COUNT(opt(LONG, "inbound-rtp freezeCount (video receiver legs)")),
  FREEZE_S(opt(DOUBLE, "inbound-rtp totalFreezesDuration, s (video receiver legs)")),
  PAUSE_S(opt(DOUBLE, "inbound-rtp totalPausesDuration, s (video receiver legs)")),
  FRAMES(opt(LONG, "Video frames decoded (receiver legs) or encoded (to_sfu)")),
  CONCEALMENT_PCT(opt(DOUBLE, "100 * concealedSamples / totalSamplesReceived (audio receiver legs)")),
  IMPAIRMENTS(req(STRINGS, "Kinds of impairment episodes that overlapped the leg on its sender or receiver")),
  ONE_WAY(req(BOOLEAN, "A one-way media episode blocked the leg at some point (oneWayMedia was reported)"));

  private final ColumnInfo info;

  StreamTruthCol(ColumnInfo info) {
    this.info = info;
  }

  @Override
  public ColumnInfo info() {
    return info;
  }
}

package callstats.lake.table.gold;

import static callstats.lake.table.ColumnInfo.opt;
import static callstats.lake.table.ColumnInfo.req;
import static callstats.lake.table.Types.DOUBLE;
import static callstats.lake.table.Types.INT;
import static callstats.lake.table.Types.LONG;
import static callstats.lake.table.Types.STRING;

import callstats.lake.table.ColumnDef;
import callstats.lake.table.ColumnInfo;
import callstats.lake.table.Types;

/**
 * Columns of {@code gold.rtcstats_track_features}: one row per sender and per receiver track of a peer
 * connection, the entries of rtcstats-server's {@code tracks.senderTracks} / {@code receiverTracks}
 * (docs/rtcstats-features.md section 6). A stream sampled both ways (Q12, Q13) has two rows.
 */
public enum RtcstatsTrackFeatureCol implements ColumnDef {
  DATE(req(Types.DATE, RtcstatsFeatureColumns.DATE)),
  APP_ID(req(STRING, RtcstatsFeatureColumns.APP_ID)),
  CONF_ID(req(STRING, RtcstatsFeatureColumns.CONF_ID)),
  DUMP_ID(req(STRING, RtcstatsFeatureColumns.DUMP_ID)),
  PC_ID(req(STRING, RtcstatsFeatureColumns.PC_ID)),
  DIRECTION(req(STRING, "sender (senderTracks) or receiver (receiverTracks)")),
  TRACK_INDEX(req(INT, "Position in the reference's senderTracks or receiverTracks array, from 0 (ascending ssrc)")),
  SSRC(opt(LONG, "RTP synchronisation source; null if not numeric")),
  MEDIA_TYPE(opt(STRING, "audio, video, video/camera or video/desktop (kind plus setVideoType)")),
  PACKETS(opt(LONG, "packets: the last packet count (sent, or received)")),
  PACKETS_LOST(opt(LONG, "packetsLost: the last loss count; null when the report had none (Q14)")),
  PACKETS_LOST_PCT(opt(DOUBLE, "packetsLostPct: lost / packets, percent, 2 decimals")),
  PACKETS_LOST_VARIANCE(opt(DOUBLE, "packetsLostVariance: population variance of the per-sample loss "
      + "increments, packets squared, unrounded")),
  CONCEALED_PCT(opt(DOUBLE, "concealedPercentage: concealed / total audio samples at the last sample, percent, "
      + "2 decimals")),
  START_MS(opt(LONG, "startTime: ts of the track's first sample (or setVideoType announcement), epoch ms")),
  END_MS(opt(LONG, "endTime: ts of the track's last sample (or of the video-type change that ended it), epoch ms")),
  SOURCE_FILE(req(STRING, RtcstatsFeatureColumns.SOURCE_FILE));

  private final ColumnInfo info;

  RtcstatsTrackFeatureCol(ColumnInfo info) {
    this.info = info;
  }

  @Override
  public ColumnInfo info() {
    return info;
  }
}

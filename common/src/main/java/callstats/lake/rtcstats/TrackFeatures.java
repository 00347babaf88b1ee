package callstats.lake.rtcstats;

/**
 * One sender or receiver track of one connection, typed for a gold table row (docs/rtcstats-features.md 6.5). A track
 * sampled both as sender and receiver (Q12, Q13) gives two rows.
 *
 * @param dumpId the dump's id
 * @param pcId the peer-connection key
 * @param ssrc the RTP synchronisation source, as a number (null if not numeric)
 * @param direction "sender" or "receiver"
 * @param mediaType audio, video, video/camera or video/desktop
 * @param packets last packet count (sent, or received)
 * @param packetsLost last loss count, null when the report had none (Firefox senders, Q14)
 * @param packetsLostPct lost / packets, percent, 2 decimals
 * @param packetsLostVariance population variance of the per-sample loss increments
 * @param concealedPercentage concealed / total audio samples at the last sample, percent, 2 decimals
 * @param startMs ts of the track's first sample (or of its setVideoType announcement)
 * @param endMs ts of the track's last sample (or of the video-type change that ended it)
 */
public record TrackFeatures(String dumpId, String pcId, Long ssrc, String direction, String mediaType, Long packets,
    Long packetsLost, Double packetsLostPct, Double packetsLostVariance, Double concealedPercentage, Long startMs,
    Long endMs) {

  public static final String SENDER = "sender";
  public static final String RECEIVER = "receiver";
}

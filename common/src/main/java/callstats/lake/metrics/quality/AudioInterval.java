package callstats.lake.metrics.quality;

/**
 * What {@link AudioQuality} needs to know about one received audio stream over one interval (the jobs
 * use 10-second intervals). Values are taken as measured; {@link AudioQuality} says how each missing
 * value (NaN, infinite or negative) is read.
 *
 * @param codec the codec; null is read as {@link AudioCodec#OTHER}
 * @param lossPct packets lost / (received + lost) in the interval, percent
 * @param burstRatio G.107 BurstR: mean observed loss-burst length over the mean expected for random loss;
 *     1 when unknown
 * @param rttMs round-trip time, ms; half of it is taken as the one-way network delay
 * @param jitterBufferDelayMs mean delay of the receiver's jitter buffer in the interval, ms
 * @param fixedDelayMs delay not seen in RTT or jitter buffer: packetisation, codec look-ahead,
 *     processing, ms ({@link AudioQuality#DEFAULT_FIXED_DELAY_MS} unless configured)
 * @param bitrateKbps received audio payload bitrate, kbit/s (used for Opus only)
 */
public record AudioInterval(AudioCodec codec, double lossPct, double burstRatio, double rttMs,
    double jitterBufferDelayMs, double fixedDelayMs, double bitrateKbps) {

  public AudioInterval {
    codec = codec == null ? AudioCodec.OTHER : codec;
  }

  /**
   * An interval with random loss (BurstR = 1) and the default fixed delay.
   *
   * @param mimeType codec mime type as getStats reports it, e.g. {@code audio/opus}
   */
  public static AudioInterval of(String mimeType, double lossPct, double rttMs, double jitterBufferDelayMs,
      double bitrateKbps) {
    return new AudioInterval(AudioCodec.fromMimeType(mimeType), lossPct, 1.0, rttMs, jitterBufferDelayMs,
        AudioQuality.DEFAULT_FIXED_DELAY_MS, bitrateKbps);
  }

  /** This interval with another burst ratio. */
  public AudioInterval withBurstRatio(double value) {
    return new AudioInterval(codec, lossPct, value, rttMs, jitterBufferDelayMs, fixedDelayMs, bitrateKbps);
  }

  /** This interval with another fixed delay, ms. */
  public AudioInterval withFixedDelayMs(double value) {
    return new AudioInterval(codec, lossPct, burstRatio, rttMs, jitterBufferDelayMs, value, bitrateKbps);
  }
}

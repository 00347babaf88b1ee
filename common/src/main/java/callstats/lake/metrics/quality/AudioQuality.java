package callstats.lake.metrics.quality;

/**
 * The audio quality score of the project: an ITU-T G.107 E-model R-factor per interval of a received
 * audio stream, mapped to MOS 1 to 4.5. It uses what WebRTC getStats reports (loss, RTT, jitter buffer
 * delay, codec, bitrate), not the signal, so it estimates network and codec effects only: echo, noise,
 * level and device problems are outside it. See {@link EModel} for the formulas and {@link AudioCodec}
 * for the codec values; {@code docs/quality-scores.md} has worked examples.
 *
 * <p>Missing inputs (NaN, infinite, negative) never produce NaN. Loss, RTT, jitter buffer delay and fixed
 * delay count as 0 (no evidence of impairment); a burst ratio below 1 counts as 1 (random loss); an
 * Opus bitrate that is missing or 0 counts as libwebrtc's default rate. Loss above 100 % counts as 100 %.
 *
 * <p>Cost: a handful of floating-point operations per interval; no allocation beyond the result.
 */
public final class AudioQuality {

  /** Written by jobs to the {@code *_model_version} column next to every audio score. */
  public static final String MODEL_VERSION = "audio-emodel-1";

  /**
   * Fixed delay added to RTT / 2 and the jitter buffer delay, ms: one 20 ms packet of packetisation, the
   * frame size WebRTC uses for Opus and G.711. Capture and playout device buffers are not included.
   */
  public static final double DEFAULT_FIXED_DELAY_MS = 20.0;

  private AudioQuality() {
  }

  /** The E-model score of one interval. */
  public static AudioScore score(AudioInterval in) {
    double ta = oneWayDelayMs(in);
    double idd = EModel.delayImpairment(ta);
    AudioCodec codec = in.codec();
    double ie = codec.equipmentImpairment(in.bitrateKbps());
    double bpl = codec.packetLossRobustness();
    double ieEff = EModel.effectiveEquipmentImpairment(ie, bpl, in.lossPct(), in.burstRatio());
    double r = EModel.rating(idd, ieEff);
    return new AudioScore(r, EModel.mosFromR(r), ta, idd, ie, bpl, ieEff);
  }

  /**
   * Ta, the one-way mouth-to-ear delay the score assumes: RTT / 2 + jitter buffer delay + fixed delay, ms,
   * each missing part counting as 0, the sum capped at {@link EModel#MAX_DELAY_MS}.
   */
  public static double oneWayDelayMs(AudioInterval in) {
    double ta = Inputs.orElse(in.rttMs(), 0.0) / 2.0
        + Inputs.orElse(in.jitterBufferDelayMs(), 0.0)
        + Inputs.orElse(in.fixedDelayMs(), 0.0);
    return Math.min(ta, EModel.MAX_DELAY_MS);
  }
}

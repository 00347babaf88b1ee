package callstats.lake.metrics.quality;

import callstats.lake.config.ConfigError;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The thresholds at which an interval of a stream raises an issue, read once from the HOCON section
 * {@code callstats-lake.summarise.thresholds} and immutable after. Each {@code is...} method is the one
 * definition of its issue, including whether the threshold itself counts. A NaN measurement never raises
 * an issue. The defaults and their sources are in {@code docs/quality-scores.md}.
 *
 * @param highLossPct loss above this percentage of packets is high (key {@value #HIGH_LOSS_PCT})
 * @param highRttMs round-trip time at or above this is high, ms (key {@value #HIGH_RTT_MS})
 * @param highJitterMs interarrival jitter at or above this is high, ms (key {@value #HIGH_JITTER_MS})
 * @param lowVideoBpp effective bits per pixel per frame below this is a low video bitrate
 *     (key {@value #LOW_VIDEO_BPP})
 * @param bandwidthLimitedPct limited by bandwidth for at least this percentage of the interval
 *     (key {@value #BANDWIDTH_LIMITED_PCT})
 * @param cpuLimitedPct limited by CPU for at least this percentage of the interval (key {@value #CPU_LIMITED_PCT})
 * @param lowFrameRateFps camera video below this frame rate is low, fps (key {@value #LOW_FRAME_RATE_FPS})
 * @param lowScreenFrameRateFps screen share below this frame rate is low, fps
 *     (key {@value #LOW_SCREEN_FRAME_RATE_FPS})
 * @param videoFreezePct video frozen for at least this percentage of the interval (key {@value #VIDEO_FREEZE_PCT})
 * @param audioConcealmentPct concealed audio above this percentage of samples
 *     (key {@value #AUDIO_CONCEALMENT_PCT})
 * @param lowFeedbackRating a user rating (1 to 5) at or below this is low (key {@value #LOW_FEEDBACK_RATING})
 * @param lowScoreSustainedS a score below fair for at least this long without a break, s
 *     (key {@value #LOW_SCORE_SUSTAINED_S})
 */
public record IssueThresholds(double highLossPct, double highRttMs, double highJitterMs, double lowVideoBpp,
    double bandwidthLimitedPct, double cpuLimitedPct, double lowFrameRateFps, double lowScreenFrameRateFps,
    double videoFreezePct, double audioConcealmentPct, int lowFeedbackRating, double lowScoreSustainedS)
    implements java.io.Serializable {

  /** Name of the section inside {@code callstats-lake.summarise}. */
  public static final String SECTION = "thresholds";

  public static final String HIGH_LOSS_PCT = "high-loss-pct";
  public static final String HIGH_RTT_MS = "high-rtt-ms";
  public static final String HIGH_JITTER_MS = "high-jitter-ms";
  public static final String LOW_VIDEO_BPP = "low-video-bpp";
  public static final String BANDWIDTH_LIMITED_PCT = "bandwidth-limited-pct";
  public static final String CPU_LIMITED_PCT = "cpu-limited-pct";
  public static final String LOW_FRAME_RATE_FPS = "low-frame-rate-fps";
  public static final String LOW_SCREEN_FRAME_RATE_FPS = "low-screen-frame-rate-fps";
  public static final String VIDEO_FREEZE_PCT = "video-freeze-pct";
  public static final String AUDIO_CONCEALMENT_PCT = "audio-concealment-pct";
  public static final String LOW_FEEDBACK_RATING = "low-feedback-rating";
  public static final String LOW_SCORE_SUSTAINED_S = "low-score-sustained-s";

  /** Every key of the section, in declaration order. */
  public static final List<String> KEYS = List.of(HIGH_LOSS_PCT, HIGH_RTT_MS, HIGH_JITTER_MS, LOW_VIDEO_BPP,
      BANDWIDTH_LIMITED_PCT, CPU_LIMITED_PCT, LOW_FRAME_RATE_FPS, LOW_SCREEN_FRAME_RATE_FPS, VIDEO_FREEZE_PCT,
      AUDIO_CONCEALMENT_PCT, LOW_FEEDBACK_RATING, LOW_SCORE_SUSTAINED_S);

  /** The defaults; {@code docs/quality-scores.md} gives the source of each. */
  public static final IssueThresholds DEFAULTS =
      new IssueThresholds(5.0, 250.0, 30.0, 0.02, 50.0, 50.0, 15.0, 2.0, 1.0, 5.0, 2, 30.0);

  public IssueThresholds {
    percent(HIGH_LOSS_PCT, highLossPct);
    atLeastZero(HIGH_RTT_MS, highRttMs);
    atLeastZero(HIGH_JITTER_MS, highJitterMs);
    atLeastZero(LOW_VIDEO_BPP, lowVideoBpp);
    percent(BANDWIDTH_LIMITED_PCT, bandwidthLimitedPct);
    percent(CPU_LIMITED_PCT, cpuLimitedPct);
    atLeastZero(LOW_FRAME_RATE_FPS, lowFrameRateFps);
    atLeastZero(LOW_SCREEN_FRAME_RATE_FPS, lowScreenFrameRateFps);
    percent(VIDEO_FREEZE_PCT, videoFreezePct);
    percent(AUDIO_CONCEALMENT_PCT, audioConcealmentPct);
    if (lowFeedbackRating < 1 || lowFeedbackRating > 5) {
      throw new IllegalArgumentException(
          LOW_FEEDBACK_RATING + " must be a rating from 1 to 5, cannot be: " + lowFeedbackRating);
    }
    if (!(lowScoreSustainedS > 0) || Double.isInfinite(lowScoreSustainedS)) {
      throw new IllegalArgumentException(
          LOW_SCORE_SUSTAINED_S + " must be a number of seconds above 0, cannot be: " + lowScoreSustainedS);
    }
  }

  /**
   * Reads the thresholds section; a key that is absent takes its value from {@link #DEFAULTS}.
   *
   * @param section the {@code thresholds} object, e.g. {@code summarise.getConfig("thresholds")}
   * @throws ConfigError naming the key, the rule and the bad value, for an unknown key, a value of the
   *     wrong type or a value out of range
   */
  public static IssueThresholds from(Config section) {
    Set<String> unknown = new TreeSet<>(section.root().keySet());
    KEYS.forEach(unknown::remove);
    if (!unknown.isEmpty()) {
      throw new ConfigError("unknown key(s) " + unknown + " in " + SECTION + "; the known keys are " + KEYS);
    }
    IssueThresholds d = DEFAULTS;
    try {
      return new IssueThresholds(
          number(section, HIGH_LOSS_PCT, d.highLossPct),
          number(section, HIGH_RTT_MS, d.highRttMs),
          number(section, HIGH_JITTER_MS, d.highJitterMs),
          number(section, LOW_VIDEO_BPP, d.lowVideoBpp),
          number(section, BANDWIDTH_LIMITED_PCT, d.bandwidthLimitedPct),
          number(section, CPU_LIMITED_PCT, d.cpuLimitedPct),
          number(section, LOW_FRAME_RATE_FPS, d.lowFrameRateFps),
          number(section, LOW_SCREEN_FRAME_RATE_FPS, d.lowScreenFrameRateFps),
          number(section, VIDEO_FREEZE_PCT, d.videoFreezePct),
          number(section, AUDIO_CONCEALMENT_PCT, d.audioConcealmentPct),
          section.hasPath(LOW_FEEDBACK_RATING) ? section.getInt(LOW_FEEDBACK_RATING) : d.lowFeedbackRating,
          number(section, LOW_SCORE_SUSTAINED_S, d.lowScoreSustainedS));
    } catch (ConfigException | IllegalArgumentException e) {
      throw new ConfigError("bad value in " + SECTION + ": " + e.getMessage(), e);
    }
  }

  /** Packet loss above {@link #highLossPct}. */
  public boolean isHighLoss(double lossPct) {
    return lossPct > highLossPct;
  }

  /** Round-trip time at or above {@link #highRttMs}. */
  public boolean isHighRtt(double rttMs) {
    return rttMs >= highRttMs;
  }

  /** Interarrival jitter at or above {@link #highJitterMs}. */
  public boolean isHighJitter(double jitterMs) {
    return jitterMs >= highJitterMs;
  }

  /** Effective bits per pixel per frame ({@link VideoScore#effectiveBitsPerPixel()}) below {@link #lowVideoBpp}. */
  public boolean isLowVideoBitrate(double effectiveBpp) {
    return effectiveBpp < lowVideoBpp;
  }

  /** Limited by bandwidth for at least {@link #bandwidthLimitedPct} of the interval. */
  public boolean isBandwidthLimited(double limitedPct) {
    return limitedPct >= bandwidthLimitedPct;
  }

  /** Limited by CPU for at least {@link #cpuLimitedPct} of the interval. */
  public boolean isCpuLimited(double limitedPct) {
    return limitedPct >= cpuLimitedPct;
  }

  /** A frame rate below {@link #lowFrameRateFps} (camera) or {@link #lowScreenFrameRateFps} (screen share). */
  public boolean isLowFrameRate(double fps, boolean screen) {
    return fps < (screen ? lowScreenFrameRateFps : lowFrameRateFps);
  }

  /** Video frozen for at least {@link #videoFreezePct} of the interval. */
  public boolean isVideoFrozen(double freezePct) {
    return freezePct >= videoFreezePct;
  }

  /** Concealed audio (silent concealment excluded) above {@link #audioConcealmentPct} of samples. */
  public boolean isHighConcealment(double concealedPct) {
    return concealedPct > audioConcealmentPct;
  }

  /** A user rating (1 to 5) at or below {@link #lowFeedbackRating}. */
  public boolean isLowFeedback(int rating) {
    return rating >= 1 && rating <= lowFeedbackRating;
  }

  /** A score below fair ({@link QualityBand#POOR}) for at least {@link #lowScoreSustainedS} without a break. */
  public boolean isSustainedLowScore(double belowFairS) {
    return belowFairS >= lowScoreSustainedS;
  }

  private static double number(Config section, String key, double fallback) {
    return section.hasPath(key) ? section.getDouble(key) : fallback;
  }

  private static void percent(String key, double value) {
    if (!(value >= 0 && value <= 100)) {
      throw new IllegalArgumentException(key + " must be a percentage from 0 to 100, cannot be: " + value);
    }
  }

  private static void atLeastZero(String key, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(key + " must be a finite number at least 0, cannot be: " + value);
    }
  }
}

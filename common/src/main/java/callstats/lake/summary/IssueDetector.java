package callstats.lake.summary;

import callstats.lake.metrics.quality.IssueThresholds;
import callstats.lake.summary.StreamFold.Interval;
import callstats.lake.summary.StreamFold.StreamKey;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a stream's intervals into issues: each maximal run of consecutive intervals that cross the same
 * threshold is one issue with its evidence window, the worst measured value and the threshold. A run of
 * below-fair scores is an issue only when it lasts {@code low-score-sustained-s} or more.
 */
public final class IssueDetector implements StreamFold.IntervalListener {

  /** The per-interval stream issues. */
  public enum StreamIssue {
    HIGH_LOSS("%"),
    HIGH_RTT("ms"),
    HIGH_JITTER("ms"),
    LOW_BITRATE("bits/pixel"),
    BANDWIDTH_LIMITED("%"),
    CPU_LIMITED("%"),
    LOW_FRAME_RATE("fps"),
    VIDEO_FREEZE("%"),
    AUDIO_CONCEALMENT("%"),
    LOW_SCORE_SUSTAINED("s");

    final String unit;

    StreamIssue(String unit) {
      this.unit = unit;
    }

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** True when lower values are worse (the threshold is a floor). */
    boolean lowIsBad() {
      return this == LOW_BITRATE || this == LOW_FRAME_RATE;
    }
  }

  /** A detected issue of a stream. */
  public record Found(StreamKey stream, String mediaType, StreamIssue type, long fromMs, long toMs, double measured,
      double threshold) {}

  private final IssueThresholds t;
  private final List<Found> found = new ArrayList<>();
  private final Map<StreamIssue, Open> open = new EnumMap<>(StreamIssue.class);
  private StreamKey current;
  private long lastToMs = Long.MIN_VALUE;
  private String mediaType;

  private static final class Open {
    long fromMs;
    long toMs;
    double worst;
  }

  public IssueDetector(IssueThresholds thresholds) {
    this.t = thresholds;
  }

  @Override
  public void interval(StreamKey stream, Interval i) {
    if (!stream.equals(current) || i.fromMs() != lastToMs) {
      closeAll();
      current = stream;
    }
    mediaType = i.mediaType();
    lastToMs = i.toMs();
    boolean screen = "screen".equals(i.mediaType());
    boolean video = !"audio".equals(i.mediaType());
    check(StreamIssue.HIGH_LOSS, i, i.lossPct(), i.lossPct() != null && t.isHighLoss(i.lossPct()), t.highLossPct());
    check(StreamIssue.HIGH_RTT, i, i.rttMs(), i.rttMs() != null && t.isHighRtt(i.rttMs()), t.highRttMs());
    check(StreamIssue.HIGH_JITTER, i, i.jitterMs(), i.inbound() && i.jitterMs() != null && t.isHighJitter(i.jitterMs()),
        t.highJitterMs());
    check(StreamIssue.LOW_BITRATE, i, i.bitsPerPixel(), i.bitsPerPixel() != null && t.isLowVideoBitrate(i.bitsPerPixel()),
        t.lowVideoBpp());
    double bwPct = 100.0 * i.qlBandwidthS() / i.seconds();
    double cpuPct = 100.0 * i.qlCpuS() / i.seconds();
    check(StreamIssue.BANDWIDTH_LIMITED, i, bwPct, !i.inbound() && t.isBandwidthLimited(bwPct), t.bandwidthLimitedPct());
    check(StreamIssue.CPU_LIMITED, i, cpuPct, !i.inbound() && t.isCpuLimited(cpuPct), t.cpuLimitedPct());
    check(StreamIssue.LOW_FRAME_RATE, i, i.fps(), video && i.fps() != null && t.isLowFrameRate(i.fps(), screen),
        screen ? t.lowScreenFrameRateFps() : t.lowFrameRateFps());
    double freezePct = 100.0 * i.freezeS() / i.seconds();
    check(StreamIssue.VIDEO_FREEZE, i, freezePct, video && i.inbound() && t.isVideoFrozen(freezePct),
        t.videoFreezePct());
    check(StreamIssue.AUDIO_CONCEALMENT, i, i.concealmentPct(),
        i.concealmentPct() != null && t.isHighConcealment(i.concealmentPct()), t.audioConcealmentPct());
    check(StreamIssue.LOW_SCORE_SUSTAINED, i, i.score(), i.inbound() && i.poor(), t.lowScoreSustainedS());
  }

  private void check(StreamIssue type, Interval i, Double value, boolean crossed, double threshold) {
    Open o = open.get(type);
    if (!crossed) {
      if (o != null) {
        close(type, o);
        open.remove(type);
      }
      return;
    }
    double v = value == null ? Double.NaN : value;
    if (o == null) {
      o = new Open();
      o.fromMs = i.fromMs();
      o.worst = v;
      open.put(type, o);
    } else if (!Double.isNaN(v)) {
      o.worst = Double.isNaN(o.worst) ? v : type.lowIsBad() || type == StreamIssue.LOW_SCORE_SUSTAINED
          ? Math.min(o.worst, v) : Math.max(o.worst, v);
    }
    o.toMs = i.toMs();
  }

  private void close(StreamIssue type, Open o) {
    double seconds = (o.toMs - o.fromMs) / 1000.0;
    if (type == StreamIssue.LOW_SCORE_SUSTAINED) {
      if (!t.isSustainedLowScore(seconds)) {
        return;
      }
      found.add(new Found(current, mediaType, type, o.fromMs, o.toMs, seconds, t.lowScoreSustainedS()));
      return;
    }
    found.add(new Found(current, mediaType, type, o.fromMs, o.toMs, o.worst, thresholdOf(type)));
  }

  private double thresholdOf(StreamIssue type) {
    return switch (type) {
      case HIGH_LOSS -> t.highLossPct();
      case HIGH_RTT -> t.highRttMs();
      case HIGH_JITTER -> t.highJitterMs();
      case LOW_BITRATE -> t.lowVideoBpp();
      case BANDWIDTH_LIMITED -> t.bandwidthLimitedPct();
      case CPU_LIMITED -> t.cpuLimitedPct();
      case LOW_FRAME_RATE -> "screen".equals(mediaType) ? t.lowScreenFrameRateFps() : t.lowFrameRateFps();
      case VIDEO_FREEZE -> t.videoFreezePct();
      case AUDIO_CONCEALMENT -> t.audioConcealmentPct();
      case LOW_SCORE_SUSTAINED -> t.lowScoreSustainedS();
    };
  }

  /** Ends the open windows (end of a stream, or a gap). */
  public void closeAll() {
    for (Map.Entry<StreamIssue, Open> e : open.entrySet()) {
      close(e.getKey(), e.getValue());
    }
    open.clear();
  }

  /** Issues found so far; the caller drains them per participant. */
  public List<Found> drain() {
    closeAll();
    current = null;
    List<Found> out = new ArrayList<>(found);
    found.clear();
    return out;
  }

  /**
   * minor below 1.5 times the threshold (or above 2/3 of it for floors), major below 3 times, else critical.
   */
  public static String severity(double measured, double threshold, boolean lowIsBad) {
    if (Double.isNaN(measured) || threshold == 0) {
      return "major";
    }
    double ratio = lowIsBad ? threshold / Math.max(measured, 1e-9) : measured / threshold;
    return ratio < 1.5 ? "minor" : ratio < 3 ? "major" : "critical";
  }
}

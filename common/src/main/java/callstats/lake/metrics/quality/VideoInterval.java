package callstats.lake.metrics.quality;

/**
 * What {@link VideoQuality} needs to know about one video stream over one interval (the jobs use
 * 10-second intervals). Values are taken as measured; {@link VideoQuality} says how each missing value
 * (NaN, infinite or negative) is read.
 *
 * @param codec the codec; null is read as {@link VideoCodec#OTHER}
 * @param bitrateKbps video payload bitrate over the interval, kbit/s
 * @param width frame width, pixels
 * @param height frame height, pixels
 * @param frameRate frames decoded (or encoded) per second over the interval, fps
 * @param freezeS seconds of the interval the video was frozen (W3C stats {@code totalFreezesDuration})
 * @param intervalS length of the interval, s
 * @param limitedFraction fraction of the interval, 0 to 1, the sender's encoder was limited by
 *     bandwidth or CPU ({@code qualityLimitationDurations})
 * @param screen true for screen share (content type screenshare), false for camera video
 */
public record VideoInterval(VideoCodec codec, double bitrateKbps, int width, int height, double frameRate,
    double freezeS, double intervalS, double limitedFraction, boolean screen) {

  public VideoInterval {
    codec = codec == null ? VideoCodec.OTHER : codec;
  }

  /** A camera interval without freezes or quality limitation. */
  public static VideoInterval camera(String mimeType, double bitrateKbps, int width, int height,
      double frameRate, double intervalS) {
    return new VideoInterval(VideoCodec.fromMimeType(mimeType), bitrateKbps, width, height, frameRate, 0.0,
        intervalS, 0.0, false);
  }

  /** This interval with the given seconds frozen. */
  public VideoInterval withFreezeS(double value) {
    return new VideoInterval(codec, bitrateKbps, width, height, frameRate, value, intervalS, limitedFraction,
        screen);
  }

  /** This interval with the given fraction limited by bandwidth or CPU. */
  public VideoInterval withLimitedFraction(double value) {
    return new VideoInterval(codec, bitrateKbps, width, height, frameRate, freezeS, intervalS, value, screen);
  }

  /** This interval as screen share (true) or camera video (false). */
  public VideoInterval withScreen(boolean value) {
    return new VideoInterval(codec, bitrateKbps, width, height, frameRate, freezeS, intervalS,
        limitedFraction, value);
  }
}

package callstats.lake.metrics.quality;

import java.util.Locale;

/**
 * Video codecs and their efficiency relative to VP8 in {@link VideoQuality}: a factor f means one bit of
 * this codec is worth f bits of VP8 at equal quality, i.e. f = 1 / (1 - bitrate saving).
 *
 * <p>The factors are the project's conservative round numbers, not measurements. Published comparisons
 * report VP9 saving about a third or more of the bitrate of VP8 and H.264, and AV1 about another
 * quarter to a third over VP9, mostly for offline coding; real-time, speed-optimised encoders gain less.
 * We take VP9 = 1.4 (a 29 % saving) and AV1 = 1.8 (44 %). H.264 as used in WebRTC (constrained baseline,
 * real-time presets) is taken as equal to VP8. Unknown codecs get 1.
 */
public enum VideoCodec {
  VP8(1.0),
  H264(1.0),
  VP9(1.4),
  AV1(1.8),
  OTHER(1.0);

  private final double efficiency;

  VideoCodec(double efficiency) {
    this.efficiency = efficiency;
  }

  /** Bits of VP8 that one bit of this codec is worth at equal quality. */
  public double efficiency() {
    return efficiency;
  }

  /**
   * The codec of a WebRTC mime type ({@code video/VP8}, {@code video/H264}...), case-insensitive, with or
   * without the {@code video/} prefix; null, blank and unknown types map to {@link #OTHER}.
   */
  public static VideoCodec fromMimeType(String mimeType) {
    if (mimeType == null) {
      return OTHER;
    }
    String name = mimeType.trim().toLowerCase(Locale.ROOT);
    if (name.startsWith("video/")) {
      name = name.substring("video/".length());
    }
    return switch (name) {
      case "vp8" -> VP8;
      case "vp9" -> VP9;
      case "h264" -> H264;
      case "av1", "av1x" -> AV1;
      default -> OTHER;
    };
  }
}

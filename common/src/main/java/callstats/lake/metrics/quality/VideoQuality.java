package callstats.lake.metrics.quality;

/**
 * The video quality score of the project: 1 (bad) to 5 (excellent) per interval of a video stream, from
 * what WebRTC getStats reports. This is the project's own model, not a standard. It borrows the shape of
 * ITU-T P.1203 and the E-model (separate impairments on a 0-100 scale, summed, then mapped to a 1-5
 * scale) and calibrates each impairment against published operating points; the sources and worked
 * examples are in {@code docs/quality-scores.md}.
 *
 * <pre>
 *   Q     = max(0, 100 - coding - resolution - frameRate - freeze - limitation)
 *   score = 1 + 4 * Q / 100
 * </pre>
 *
 * <ul>
 *   <li>coding: from effective bits per pixel per frame b = codec efficiency * bitrate / (w * h * fps);
 *       0 at b &ge; 0.10 and rising linearly in ln(b) to 80 at b &le; 0.0025. libwebrtc's own target
 *       rates are 0.06 to 0.09 bits per pixel at 30 fps, its minimum rates about 0.02.</li>
 *   <li>resolution: 8 per halving of the pixel count below 1280x720, at most 40 (no credit above).</li>
 *   <li>frame rate: 15 per halving below the expected rate, at most 60: 24 fps for camera video, 5 fps for
 *       screen share (the rate of libwebrtc's screenshare base layer).</li>
 *   <li>freeze: 3 per percent of the interval frozen, so a third of the interval frozen scores 1.</li>
 *   <li>limitation: 10 times the fraction of the interval limited by bandwidth or CPU. Small on purpose:
 *       what limitation does to bitrate, resolution and frame rate is already counted above.</li>
 * </ul>
 *
 * <p>The score never rises when bits per pixel, frame rate (at equal bits per pixel) or resolution (at
 * equal bits per pixel) fall, or when freezes or limitation grow. At a fixed bitrate, a higher resolution
 * or frame rate spreads the bits thinner, and the score may fall: that trade-off is intended.
 *
 * <p>Missing inputs (NaN, infinite, negative) never produce NaN. A missing or zero bitrate, size or frame
 * rate means no usable video: its impairments take their maximum. Missing freeze time or limitation counts
 * as 0, and so does the freeze ratio when the interval length is missing or 0.
 *
 * <p>Cost: a few logarithms per interval; no allocation beyond the result.
 */
public final class VideoQuality {

  /** Written by jobs to the {@code *_model_version} column next to every video score. */
  public static final String MODEL_VERSION = "video-bpp-1";

  /** Resolution at and above which no resolution impairment applies: 1280x720, pixels. */
  public static final double REFERENCE_PIXELS = 1280.0 * 720.0;
  /** Effective bits per pixel per frame at and above which no coding impairment applies. */
  public static final double FULL_QUALITY_BPP = 0.10;
  /** Effective bits per pixel per frame at and below which the coding impairment is at its maximum. */
  public static final double MIN_BPP = 0.0025;
  public static final double MAX_CODING_IMPAIRMENT = 80.0;
  public static final double RESOLUTION_IMPAIRMENT_PER_HALVING = 8.0;
  public static final double MAX_RESOLUTION_IMPAIRMENT = 40.0;
  /** Frame rate at and above which camera video has no frame-rate impairment, fps. */
  public static final double CAMERA_EXPECTED_FPS = 24.0;
  /** Frame rate at and above which screen share has no frame-rate impairment, fps. */
  public static final double SCREEN_EXPECTED_FPS = 5.0;
  public static final double FRAME_RATE_IMPAIRMENT_PER_HALVING = 15.0;
  public static final double MAX_FRAME_RATE_IMPAIRMENT = 60.0;
  /** Impairment per percent of the interval frozen. */
  public static final double FREEZE_IMPAIRMENT_PER_PCT = 3.0;
  public static final double MAX_FREEZE_IMPAIRMENT = 100.0;
  /** Impairment of an interval limited by bandwidth or CPU from start to end. */
  public static final double MAX_LIMITATION_IMPAIRMENT = 10.0;

  private VideoQuality() {
  }

  /** The video score of one interval. */
  public static VideoScore score(VideoInterval in) {
    double pixels = in.width() > 0 && in.height() > 0 ? (double) in.width() * in.height() : 0.0;
    double fps = Inputs.orElse(in.frameRate(), 0.0);
    double bpp = bitsPerPixel(in.bitrateKbps(), pixels, fps);
    double effectiveBpp = bpp * in.codec().efficiency();

    double coding = codingImpairment(effectiveBpp);
    double resolution = resolutionImpairment(pixels);
    double frameRate = frameRateImpairment(fps, in.screen());
    double freeze = freezeImpairment(in.freezeS(), in.intervalS());
    double limitation = MAX_LIMITATION_IMPAIRMENT * Inputs.clamp(Inputs.orElse(in.limitedFraction(), 0.0), 0, 1);

    double q = Math.max(0.0, 100.0 - coding - resolution - frameRate - freeze - limitation);
    return new VideoScore(1.0 + 4.0 * q / 100.0, bpp, effectiveBpp, coding, resolution, frameRate, freeze,
        limitation);
  }

  /** bitrate / (pixels * fps) in bits per pixel per frame; 0 if any of them is missing or zero. */
  public static double bitsPerPixel(double bitrateKbps, double pixels, double fps) {
    if (!(Inputs.present(bitrateKbps) && pixels > 0 && Inputs.present(fps) && fps > 0)) {
      return 0.0;
    }
    double bpp = bitrateKbps * 1000.0 / (pixels * fps);
    return Double.isFinite(bpp) ? bpp : 0.0;
  }

  /** 0 at {@link #FULL_QUALITY_BPP} and above, linear in ln(bpp) down to the maximum at {@link #MIN_BPP}. */
  static double codingImpairment(double effectiveBpp) {
    if (!(effectiveBpp > MIN_BPP)) {
      return MAX_CODING_IMPAIRMENT;
    }
    double share = Math.log(FULL_QUALITY_BPP / effectiveBpp) / Math.log(FULL_QUALITY_BPP / MIN_BPP);
    return MAX_CODING_IMPAIRMENT * Inputs.clamp(share, 0.0, 1.0);
  }

  /** Per halving of the pixel count below {@link #REFERENCE_PIXELS}, capped; the maximum for no pixels. */
  static double resolutionImpairment(double pixels) {
    if (!(pixels > 0)) {
      return MAX_RESOLUTION_IMPAIRMENT;
    }
    double halvings = log2(REFERENCE_PIXELS / pixels);
    return Inputs.clamp(RESOLUTION_IMPAIRMENT_PER_HALVING * halvings, 0.0, MAX_RESOLUTION_IMPAIRMENT);
  }

  /** Per halving of the frame rate below the expected rate, capped; the maximum for no frames. */
  static double frameRateImpairment(double fps, boolean screen) {
    if (!(fps > 0)) {
      return MAX_FRAME_RATE_IMPAIRMENT;
    }
    double expected = screen ? SCREEN_EXPECTED_FPS : CAMERA_EXPECTED_FPS;
    double halvings = log2(expected / fps);
    return Inputs.clamp(FRAME_RATE_IMPAIRMENT_PER_HALVING * halvings, 0.0, MAX_FRAME_RATE_IMPAIRMENT);
  }

  /** {@link #FREEZE_IMPAIRMENT_PER_PCT} per percent of the interval frozen, capped. */
  static double freezeImpairment(double freezeS, double intervalS) {
    double interval = Inputs.orElse(intervalS, 0.0);
    if (!(interval > 0)) {
      return 0.0;
    }
    double ratio = Inputs.clamp(Inputs.orElse(freezeS, 0.0) / interval, 0.0, 1.0);
    return Math.min(MAX_FREEZE_IMPAIRMENT, FREEZE_IMPAIRMENT_PER_PCT * 100.0 * ratio);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2.0);
  }
}

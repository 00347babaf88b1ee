package callstats.lake.metrics.quality;

/**
 * The video score of one interval with the impairments that produced it, so that a low score can be
 * explained. Each impairment is on a 0-100 scale; score = 1 + 4 * max(0, 100 - sum of impairments) / 100.
 *
 * @param score the project's video score, 1 (bad) to 5 (excellent)
 * @param bitsPerPixel bitrate / (width * height * frame rate), bits per pixel per frame; 0 if any is missing
 * @param effectiveBitsPerPixel bitsPerPixel times the codec's efficiency, in VP8-equivalent bits
 * @param codingImpairment impairment from too few bits per pixel, 0 to 80
 * @param resolutionImpairment impairment from a resolution below 720p, 0 to 40
 * @param frameRateImpairment impairment from a frame rate below the expected rate, 0 to 60
 * @param freezeImpairment impairment from frozen time, 0 to 100
 * @param limitationImpairment impairment from bandwidth or CPU limitation, 0 to 10
 */
public record VideoScore(double score, double bitsPerPixel, double effectiveBitsPerPixel,
    double codingImpairment, double resolutionImpairment, double frameRateImpairment, double freezeImpairment,
    double limitationImpairment) {

  /** The band of this score; see {@link QualityBand#ofVideoScore(double)}. */
  public QualityBand band() {
    return QualityBand.ofVideoScore(score);
  }
}

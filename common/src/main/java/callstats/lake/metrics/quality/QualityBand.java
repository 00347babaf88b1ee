package callstats.lake.metrics.quality;

import java.util.Locale;

/**
 * Good, fair or poor: the one definition of the bands for audio MOS and for the video score. Reports
 * count "minutes below fair" as minutes in {@link #POOR}.
 *
 * <p>Audio (E-model MOS, 1 to 4.5): good from 4.0, fair from 3.6. ITU-T G.107 Annex B (Table B.1) and
 * G.109 put the user-satisfaction boundaries at R = 80 ("satisfied") and R = 70 ("some users
 * dissatisfied"), MOS 4.03 and 3.60; we use 4.0 and 3.6, the round values common in the industry
 * (R = 79.4 and 70.1 on the Annex B mapping).
 *
 * <p>Video (project score, 1 to 5): good from 4.0, fair from 3.0: the "Good" and "Fair" points of the
 * five-grade absolute category rating scale (ITU-T P.910, P.800) that the score is expressed on.
 */
public enum QualityBand {
  GOOD,
  FAIR,
  POOR;

  /** Lowest audio MOS in the good band. */
  public static final double AUDIO_GOOD_MIN_MOS = 4.0;
  /** Lowest audio MOS in the fair band; below it an interval is poor ("below fair"). */
  public static final double AUDIO_FAIR_MIN_MOS = 3.6;
  /** Lowest video score in the good band. */
  public static final double VIDEO_GOOD_MIN_SCORE = 4.0;
  /** Lowest video score in the fair band; below it an interval is poor ("below fair"). */
  public static final double VIDEO_FAIR_MIN_SCORE = 3.0;

  /**
   * The band of an audio MOS.
   *
   * @throws IllegalArgumentException if the MOS is NaN
   */
  public static QualityBand ofAudioMos(double mos) {
    return of(mos, AUDIO_GOOD_MIN_MOS, AUDIO_FAIR_MIN_MOS, "audio MOS");
  }

  /**
   * The band of a video score.
   *
   * @throws IllegalArgumentException if the score is NaN
   */
  public static QualityBand ofVideoScore(double score) {
    return of(score, VIDEO_GOOD_MIN_SCORE, VIDEO_FAIR_MIN_SCORE, "video score");
  }

  /** True if the band is below fair (poor). */
  public boolean belowFair() {
    return this == POOR;
  }

  /** The lower-case name written to tables: good, fair or poor. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  private static QualityBand of(double value, double goodMin, double fairMin, String what) {
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException(what + " must be a number to have a band, cannot be: NaN");
    }
    if (value >= goodMin) {
      return GOOD;
    }
    return value >= fairMin ? FAIR : POOR;
  }
}

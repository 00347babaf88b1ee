/**
 * The project's quality scores and issue thresholds, each defined once: the audio E-model score
 * ({@link callstats.lake.metrics.quality.AudioQuality}), the video score
 * ({@link callstats.lake.metrics.quality.VideoQuality}), the good/fair/poor bands
 * ({@link callstats.lake.metrics.quality.QualityBand}) and the thresholds that raise an issue
 * ({@link callstats.lake.metrics.quality.IssueThresholds}).
 *
 * <p>Everything here is plain Java with no Spark dependency, so jobs call it from UDFs or map functions
 * and tests check it against hand-computed values. Formulas, constants and their sources are in
 * {@code docs/quality-scores.md}.
 */
package callstats.lake.metrics.quality;

package callstats.lake.metrics.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import callstats.lake.config.ConfigError;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

/** Reading the thresholds from HOCON, and where each issue starts. */
class IssueThresholdsTest {

  /** The section as documented in docs/quality-scores.md, without its comments. */
  private static final String DOCUMENTED = """
      high-loss-pct = 5
      high-rtt-ms = 250
      high-jitter-ms = 30
      low-video-bpp = 0.02
      bandwidth-limited-pct = 50
      cpu-limited-pct = 50
      low-frame-rate-fps = 15
      low-screen-frame-rate-fps = 2
      video-freeze-pct = 1
      audio-concealment-pct = 5
      low-feedback-rating = 2
      low-score-sustained-s = 30
      """;

  private static final IssueThresholds D = IssueThresholds.DEFAULTS;

  @Test
  void the_documented_section_reads_as_the_defaults() {
    assertThat(IssueThresholds.from(ConfigFactory.parseString(DOCUMENTED))).isEqualTo(D);
    assertThat(ConfigFactory.parseString(DOCUMENTED).root().keySet())
        .containsExactlyInAnyOrderElementsOf(IssueThresholds.KEYS);
  }

  @Test
  void absent_keys_take_the_defaults() {
    assertThat(IssueThresholds.from(ConfigFactory.empty())).isEqualTo(D);
    IssueThresholds t = IssueThresholds.from(ConfigFactory.parseString("high-loss-pct = 3\nlow-feedback-rating = 1"));
    assertThat(t.highLossPct()).isEqualTo(3.0);
    assertThat(t.lowFeedbackRating()).isEqualTo(1);
    assertThat(t.highRttMs()).isEqualTo(D.highRttMs());
  }

  @Test
  void unknown_keys_are_rejected_with_the_known_ones() {
    assertThatThrownBy(() -> IssueThresholds.from(ConfigFactory.parseString("high-los-pct = 3")))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("unknown key(s) [high-los-pct] in thresholds")
        .hasMessageContaining("high-loss-pct");
  }

  @Test
  void bad_values_name_the_key_the_rule_and_the_value() {
    assertThatThrownBy(() -> IssueThresholds.from(ConfigFactory.parseString("high-loss-pct = 120")))
        .isInstanceOf(ConfigError.class)
        .hasMessage("bad value in thresholds: high-loss-pct must be a percentage from 0 to 100, cannot be: 120.0");
    assertThatThrownBy(() -> IssueThresholds.from(ConfigFactory.parseString("high-rtt-ms = -1")))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("high-rtt-ms must be a finite number at least 0, cannot be: -1.0");
    assertThatThrownBy(() -> IssueThresholds.from(ConfigFactory.parseString("low-feedback-rating = 6")))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("low-feedback-rating must be a rating from 1 to 5, cannot be: 6");
    assertThatThrownBy(() -> IssueThresholds.from(ConfigFactory.parseString("low-score-sustained-s = 0")))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("low-score-sustained-s must be a number of seconds above 0");
    assertThatThrownBy(() -> IssueThresholds.from(ConfigFactory.parseString("high-jitter-ms = lots")))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("bad value in thresholds")
        .hasMessageContaining("high-jitter-ms");
  }

  @Test
  void loss_and_concealment_must_be_above_the_threshold() {
    assertThat(D.isHighLoss(5.0)).isFalse();
    assertThat(D.isHighLoss(5.01)).isTrue();
    assertThat(D.isHighConcealment(5.0)).isFalse();
    assertThat(D.isHighConcealment(5.5)).isTrue();
  }

  @Test
  void network_issues_start_at_the_threshold() {
    assertThat(D.isHighRtt(249.9)).isFalse();
    assertThat(D.isHighRtt(250.0)).isTrue();
    assertThat(D.isHighJitter(29.9)).isFalse();
    assertThat(D.isHighJitter(30.0)).isTrue();
  }

  @Test
  void video_issues() {
    assertThat(D.isLowVideoBitrate(0.02)).isFalse();
    assertThat(D.isLowVideoBitrate(0.019)).isTrue();
    assertThat(D.isBandwidthLimited(49.9)).isFalse();
    assertThat(D.isBandwidthLimited(50.0)).isTrue();
    assertThat(D.isCpuLimited(50.0)).isTrue();
    assertThat(D.isLowFrameRate(15.0, false)).isFalse();
    assertThat(D.isLowFrameRate(14.9, false)).isTrue();
    assertThat(D.isLowFrameRate(2.0, true)).isFalse();
    assertThat(D.isLowFrameRate(1.9, true)).isTrue();
    assertThat(D.isVideoFrozen(0.9)).isFalse();
    assertThat(D.isVideoFrozen(1.0)).isTrue();
  }

  @Test
  void feedback_and_sustained_low_score() {
    assertThat(D.isLowFeedback(1)).isTrue();
    assertThat(D.isLowFeedback(2)).isTrue();
    assertThat(D.isLowFeedback(3)).isFalse();
    assertThat(D.isLowFeedback(0)).as("0 is not a rating").isFalse();
    assertThat(D.isSustainedLowScore(29.9)).isFalse();
    assertThat(D.isSustainedLowScore(30.0)).isTrue();
  }

  @Test
  void nan_measurements_raise_no_issue() {
    double nan = Double.NaN;
    assertThat(D.isHighLoss(nan) || D.isHighRtt(nan) || D.isHighJitter(nan) || D.isLowVideoBitrate(nan)
        || D.isBandwidthLimited(nan) || D.isCpuLimited(nan) || D.isLowFrameRate(nan, false)
        || D.isLowFrameRate(nan, true) || D.isVideoFrozen(nan) || D.isHighConcealment(nan)
        || D.isSustainedLowScore(nan)).isFalse();
  }

  @Test
  void the_record_itself_rejects_bad_values() {
    assertThatThrownBy(() -> new IssueThresholds(Double.NaN, 250, 30, 0.02, 50, 50, 15, 2, 1, 5, 2, 30))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("high-loss-pct");
  }
}

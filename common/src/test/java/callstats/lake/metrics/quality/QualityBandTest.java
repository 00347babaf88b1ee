package callstats.lake.metrics.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The band boundaries: each threshold belongs to the band above it. */
class QualityBandTest {

  @ParameterizedTest(name = "audio MOS {0} is {1}")
  @CsvSource({"4.5, GOOD", "4.0, GOOD", "3.9999, FAIR", "3.6, FAIR", "3.5999, POOR", "1.0, POOR"})
  void audio_bands(double mos, QualityBand band) {
    assertThat(QualityBand.ofAudioMos(mos)).isEqualTo(band);
  }

  @ParameterizedTest(name = "video score {0} is {1}")
  @CsvSource({"5.0, GOOD", "4.0, GOOD", "3.9999, FAIR", "3.0, FAIR", "2.9999, POOR", "1.0, POOR"})
  void video_bands(double score, QualityBand band) {
    assertThat(QualityBand.ofVideoScore(score)).isEqualTo(band);
  }

  @Test
  void audio_band_edges_sit_near_the_g107_satisfaction_boundaries() {
    // R = 80 ("satisfied"): MOS 4.024, good; R = 70 ("some users dissatisfied"): MOS 3.597, just below fair,
    // because 3.6 is the rounded Table B.1 value and the mapping gives 3.6 at R = 70.06
    assertThat(QualityBand.ofAudioMos(EModel.mosFromR(80.0))).isEqualTo(QualityBand.GOOD);
    assertThat(QualityBand.ofAudioMos(EModel.mosFromR(70.1))).isEqualTo(QualityBand.FAIR);
    assertThat(QualityBand.ofAudioMos(EModel.mosFromR(70.0))).isEqualTo(QualityBand.POOR);
    // G.711 with no impairment (MOS 4.41) is good
    assertThat(QualityBand.ofAudioMos(EModel.mosFromR(EModel.R_DEFAULT))).isEqualTo(QualityBand.GOOD);
  }

  @Test
  void only_poor_is_below_fair_and_labels_are_lower_case() {
    assertThat(QualityBand.POOR.belowFair()).isTrue();
    assertThat(QualityBand.FAIR.belowFair()).isFalse();
    assertThat(QualityBand.GOOD.belowFair()).isFalse();
    assertThat(QualityBand.FAIR.label()).isEqualTo("fair");
  }

  @Test
  void nan_has_no_band() {
    assertThatThrownBy(() -> QualityBand.ofAudioMos(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("audio MOS must be a number to have a band, cannot be: NaN");
    assertThatThrownBy(() -> QualityBand.ofVideoScore(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("video score");
  }
}

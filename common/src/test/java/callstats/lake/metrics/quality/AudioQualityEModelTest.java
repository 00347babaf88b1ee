package callstats.lake.metrics.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The G.107 terms of {@link EModel}, each against a value computed by hand beside it. */
class AudioQualityEModelTest {

  private static final Offset<Double> E = within(1e-3);

  @ParameterizedTest(name = "MOS(R = {0}) = {1}")
  @CsvSource({
      // R,    MOS     hand computation: 1 + 0.035 R + R (R - 60) (100 - R) 7e-6
      "0,      1.0",   // R = 0: the mapping's lower end
      "50,     2.575", // 1 + 1.75 + 50 * -10 * 50 * 7e-6 = 2.75 - 0.175 (Table B.1: 2.58)
      "60,     3.1",   // 1 + 2.1 + 0 (the cubic term vanishes at R = 60)
      "70,     3.597", // 1 + 2.45 + 70 * 10 * 30 * 7e-6 = 3.45 + 0.147 (Table B.1: 3.60)
      "80,     4.024", // 1 + 2.8 + 80 * 20 * 20 * 7e-6 = 3.8 + 0.224
      "90,     4.339", // 1 + 3.15 + 90 * 30 * 10 * 7e-6 = 4.15 + 0.189 (Table B.1: 4.34)
      "93.2,   4.4093",// 1 + 3.262 + 93.2 * 33.2 * 6.8 * 7e-6 = 4.262 + 0.14729
      "100,    4.5",   // 1 + 3.5 + 0
  })
  void mos_from_r_follows_annex_b(double r, double mos) {
    assertThat(EModel.mosFromR(r)).isCloseTo(mos, E);
  }

  @Test
  void mos_is_clamped_to_1_and_4_5() {
    // R = 3: 1 + 0.105 + 3 * -57 * 97 * 7e-6 = 1.105 - 0.1161 = 0.9889, below 1, so 1
    assertThat(EModel.mosFromR(3.0)).isEqualTo(1.0);
    assertThat(EModel.mosFromR(-20.0)).isEqualTo(1.0);
    assertThat(EModel.mosFromR(130.0)).isEqualTo(4.5);
    assertThat(EModel.mosFromR(Double.NaN)).isEqualTo(1.0);
  }

  @ParameterizedTest(name = "Idd(Ta = {0} ms) = {1}")
  @CsvSource({
      // Ta, Idd    hand computation: X = log2(Ta / 100); 25 ((1 + X^6)^(1/6) - 3 (1 + (X/3)^6)^(1/6) + 2)
      "0,    0.0",    // Ta <= mT = 100 ms: no impairment
      "100,  0.0",    // X = 0: 25 (1 - 3 + 2) = 0
      "200,  3.0444", // X = 1: 2^(1/6) = 1.122462; (1 + 1/729)^(1/6) = 1.000229; 25 (1.122462 - 3.000686 + 2)
      "400,  24.0701",// X = 2: 65^(1/6) = 2.005175; (1 + 64/729)^(1/6) = 1.014124; 25 (2.005175 - 3.042373 + 2)
  })
  void delay_impairment_follows_g107(double taMs, double idd) {
    assertThat(EModel.delayImpairment(taMs)).isCloseTo(idd, E);
  }

  @Test
  void delay_impairment_is_bounded_and_reads_missing_delay_as_none() {
    // X grows without bound: (1 + X^6)^(1/6) - 3 (1 + (X/3)^6)^(1/6) tends to X - X = 0, so Idd tends to 25 * 2
    assertThat(EModel.delayImpairment(1.0e9)).isBetween(49.9, 50.0);
    assertThat(EModel.delayImpairment(Double.POSITIVE_INFINITY)).isZero();
    assertThat(EModel.delayImpairment(Double.NaN)).isZero();
    assertThat(EModel.delayImpairment(-300.0)).isZero();
  }

  @ParameterizedTest(name = "Ie,eff(G.711 with PLC, {0} % random loss) = {1}")
  @CsvSource({
      // loss %, Ie,eff   hand computation: 0 + (95 - 0) * Ppl / (Ppl / 1 + 25.1)
      "0,   0.0",     // no loss leaves Ie = 0
      "1,   3.6398",  // 95 * 1 / 26.1
      "5,   15.7807", // 95 * 5 / 30.1 = 475 / 30.1
      "10,  27.0655", // 95 * 10 / 35.1 = 950 / 35.1
  })
  void effective_equipment_impairment_follows_g107(double lossPct, double ieEff) {
    assertThat(EModel.effectiveEquipmentImpairment(0.0, 25.1, lossPct, 1.0)).isCloseTo(ieEff, E);
  }

  @Test
  void burstiness_and_codec_values_enter_ie_eff() {
    // BurstR = 2 at 5 %: 95 * 5 / (5 / 2 + 25.1) = 475 / 27.6 = 17.2101
    assertThat(EModel.effectiveEquipmentImpairment(0.0, 25.1, 5.0, 2.0)).isCloseTo(17.2101, E);
    // G.711 without PLC (Bpl 4.3) at 1 %: 95 / 5.3 = 17.9245
    assertThat(EModel.effectiveEquipmentImpairment(0.0, 4.3, 1.0, 1.0)).isCloseTo(17.9245, E);
    // Opus at 6 kbit/s (Ie 23, Bpl 20) at 5 %: 23 + 72 * 5 / 25 = 23 + 14.4 = 37.4
    assertThat(EModel.effectiveEquipmentImpairment(23.0, 20.0, 5.0, 1.0)).isCloseTo(37.4, E);
  }

  @Test
  void ie_eff_reads_missing_loss_as_none_and_caps_loss_and_burst() {
    assertThat(EModel.effectiveEquipmentImpairment(10.0, 20.0, Double.NaN, 1.0)).isEqualTo(10.0);
    assertThat(EModel.effectiveEquipmentImpairment(10.0, 20.0, -3.0, 1.0)).isEqualTo(10.0);
    // loss above 100 % counts as 100 %: 95 * 100 / (100 + 25.1) = 75.9393
    assertThat(EModel.effectiveEquipmentImpairment(0.0, 25.1, 250.0, 1.0)).isCloseTo(75.9393, E);
    // BurstR below 1 or missing counts as 1 (random loss)
    assertThat(EModel.effectiveEquipmentImpairment(0.0, 25.1, 5.0, 0.3)).isCloseTo(15.7807, E);
    assertThat(EModel.effectiveEquipmentImpairment(0.0, 25.1, 5.0, Double.NaN)).isCloseTo(15.7807, E);
  }

  @Test
  void ie_eff_rejects_codec_values_outside_the_model() {
    assertThatThrownBy(() -> EModel.effectiveEquipmentImpairment(0.0, 0.0, 1.0, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Bpl greater than 0")
        .hasMessageContaining("Bpl=0.0");
  }

  @Test
  void rating_subtracts_impairments_from_93_2_within_0_and_100() {
    // 93.2 - 3.0444 - 15.7807 = 74.3749
    assertThat(EModel.rating(3.0444, 15.7807)).isCloseTo(74.3749, E);
    assertThat(EModel.rating(50.0, 95.0)).isZero();
    assertThat(EModel.rating(Double.NaN, 0.0)).isZero();
  }
}

package callstats.lake.metrics.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link AudioQuality} end to end: codecs, worked examples, monotonicity and missing inputs. */
class AudioQualityTest {

  private static final Offset<Double> E = within(1e-3);

  private static AudioInterval g711(double lossPct, double rttMs, double jitterBufferMs) {
    return AudioInterval.of("audio/PCMU", lossPct, rttMs, jitterBufferMs, 64.0).withFixedDelayMs(0.0);
  }

  private static AudioInterval opus(double kbps, double lossPct, double rttMs, double jitterBufferMs) {
    return AudioInterval.of("audio/opus", lossPct, rttMs, jitterBufferMs, kbps);
  }

  @Test
  void g711_without_loss_or_delay_scores_the_g107_default() {
    AudioScore s = AudioQuality.score(g711(0.0, 0.0, 0.0));
    // R = 93.2 - 0 - 0; MOS = 1 + 3.262 + 93.2 * 33.2 * 6.8 * 7e-6 = 4.4093
    assertThat(s.r()).isCloseTo(93.2, E);
    assertThat(s.mos()).isCloseTo(4.4093, E);
    assertThat(s.band()).isEqualTo(QualityBand.GOOD);
  }

  @Test
  void g711_with_loss_and_delay_exposes_each_term() {
    // Ta = 300 / 2 + 100 + 0 = 250 ms; X = log2(2.5) = 1.321928
    // Idd = 25 ((1 + X^6)^(1/6) - 3 (1 + (X/3)^6)^(1/6) + 2) = 25 (1.360317 - 3.003649 + 2) = 8.9167
    // Ie,eff = 95 * 5 / (5 + 25.1) = 15.7807; R = 93.2 - 8.9167 - 15.7807 = 68.5026
    // MOS = 1 + 2.397590 + 68.5026 * 8.5026 * 31.4974 * 7e-6 = 3.397590 + 0.128419 = 3.5260
    AudioScore s = AudioQuality.score(g711(5.0, 300.0, 100.0));
    assertThat(s.oneWayDelayMs()).isEqualTo(250.0);
    assertThat(s.delayImpairment()).isCloseTo(8.9167, E);
    assertThat(s.equipmentImpairment()).isZero();
    assertThat(s.packetLossRobustness()).isEqualTo(25.1);
    assertThat(s.effectiveEquipmentImpairment()).isCloseTo(15.7807, E);
    assertThat(s.r()).isCloseTo(68.5026, E);
    assertThat(s.mos()).isCloseTo(3.5260, E);
    assertThat(s.band()).isEqualTo(QualityBand.POOR);
  }

  @Test
  void opus_worked_example_from_the_documentation() {
    // Ta = 200 / 2 + 60 + 20 (default fixed delay) = 180 ms; X = log2(1.8) = 0.847997
    // Idd = 25 ((1 + X^6)^(1/6) - 3 (1 + (X/3)^6)^(1/6) + 2) = 25 (1.054106 - 3.000255 + 2) = 1.3463
    // 32 kbit/s is above 12 kbit/s, so Ie = 0; Ie,eff = 95 * 2 / (2 + 20) = 8.6364
    // R = 93.2 - 1.3463 - 8.6364 = 83.2174
    // MOS = 1 + 2.912608 + 83.2174 * 23.2174 * 16.7826 * 7e-6 = 3.912608 + 0.226979 = 4.1396
    AudioScore s = AudioQuality.score(opus(32.0, 2.0, 200.0, 60.0));
    assertThat(s.oneWayDelayMs()).isEqualTo(180.0);
    assertThat(s.delayImpairment()).isCloseTo(1.3463, E);
    assertThat(s.effectiveEquipmentImpairment()).isCloseTo(8.6364, E);
    assertThat(s.r()).isCloseTo(83.2174, E);
    assertThat(s.mos()).isCloseTo(4.1396, E);
  }

  @ParameterizedTest(name = "Opus Ie at {0} kbit/s = {1}")
  @CsvSource({
      // kbit/s, Ie      hand computation (linear in ln(kbit/s) between anchors)
      "4,      23.0",    // below the 6 kbit/s anchor: flat at 23.00
      "6,      23.0",    // anchor (Alahmadi et al. 2021, narrowband VBR)
      "6.5,    22.0965", // t = ln(6.5/6) / ln(7/6) = 0.080043 / 0.154151 = 0.519250; 23 - 1.74 t
      "8,      16.02",   // anchor
      "10,     7.4403",  // t = ln(10/9) / ln(12/9) = 0.105361 / 0.287682 = 0.366240; 11.74 (1 - t)
      "12,     0.0",     // anchor: extrapolated zero
      "32,     0.0",     // libwebrtc's default rate
      "510,    0.0",     // Opus's highest rate
  })
  void opus_ie_falls_with_bitrate(double kbps, double ie) {
    assertThat(AudioCodec.OPUS.equipmentImpairment(kbps)).isCloseTo(ie, E);
  }

  @Test
  void opus_at_high_and_low_bitrate() {
    // 64 kbit/s, no loss, Ta = 20 ms: Ie = 0, R = 93.2, MOS = 4.4093
    assertThat(AudioQuality.score(opus(64.0, 0.0, 0.0, 0.0)).mos()).isCloseTo(4.4093, E);
    // 6 kbit/s, no loss: Ie = 23, R = 70.2, MOS = 1 + 2.457 + 70.2 * 10.2 * 29.8 * 7e-6 = 3.6064
    AudioScore low = AudioQuality.score(opus(6.0, 0.0, 0.0, 0.0));
    assertThat(low.r()).isCloseTo(70.2, E);
    assertThat(low.mos()).isCloseTo(3.6064, E);
    assertThat(low.band()).isEqualTo(QualityBand.FAIR);
  }

  @Test
  void unknown_opus_bitrate_is_scored_at_the_default_rate() {
    assertThat(AudioCodec.OPUS.equipmentImpairment(Double.NaN)).isZero();
    assertThat(AudioCodec.OPUS.equipmentImpairment(0.0)).isZero();
    assertThat(AudioCodec.OPUS.equipmentImpairment(-5.0)).isZero();
  }

  @Test
  void mime_types_map_to_codecs() {
    assertThat(AudioCodec.fromMimeType("audio/opus")).isEqualTo(AudioCodec.OPUS);
    assertThat(AudioCodec.fromMimeType(" OPUS ")).isEqualTo(AudioCodec.OPUS);
    assertThat(AudioCodec.fromMimeType("audio/red")).isEqualTo(AudioCodec.OPUS);
    assertThat(AudioCodec.fromMimeType("audio/PCMU")).isEqualTo(AudioCodec.PCMU);
    assertThat(AudioCodec.fromMimeType("audio/PCMA")).isEqualTo(AudioCodec.PCMA);
    assertThat(AudioCodec.fromMimeType("audio/G722")).isEqualTo(AudioCodec.G722);
    assertThat(AudioCodec.fromMimeType("audio/G729")).isEqualTo(AudioCodec.OTHER);
    assertThat(AudioCodec.fromMimeType(null)).isEqualTo(AudioCodec.OTHER);
    assertThat(new AudioInterval(null, 0, 1, 0, 0, 0, 0).codec()).isEqualTo(AudioCodec.OTHER);
  }

  @Test
  void g711_g722_and_unknown_codecs_share_the_concealment_values() {
    for (AudioCodec c : new AudioCodec[] {AudioCodec.PCMU, AudioCodec.PCMA, AudioCodec.G722, AudioCodec.OTHER}) {
      assertThat(c.equipmentImpairment(8.0)).as("%s Ie", c).isZero();
      assertThat(c.packetLossRobustness()).as("%s Bpl", c).isEqualTo(25.1);
    }
    assertThat(AudioCodec.OPUS.packetLossRobustness()).isEqualTo(20.0);
  }

  @Test
  void mos_never_rises_with_loss_delay_or_burstiness_and_never_falls_with_opus_bitrate() {
    double[] steps = {0, 0.5, 1, 2, 5, 10, 20, 40, 70, 100};
    double previous = Double.MAX_VALUE;
    for (double loss : steps) {
      double mos = AudioQuality.score(opus(32.0, loss, 100.0, 40.0)).mos();
      assertThat(mos).as("MOS at %s %% loss", loss).isLessThanOrEqualTo(previous);
      previous = mos;
    }
    previous = Double.MAX_VALUE;
    for (double rtt = 0; rtt <= 3000; rtt += 50) {
      double mos = AudioQuality.score(opus(32.0, 1.0, rtt, 40.0)).mos();
      assertThat(mos).as("MOS at RTT %s ms", rtt).isLessThanOrEqualTo(previous);
      previous = mos;
    }
    previous = Double.MAX_VALUE;
    for (double burst = 1; burst <= 10; burst += 0.5) {
      double mos = AudioQuality.score(opus(32.0, 5.0, 100.0, 40.0).withBurstRatio(burst)).mos();
      assertThat(mos).as("MOS at BurstR %s", burst).isLessThanOrEqualTo(previous);
      previous = mos;
    }
    previous = 0.0;
    for (double kbps = 1; kbps <= 64; kbps += 0.5) {
      double mos = AudioQuality.score(opus(kbps, 2.0, 100.0, 40.0)).mos();
      assertThat(mos).as("MOS at %s kbit/s", kbps).isGreaterThanOrEqualTo(previous);
      previous = mos;
    }
  }

  @Test
  void missing_inputs_never_produce_nan() {
    double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1.0};
    for (AudioCodec codec : AudioCodec.values()) {
      for (double v : bad) {
        AudioScore s = AudioQuality.score(new AudioInterval(codec, v, v, v, v, v, v));
        assertThat(s.r()).as("%s with %s", codec, v).isBetween(0.0, 100.0);
        assertThat(s.mos()).as("%s with %s", codec, v).isBetween(1.0, 4.5);
        assertThat(s.oneWayDelayMs()).isZero();
      }
    }
  }

  @Test
  void missing_inputs_read_as_no_impairment() {
    // every input missing: no loss, no delay, Opus at its default rate, so R = 93.2
    AudioScore s = AudioQuality.score(new AudioInterval(AudioCodec.OPUS, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, Double.NaN, Double.NaN));
    assertThat(s.r()).isCloseTo(93.2, E);
  }

  @Test
  void total_loss_and_extreme_delay_score_the_floor() {
    // Ie,eff = 95 * 100 / (100 + 25.1) = 75.94; Idd near 50 at 60 s; R = 93.2 - 50 - 75.94 < 0, so 0
    AudioScore s = AudioQuality.score(g711(100.0, 1.0e7, 0.0));
    assertThat(s.oneWayDelayMs()).isEqualTo(EModel.MAX_DELAY_MS);
    assertThat(s.r()).isZero();
    assertThat(s.mos()).isEqualTo(1.0);
  }
}

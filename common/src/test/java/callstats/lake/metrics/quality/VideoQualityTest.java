package callstats.lake.metrics.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * {@link VideoQuality} at reference operating points (libwebrtc's simulcast rates, hand-computed), then
 * monotonicity and missing inputs. ln(0.10 / 0.0025) = ln 40 = 3.688879 throughout.
 */
class VideoQualityTest {

  private static final Offset<Double> E = within(1e-3);

  private static VideoInterval camera(String codec, double kbps, int w, int h, double fps) {
    return VideoInterval.camera(codec, kbps, w, h, fps, 10.0);
  }

  private static VideoScore score(VideoInterval in) {
    return VideoQuality.score(in);
  }

  @Test
  void vp8_720p30_at_libwebrtc_target_rate_is_near_excellent() {
    // bpp = 2 500 000 / (1280 * 720 * 30) = 2 500 000 / 27 648 000 = 0.090422
    // coding = 80 * ln(0.10 / 0.090422) / 3.688879 = 80 * 0.100683 / 3.688879 = 2.1834
    // Q = 100 - 2.1834 = 97.8166; score = 1 + 4 * 0.978166 = 4.9127
    VideoScore s = score(camera("video/VP8", 2500, 1280, 720, 30));
    assertThat(s.bitsPerPixel()).isCloseTo(0.090422, within(1e-6));
    assertThat(s.codingImpairment()).isCloseTo(2.1834, E);
    assertThat(s.resolutionImpairment()).isZero();
    assertThat(s.frameRateImpairment()).isZero();
    assertThat(s.score()).isCloseTo(4.9127, E);
    assertThat(s.band()).isEqualTo(QualityBand.GOOD);
  }

  @Test
  void vp8_720p30_at_1500_kbps() {
    // bpp = 1 500 000 / 27 648 000 = 0.054253; coding = 80 * ln(1.843200) / 3.688879 = 80 * 0.611504 / 3.688879
    //     = 13.2615; score = 1 + 4 * 0.867385 = 4.4695
    assertThat(score(camera("video/VP8", 1500, 1280, 720, 30)).score()).isCloseTo(4.4695, E);
  }

  @Test
  void more_efficient_codecs_get_more_from_the_same_bits() {
    // VP9: effective bpp = 0.054253 * 1.4 = 0.075955; coding = 80 * ln(1.316571) / 3.688879 = 5.9645
    //      score = 1 + 4 * 0.940355 = 4.7614
    VideoScore vp9 = score(camera("video/VP9", 1500, 1280, 720, 30));
    assertThat(vp9.effectiveBitsPerPixel()).isCloseTo(0.075955, within(1e-6));
    assertThat(vp9.score()).isCloseTo(4.7614, E);
    // AV1: effective bpp = 0.054253 * 1.8 = 0.097656; coding = 80 * ln(1.024) / 3.688879 = 0.5143
    //      score = 1 + 4 * 0.994857 = 4.9794
    assertThat(score(camera("video/AV1", 1500, 1280, 720, 30)).score()).isCloseTo(4.9794, E);
    // H.264 counts as VP8: 4.4695 as above
    assertThat(score(camera("video/H264", 1500, 1280, 720, 30)).score()).isCloseTo(4.4695, E);
  }

  @Test
  void vp8_360p30_at_libwebrtc_target_rate() {
    // bpp = 500 000 / (640 * 360 * 30) = 500 000 / 6 912 000 = 0.072338
    // coding = 80 * ln(1.382400) / 3.688879 = 80 * 0.323820 / 3.688879 = 7.0226
    // resolution: 921 600 / 230 400 = 4 = two halvings, 2 * 8 = 16
    // Q = 100 - 7.0226 - 16 = 76.9774; score = 1 + 4 * 0.769774 = 4.0791
    VideoScore s = score(camera("video/VP8", 500, 640, 360, 30));
    assertThat(s.codingImpairment()).isCloseTo(7.0226, E);
    assertThat(s.resolutionImpairment()).isCloseTo(16.0, E);
    assertThat(s.score()).isCloseTo(4.0791, E);
  }

  @Test
  void low_resolution_and_frame_rate_add_up() {
    // 360p15 at 250 kbit/s: bpp = 250 000 / (230 400 * 15) = 0.072338, coding 7.0226 as above;
    // resolution 16; frame rate: log2(24 / 15) = 0.678072 halvings, * 15 = 10.1711
    // Q = 100 - 7.0226 - 16 - 10.1711 = 66.8063; score = 1 + 4 * 0.668063 = 3.6723 (fair)
    VideoScore s = score(camera("video/VP8", 250, 640, 360, 15));
    assertThat(s.frameRateImpairment()).isCloseTo(10.1711, E);
    assertThat(s.score()).isCloseTo(3.6723, E);
    assertThat(s.band()).isEqualTo(QualityBand.FAIR);
    // 180p7.5 at 50 kbit/s: bpp = 50 000 / (57 600 * 7.5) = 0.115741, above 0.10, coding 0;
    // resolution: 921 600 / 57 600 = 16 = four halvings, 32; frame rate: log2(3.2) = 1.678072, * 15 = 25.1711
    // Q = 100 - 32 - 25.1711 = 42.8289; score = 1 + 4 * 0.428289 = 2.7132 (poor)
    VideoScore tiny = score(camera("video/VP8", 50, 320, 180, 7.5));
    assertThat(tiny.codingImpairment()).isZero();
    assertThat(tiny.score()).isCloseTo(2.7132, E);
    assertThat(tiny.band()).isEqualTo(QualityBand.POOR);
  }

  @Test
  void starved_bitrate_reaches_the_coding_maximum() {
    // 720p30 at 300 kbit/s: bpp = 300 000 / 27 648 000 = 0.010851
    // coding = 80 * ln(9.216) / 3.688879 = 80 * 2.220941 / 3.688879 = 48.1651; score = 1 + 4 * 0.518349 = 3.0734
    assertThat(score(camera("video/VP8", 300, 1280, 720, 30)).score()).isCloseTo(3.0734, E);
    // 720p30 at 69.12 kbit/s: bpp = 0.0025 exactly, coding = 80; score = 1 + 4 * 0.2 = 1.8
    VideoScore floor = score(camera("video/VP8", 69.12, 1280, 720, 30));
    assertThat(floor.codingImpairment()).isCloseTo(80.0, E);
    assertThat(floor.score()).isCloseTo(1.8, E);
  }

  @Test
  void freezes_are_heavily_penalised_and_limitation_lightly() {
    // 720p30 at 2500 kbit/s (coding 2.1834) frozen 1 s of 10: 10 % * 3 = 30
    // Q = 100 - 2.1834 - 30 = 67.8166; score = 1 + 4 * 0.678166 = 3.7127
    VideoInterval base = camera("video/VP8", 2500, 1280, 720, 30);
    VideoScore frozen = score(base.withFreezeS(1.0));
    assertThat(frozen.freezeImpairment()).isCloseTo(30.0, E);
    assertThat(frozen.score()).isCloseTo(3.7127, E);
    // limited half the interval: 10 * 0.5 = 5; Q = 100 - 2.1834 - 5 = 92.8166; score = 4.7127
    VideoScore limited = score(base.withLimitedFraction(0.5));
    assertThat(limited.limitationImpairment()).isCloseTo(5.0, E);
    assertThat(limited.score()).isCloseTo(4.7127, E);
    // a third of the interval frozen: 33.4 % * 3 > 100, capped at 100, so Q = 0 and the score is 1
    assertThat(score(base.withFreezeS(3.34)).score()).isEqualTo(1.0);
  }

  @Test
  void screen_share_expects_a_lower_frame_rate() {
    // 1080p at 5 fps, 500 kbit/s: bpp = 500 000 / (2 073 600 * 5) = 0.048225
    // coding = 80 * ln(2.073600) / 3.688879 = 80 * 0.729286 / 3.688879 = 15.8159; resolution 0 (above 720p)
    // screen: 5 fps is the expected rate, frame rate 0; score = 1 + 4 * 0.841841 = 4.3674
    // camera: log2(24 / 5) = 2.263034 halvings, * 15 = 33.9455; score = 1 + 4 * 0.502386 = 3.0095
    VideoInterval in = VideoInterval.camera("video/VP8", 500, 1920, 1080, 5, 10.0);
    assertThat(score(in.withScreen(true)).score()).isCloseTo(4.3674, E);
    assertThat(score(in).frameRateImpairment()).isCloseTo(33.9455, E);
    assertThat(score(in).score()).isCloseTo(3.0095, E);
  }

  @Test
  void score_never_falls_with_bitrate_or_codec_efficiency() {
    double previous = 0.0;
    for (double kbps = 0; kbps <= 6000; kbps += 25) {
      double s = score(camera("video/VP8", kbps, 1280, 720, 30)).score();
      assertThat(s).as("score at %s kbit/s", kbps).isGreaterThanOrEqualTo(previous);
      previous = s;
    }
    for (double kbps : new double[] {50, 300, 800, 1500, 3000}) {
      double vp8 = score(camera("video/VP8", kbps, 1280, 720, 30)).score();
      double vp9 = score(camera("video/VP9", kbps, 1280, 720, 30)).score();
      double av1 = score(camera("video/AV1", kbps, 1280, 720, 30)).score();
      assertThat(vp9).as("VP9 at %s kbit/s", kbps).isGreaterThanOrEqualTo(vp8);
      assertThat(av1).as("AV1 at %s kbit/s", kbps).isGreaterThanOrEqualTo(vp9);
    }
  }

  @Test
  void score_never_falls_with_frame_rate_or_resolution_at_equal_bits_per_pixel() {
    // the bitrate giving equal bits per pixel is rounded to a double, so allow 1e-9 of rounding noise
    double bpp = 0.05;
    double rounding = 1e-9;
    for (boolean screen : new boolean[] {false, true}) {
      double previous = 0.0;
      for (double fps = 0.5; fps <= 60; fps += 0.5) {
        double kbps = bpp * 1280 * 720 * fps / 1000;
        double s = score(camera("video/VP8", kbps, 1280, 720, fps).withScreen(screen)).score();
        assertThat(s).as("score at %s fps, screen %s", fps, screen).isGreaterThanOrEqualTo(previous - rounding);
        previous = s;
      }
    }
    double previous = 0.0;
    for (int h = 90; h <= 1440; h += 18) {
      int w = h * 16 / 9;
      double kbps = bpp * w * h * 30 / 1000;
      double s = score(camera("video/VP8", kbps, w, h, 30)).score();
      assertThat(s).as("score at %sx%s", w, h).isGreaterThanOrEqualTo(previous - rounding);
      previous = s;
    }
  }

  @Test
  void score_never_rises_with_freezes_or_limitation() {
    VideoInterval base = camera("video/VP8", 1500, 1280, 720, 30);
    double previous = Double.MAX_VALUE;
    for (double freezeS = 0; freezeS <= 12; freezeS += 0.25) {
      double s = score(base.withFreezeS(freezeS)).score();
      assertThat(s).as("score with %s s frozen", freezeS).isLessThanOrEqualTo(previous);
      previous = s;
    }
    previous = Double.MAX_VALUE;
    for (double f = 0; f <= 1.2; f += 0.05) {
      double s = score(base.withLimitedFraction(f)).score();
      assertThat(s).as("score limited %s of the interval", f).isLessThanOrEqualTo(previous);
      previous = s;
    }
  }

  @Test
  void no_usable_video_scores_the_floor() {
    // bitrate 0: coding 80; Q = 100 - 80 = 20; score 1.8
    assertThat(score(camera("video/VP8", 0, 1280, 720, 30)).score()).isCloseTo(1.8, E);
    // no frames: coding 80 and frame rate 60 exceed 100, so the score is 1
    assertThat(score(camera("video/VP8", 500, 1280, 720, 0)).score()).isEqualTo(1.0);
    // no size: coding 80 and resolution 40 exceed 100, so the score is 1
    assertThat(score(camera("video/VP8", 500, 0, 0, 30)).score()).isEqualTo(1.0);
  }

  @Test
  void missing_inputs_never_produce_nan() {
    double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1.0, 0.0};
    for (VideoCodec codec : VideoCodec.values()) {
      for (double v : bad) {
        for (boolean screen : new boolean[] {false, true}) {
          VideoScore s = score(new VideoInterval(codec, v, -1, 720, v, v, v, v, screen));
          assertThat(s.score()).as("%s with %s", codec, v).isBetween(1.0, 5.0);
          VideoScore partial = score(new VideoInterval(codec, 1500, 1280, 720, 30, v, v, v, screen));
          assertThat(partial.score()).as("%s with freeze and limitation %s", codec, v).isBetween(1.0, 5.0);
          assertThat(partial.freezeImpairment()).isZero();
          assertThat(partial.limitationImpairment()).isZero();
        }
      }
    }
  }

  @Test
  void mime_types_map_to_codecs() {
    assertThat(VideoCodec.fromMimeType("video/VP8")).isEqualTo(VideoCodec.VP8);
    assertThat(VideoCodec.fromMimeType("vp9")).isEqualTo(VideoCodec.VP9);
    assertThat(VideoCodec.fromMimeType("video/H264")).isEqualTo(VideoCodec.H264);
    assertThat(VideoCodec.fromMimeType("video/AV1")).isEqualTo(VideoCodec.AV1);
    assertThat(VideoCodec.fromMimeType("video/H265")).isEqualTo(VideoCodec.OTHER);
    assertThat(VideoCodec.fromMimeType(null)).isEqualTo(VideoCodec.OTHER);
    assertThat(new VideoInterval(null, 0, 0, 0, 0, 0, 0, 0, false).codec()).isEqualTo(VideoCodec.OTHER);
  }
}

package callstats.lake.metrics.quality;

/**
 * The ITU-T G.107 (06/2015) E-model terms used by {@link AudioQuality}: the delay impairment Idd, the
 * effective equipment impairment Ie,eff and the R to MOS mapping of Annex B. Pure functions, no state.
 *
 * <p>The project computes R = 93.2 - Idd(Ta) - Ie,eff with the advantage factor A = 0. The base 93.2 is
 * G.107's R with every parameter at its default and no delay (Ro - Is - Id at Ta = T = Tr = 0). The echo
 * terms Idte and Idle are held at those default, zero-delay values: WebRTC clients cancel acoustic echo,
 * so only the absolute-delay term Idd grows with delay. Idd is the full G.107 form for Ta, with the
 * default delay-sensitivity class of Table 1 (mT = 100 ms, sT = 1); the linear "simplified" form
 * (0.024 d + 0.11 (d - 177.3) H(d - 177.3), Cole and Rosenbluth 2001) is not used.
 */
public final class EModel {

  /** R with all G.107 parameters at their defaults and no delay, loss or coding impairment (G.107 §7.7). */
  public static final double R_DEFAULT = 93.2;
  /** Minimum perceivable delay mT of G.107 Table 1, default delay-sensitivity class, ms. */
  public static final double MIN_PERCEIVABLE_DELAY_MS = 100.0;
  /** Delay sensitivity sT of G.107 Table 1, default delay-sensitivity class. */
  public static final double DELAY_SENSITIVITY = 1.0;
  /** MOS of the Annex B mapping at R = 0 and below. */
  public static final double MOS_MIN = 1.0;
  /** MOS of the Annex B mapping at R = 100 and above. */
  public static final double MOS_MAX = 4.5;
  /** One-way delays above this are scored as this (Idd is within 0.01 of its limit of 50 there), ms. */
  public static final double MAX_DELAY_MS = 60_000.0;

  private EModel() {
  }

  /**
   * The delay impairment Idd for a mean one-way (mouth-to-ear) delay Ta (G.107 §7.4):
   * 0 for Ta at or below mT, otherwise
   * {@code 25 * ((1 + X^(6 sT))^(1/(6 sT)) - 3 * (1 + (X/3)^(6 sT))^(1/(6 sT)) + 2)} with
   * {@code X = log2(Ta / mT)}. Rises from 0 at 100 ms to 3.04 at 200 ms and 24.07 at 400 ms, and
   * approaches 50 for very long delays.
   *
   * @param oneWayDelayMs Ta in ms; a missing value (NaN, infinite, negative) counts as no delay
   */
  public static double delayImpairment(double oneWayDelayMs) {
    double ta = Math.min(Inputs.orElse(oneWayDelayMs, 0.0), MAX_DELAY_MS);
    if (ta <= MIN_PERCEIVABLE_DELAY_MS) {
      return 0.0;
    }
    double x = Math.log(ta / MIN_PERCEIVABLE_DELAY_MS) / Math.log(2.0);
    double p = 6.0 * DELAY_SENSITIVITY;
    return 25.0 * (Math.pow(1.0 + Math.pow(x, p), 1.0 / p)
        - 3.0 * Math.pow(1.0 + Math.pow(x / 3.0, p), 1.0 / p) + 2.0);
  }

  /**
   * The effective equipment impairment (G.107 §7.5):
   * {@code Ie,eff = Ie + (95 - Ie) * Ppl / (Ppl / BurstR + Bpl)}.
   *
   * @param ie equipment impairment of the codec without loss
   * @param bpl packet-loss robustness of the codec, greater than 0
   * @param lossPct Ppl, packets lost in percent; missing counts as 0, above 100 as 100
   * @param burstRatio BurstR, 1 for random loss and above 1 for bursty loss; missing or below 1 counts as 1
   */
  public static double effectiveEquipmentImpairment(double ie, double bpl, double lossPct, double burstRatio) {
    if (!(bpl > 0) || !Inputs.present(ie)) {
      throw new IllegalArgumentException(
          "Ie must be at least 0 and Bpl greater than 0, cannot be: Ie=" + ie + ", Bpl=" + bpl);
    }
    double ppl = Inputs.clamp(Inputs.orElse(lossPct, 0.0), 0.0, 100.0);
    double burst = Math.max(1.0, Inputs.orElse(burstRatio, 1.0));
    return ie + (95.0 - ie) * ppl / (ppl / burst + bpl);
  }

  /** R = 93.2 - Idd - Ie,eff (A = 0), limited to the scale's range [0, 100]. */
  public static double rating(double delayImpairment, double effectiveEquipmentImpairment) {
    double r = R_DEFAULT - delayImpairment - effectiveEquipmentImpairment;
    return Double.isNaN(r) ? 0.0 : Inputs.clamp(r, 0.0, 100.0);
  }

  /**
   * MOS (conversational quality, estimated) from R, G.107 Annex B eq. (B-4):
   * {@code 1 + 0.035 R + R (R - 60) (100 - R) 7e-6} for 0 &lt; R &lt; 100, 1 below and 4.5 above. The
   * polynomial dips just under 1 for R below about 6.5, so the result is also clamped to [1, 4.5].
   * NaN counts as R = 0.
   */
  public static double mosFromR(double r) {
    if (Double.isNaN(r) || r <= 0.0) {
      return MOS_MIN;
    }
    if (r >= 100.0) {
      return MOS_MAX;
    }
    double mos = 1.0 + 0.035 * r + r * (r - 60.0) * (100.0 - r) * 7.0e-6;
    return Inputs.clamp(mos, MOS_MIN, MOS_MAX);
  }
}

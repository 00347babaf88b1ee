package callstats.lake.metrics.quality;

/**
 * The audio score of one interval with the E-model terms that produced it, so that a low score can be
 * explained (delay or loss or codec). R = 93.2 - delayImpairment - effectiveEquipmentImpairment.
 *
 * @param r transmission rating R, 0 to 100 (at most 93.2 here)
 * @param mos estimated conversational MOS from R (G.107 Annex B), 1 to 4.5
 * @param oneWayDelayMs Ta, the one-way delay the score assumed: RTT / 2 + jitter buffer + fixed delay, ms
 * @param delayImpairment Idd, the G.107 impairment of the one-way delay Ta
 * @param equipmentImpairment Ie, the codec's impairment without loss
 * @param packetLossRobustness Bpl, the codec's robustness to loss
 * @param effectiveEquipmentImpairment Ie,eff, the codec's impairment with the interval's loss
 */
public record AudioScore(double r, double mos, double oneWayDelayMs, double delayImpairment,
    double equipmentImpairment, double packetLossRobustness, double effectiveEquipmentImpairment) {

  /** The band of this score; see {@link QualityBand#ofAudioMos(double)}. */
  public QualityBand band() {
    return QualityBand.ofAudioMos(mos);
  }
}

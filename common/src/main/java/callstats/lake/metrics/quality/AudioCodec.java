package callstats.lake.metrics.quality;

import java.util.Locale;

/**
 * Audio codecs the E-model knows, with their equipment impairment Ie and packet-loss robustness Bpl on
 * the narrowband G.107 scale (R at most 93.2). That scale cannot credit audio bandwidth beyond 3.4 kHz,
 * so a wideband codec at a good bitrate scores like G.711 (Ie = 0), never better.
 *
 * <ul>
 *   <li>G.711 (PCMU, PCMA): Ie = 0, Bpl = 25.1, the ITU-T G.113 Appendix I value for G.711 with packet
 *       loss concealment (random loss). WebRTC's NetEq conceals every lost packet whatever the codec, so
 *       the no-concealment value 4.3 would overstate the damage.</li>
 *   <li>G.722: Ie = 0 (wideband, at least as good as G.711 on this scale) and, as an assumption, the
 *       G.711-with-concealment Bpl 25.1; we found no narrowband-scale Bpl for G.722.</li>
 *   <li>Opus: Ie falls with bitrate, Bpl = 20; see {@link #OPUS_IE_ANCHORS}.</li>
 *   <li>Any other codec: scored as G.711 with concealment, which is optimistic for low-rate codecs.</li>
 * </ul>
 */
public enum AudioCodec {
  OPUS,
  PCMU,
  PCMA,
  G722,
  OTHER;

  /** Bpl of G.711 with packet loss concealment, random loss (ITU-T G.113 Appendix I, Table I.3). */
  public static final double G711_PLC_BPL = 25.1;

  /**
   * Opus Bpl: an approximation chosen by the project. Alahmadi et al. (2021, below) report random-loss Bpl
   * of 18.9 to 24.6 for Opus in its narrowband and wideband VBR modes; we take 20, near the low end. The
   * benefit of Opus in-band FEC and of RED, which WebRTC may add, is not credited.
   */
  public static final double OPUS_BPL = 20.0;

  /**
   * Opus Ie on the narrowband scale against the received bitrate, as {kbit/s, Ie} pairs, interpolated
   * linearly in ln(bitrate), flat beyond both ends. The points at 6 to 9 kbit/s are the narrowband VBR
   * values of M. Alahmadi, P. Pocta, H. Melvin, "An Adaptive Bitrate Switching Algorithm for Speech
   * Applications in Context of WebRTC", ACM TOMM 17(4), art. 133, 2021 (rounded to two decimals); at those
   * rates libopus codes narrowband speech. The zero at 12 kbit/s is the project's extrapolation: the 8 to
   * 9 kbit/s slope reaches 0 at about 12.4 kbit/s, and the same study's narrowband CBR values are already
   * 2.0 at 11 kbit/s. Above that Opus runs wideband or wider and is at least transparent on this scale.
   * These are approximations, not ITU-T planning values.
   */
  static final double[][] OPUS_IE_ANCHORS = {{6.0, 23.00}, {7.0, 21.26}, {8.0, 16.02}, {9.0, 11.74}, {12.0, 0.0}};

  /** libwebrtc's default Opus bitrate for mono speech, used when the received bitrate is unknown, kbit/s. */
  public static final double OPUS_DEFAULT_BITRATE_KBPS = 32.0;

  /**
   * The codec of a WebRTC mime type ({@code audio/opus}, {@code audio/PCMU}...), case-insensitive, with or
   * without the {@code audio/} prefix. {@code audio/red} (redundant audio, which in WebRTC wraps Opus)
   * maps to {@link #OPUS}; null, blank and unknown types map to {@link #OTHER}.
   */
  public static AudioCodec fromMimeType(String mimeType) {
    if (mimeType == null) {
      return OTHER;
    }
    String name = mimeType.trim().toLowerCase(Locale.ROOT);
    if (name.startsWith("audio/")) {
      name = name.substring("audio/".length());
    }
    return switch (name) {
      case "opus", "red" -> OPUS;
      case "pcmu" -> PCMU;
      case "pcma" -> PCMA;
      case "g722" -> G722;
      default -> OTHER;
    };
  }

  /**
   * Ie without loss. Only Opus depends on the bitrate: a missing (NaN, infinite, negative) or zero
   * bitrate means unknown and is scored at {@link #OPUS_DEFAULT_BITRATE_KBPS}.
   *
   * @param bitrateKbps received audio payload bitrate of the interval, kbit/s
   */
  public double equipmentImpairment(double bitrateKbps) {
    if (this != OPUS) {
      return 0.0;
    }
    double kbps = Inputs.present(bitrateKbps) && bitrateKbps > 0 ? bitrateKbps : OPUS_DEFAULT_BITRATE_KBPS;
    return opusIe(kbps);
  }

  /** Bpl, the packet-loss robustness used in Ie,eff. */
  public double packetLossRobustness() {
    return this == OPUS ? OPUS_BPL : G711_PLC_BPL;
  }

  private static double opusIe(double kbps) {
    double[][] a = OPUS_IE_ANCHORS;
    if (kbps <= a[0][0]) {
      return a[0][1];
    }
    for (int i = 1; i < a.length; i++) {
      if (kbps <= a[i][0]) {
        double t = Math.log(kbps / a[i - 1][0]) / Math.log(a[i][0] / a[i - 1][0]);
        return a[i - 1][1] + t * (a[i][1] - a[i - 1][1]);
      }
    }
    return a[a.length - 1][1];
  }
}

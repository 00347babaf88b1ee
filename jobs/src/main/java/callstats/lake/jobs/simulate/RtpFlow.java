package callstats.lake.jobs.simulate;

import java.util.EnumSet;
import java.util.SplittableRandom;

/**
 * One leg of an RTP stream, from the sender to a receiver (peer or via_sfu) or to the SFU (to_sfu): packets the
 * receiver expected, received and lost, and, for a receiving participant, what its inbound-rtp reports (frames,
 * freezes, pauses, audio samples and concealment, jitter buffer). Counters are cumulative since the leg began;
 * the receiver's connection reports {@code c - rxBase} (inbound-rtp, remote-outbound-rtp), the sender's connection
 * reports {@code c - txBase} (remote-inbound-rtp): each side resets on its own ICE restarts.
 *
 * <p>Each second the simulator sets the conditions (packets sent, loss probabilities, outage, jitter, RTT) and calls
 * {@link #step}. Packets sent during an outage are neither received nor lost until packets flow again; then the
 * gap counts as lost, as sequence numbers tell the receiver.
 */
final class RtpFlow {

  static final int EXPECTED = 0;
  static final int RECEIVED = 1;
  static final int LOST = 2;
  static final int BYTES = 3;
  static final int HEADER_BYTES = 4;
  static final int FRAMES_RECEIVED = 5;
  static final int FRAMES_DECODED = 6;
  static final int FRAMES_DROPPED = 7;
  static final int KEY_FRAMES_DECODED = 8;
  static final int FREEZES = 9;
  static final int PAUSES = 10;
  static final int SAMPLES_RECEIVED = 11;
  static final int CONCEALED = 12;
  static final int SILENT_CONCEALED = 13;
  static final int CONCEALMENT_EVENTS = 14;
  static final int INSERTED_SAMPLES = 15;
  static final int REMOVED_SAMPLES = 16;
  static final int JB_EMITTED = 17;
  static final int NACK = 18;
  static final int PLI = 19;
  static final int FIR = 20;
  static final int RTT_MEASUREMENTS = 21;
  static final int REPORTS_SENT = 22;
  static final int BYTES_SENT = 23;
  static final int N = 24;

  static final int D_FREEZE_S = 0;
  static final int D_PAUSE_S = 1;
  static final int D_JB_DELAY = 2;
  static final int D_DECODE_TIME = 3;
  static final int D_TOTAL_RTT = 4;
  static final int D_AUDIO_ENERGY = 5;
  static final int D_SAMPLES_DURATION = 6;
  static final int DN = 7;

  static final String PEER = "peer";
  static final String TO_SFU = "to_sfu";
  static final String VIA_SFU = "via_sfu";

  final String leg;
  /** The sender: for via_sfu the primary (first) layer, whose ssrc the receiver sees. */
  final RtpSender source;
  /** The receiving connection; null for to_sfu. */
  final Connection rx;
  final String inboundId;
  final String remoteOutboundId;
  final long startMs;

  final long[] c = new long[N];
  final long[] rxBase = new long[N];
  final long[] txBase = new long[N];
  final double[] d = new double[DN];
  final double[] drxBase = new double[DN];
  final double[] dtxBase = new double[DN];

  // Conditions for the next step
  int pktsIn;
  long bytesIn;
  int fpsIn;
  int widthIn;
  int heightIn;
  boolean sourcePaused;
  /** Packets of this second already lost upstream (the to_sfu leg of the layer forwarded). */
  int upstreamLost;
  /** Loss probability applied upstream (for the injected-loss truth). */
  double pUpstream;
  double pLoss;
  double burstLoss;
  boolean outage;
  boolean oneWay;
  boolean freezeProne;
  double jitterMs;
  double rttMs;
  double sourceAudioLevel;

  // State
  long pending;
  private boolean bad;
  private int freezeMsLeft;
  private boolean pausedBefore;
  private boolean outageBefore;
  /** Packets lost this second (read by the via_sfu legs of a to_sfu leg). */
  int lostThisSecond;
  double fractionLost;
  int fps;
  double audioLevel;
  /** A freeze longer than 1.5 s started this second (mediaPlaybackStalled). */
  boolean longFreezeStarted;

  // Truth
  double lossWeighted;
  long lossPackets;
  boolean everOneWay;
  final EnumSet<Impairment> impairments = EnumSet.noneOf(Impairment.class);
  int samples;
  long lastSampleMs;
  double jitterSumMs;
  int jitterN;
  double pairRttSumMs;
  int pairRttN;
  /** What the receiver reported at its last sample, and the sum of what it reported before its resets. */
  final long[] rxLast = new long[N];
  final double[] drxLast = new double[DN];
  final long[] rxCarried = new long[N];
  final double[] drxCarried = new double[DN];
  /** Packets lost as the sender's remote-inbound-rtp reported it at its last sample, and before its resets. */
  long txLastLost;
  long txCarriedLost;
  double snapLossWeighted;
  long snapLossPackets;

  RtpFlow(String leg, RtpSender source, Connection rx, long startMs) {
    this.leg = leg;
    this.source = source;
    this.rx = rx;
    this.startMs = startMs;
    this.inboundId = rx == null ? null : IdStyle.inbound(rx.style, rx.idSeed, source.kind, source.ssrc);
    this.remoteOutboundId = rx == null ? null : IdStyle.remoteOutbound(rx.style, rx.idSeed, source.kind, source.ssrc);
  }

  boolean audio() {
    return source.audio();
  }

  long rx(int i) {
    return c[i] - rxBase[i];
  }

  double rxD(int i) {
    return d[i] - drxBase[i];
  }

  long tx(int i) {
    return c[i] - txBase[i];
  }

  double txD(int i) {
    return d[i] - dtxBase[i];
  }

  /** The receiver's counters restart; packets missing in an outage are no longer accounted for. */
  void resetReceiverSide() {
    forgetPending();
    for (int i = 0; i < N; i++) {
      rxCarried[i] += rxLast[i];
      rxLast[i] = 0;
    }
    for (int i = 0; i < DN; i++) {
      drxCarried[i] += drxLast[i];
      drxLast[i] = 0;
    }
    System.arraycopy(c, 0, rxBase, 0, N);
    System.arraycopy(d, 0, drxBase, 0, DN);
  }

  /** The sender's view restarts; for a to_sfu leg (only the sender reports it) outage packets are forgotten. */
  void resetSenderSide() {
    if (rx == null) {
      forgetPending();
    }
    txCarriedLost += txLastLost;
    txLastLost = 0;
    System.arraycopy(c, 0, txBase, 0, N);
    System.arraycopy(d, 0, dtxBase, 0, DN);
  }

  /** Packets missing in an outage when the counters restart are never reported, as lost or otherwise. */
  private void forgetPending() {
    lossWeighted -= pending;
    lossPackets -= pending;
    pending = 0;
  }

  /** A counter as the receiver reported it, summed over its resets (the truth of receiver legs). */
  long reportedTotal(int i) {
    return rxCarried[i] + rxLast[i];
  }

  double reportedTotalD(int i) {
    return drxCarried[i] + drxLast[i];
  }

  /** Packets lost as the sender's remote-inbound-rtp reported them, summed over its resets. */
  long reportedLostAtSender() {
    return txCarriedLost + txLastLost;
  }

  /** Advances one second under the conditions set. */
  void step(SplittableRandom rng) {
    int pkts = pktsIn;
    lostThisSecond = 0;
    longFreezeStarted = false;
    boolean participant = rx != null;
    if (pkts > 0) {
      c[EXPECTED] += pkts;
      c[BYTES_SENT] += bytesIn;
    }
    if (outage && pkts > 0) {
      pending += pkts;
      lossWeighted += pkts;
      lossPackets += pkts;
      everOneWay |= oneWay;
      fractionLost = 1;
      if (participant) {
        if (audio()) {
          concealOutage();
        } else {
          freezeSecond(1000, !outageBefore);
        }
      }
      outageBefore = true;
      return;
    }
    outageBefore = false;
    // RTCP round trips measured about once a second while packets flow
    if (pkts > 0) {
      c[RTT_MEASUREMENTS]++;
      d[D_TOTAL_RTT] += rttMs / 1000;
      c[REPORTS_SENT]++;
    }
    if (pkts == 0) {
      fractionLost = 0;
      if (participant) {
        idleSecond();
      }
      return;
    }
    double p = pLoss;
    if (burstLoss > 0) {
      bad = bad ? rng.nextDouble() < 0.6 : rng.nextDouble() < 0.12;
      if (bad) {
        p = 1 - (1 - p) * (1 - burstLoss);
      }
    } else {
      bad = false;
    }
    int down = (int) binomial(rng, pkts - upstreamLost, p);
    int lost = upstreamLost + down;
    lostThisSecond = lost;
    c[LOST] += pending + lost;
    pending = 0;
    c[RECEIVED] += pkts - lost;
    long got = (long) ((double) bytesIn * (pkts - lost) / pkts);
    c[BYTES] += got;
    c[HEADER_BYTES] += (pkts - lost) * (audio() ? 20L : 30L);
    fractionLost = (double) lost / pkts;
    lossWeighted += pkts * (1 - (1 - pUpstream) * (1 - p));
    lossPackets += pkts;
    if (!audio()) {
      c[NACK] += lost;
    }
    if (!participant) {
      return;
    }
    if (audio()) {
      receiveAudio(lost, pkts);
    } else {
      receiveVideo(lost, pkts, rng);
    }
  }

  private void receiveAudio(int lost, int pkts) {
    double jitterS = jitterMs / 1000;
    double concealShare = Math.min(1, 1.3 * lost / pkts + (bad ? 0.05 : 0));
    long concealed = Math.round(48_000 * concealShare);
    c[SAMPLES_RECEIVED] += 48_000;
    c[CONCEALED] += concealed;
    c[SILENT_CONCEALED] += concealed / 10;
    c[CONCEALMENT_EVENTS] += lost == 0 ? 0 : Math.max(1, lost / 3);
    long stretch = Math.round(48_000 * Math.min(0.02, jitterS * 0.2));
    c[INSERTED_SAMPLES] += stretch / 2;
    c[REMOVED_SAMPLES] += stretch - stretch / 2;
    c[JB_EMITTED] += 48_000;
    d[D_JB_DELAY] += 48_000 * (0.02 + 2 * jitterS);
    audioLevel = sourceAudioLevel * (1 - concealShare);
    d[D_AUDIO_ENERGY] += audioLevel * audioLevel;
    d[D_SAMPLES_DURATION] += 1;
  }

  private void receiveVideo(int lost, int pkts, SplittableRandom rng) {
    pausedBefore = false;
    int frames = fpsIn;
    double lostShare = (double) lost / pkts;
    c[FRAMES_RECEIVED] += frames;
    if (c[KEY_FRAMES_DECODED] == 0) {
      c[KEY_FRAMES_DECODED]++;
    }
    int dropped = (int) Math.round(frames * Math.min(0.3, lostShare * 1.5));
    int frozenMs;
    if (freezeMsLeft > 0) {
      frozenMs = Math.min(1000, freezeMsLeft);
      freezeMsLeft -= frozenMs;
      d[D_FREEZE_S] += frozenMs / 1000.0;
    } else {
      double pFreeze = (freezeProne ? 0.1 : 0) + (bad ? 0.3 : 0) + (lostShare > 0.08 ? 0.1 : 0) + 0.0005;
      frozenMs = 0;
      if (rng.nextDouble() < pFreeze) {
        int length = 500 + rng.nextInt(3_000);
        longFreezeStarted = length >= 1_500;
        c[FREEZES]++;
        c[PLI]++;
        c[KEY_FRAMES_DECODED]++;
        frozenMs = Math.min(1000, length);
        freezeMsLeft = length - frozenMs;
        d[D_FREEZE_S] += frozenMs / 1000.0;
      }
    }
    int decoded = Math.max(0, frames - dropped - Math.round(frames * frozenMs / 1000f));
    c[FRAMES_DROPPED] += dropped;
    c[FRAMES_DECODED] += decoded;
    c[JB_EMITTED] += decoded;
    d[D_JB_DELAY] += decoded * (0.03 + 2 * jitterMs / 1000);
    d[D_DECODE_TIME] += decoded * 0.003;
    fps = decoded;
  }

  /** No packets this second: a paused video counts a pause; audio plays out silence. */
  private void idleSecond() {
    if (audio()) {
      c[SAMPLES_RECEIVED] += 48_000;
      c[CONCEALED] += 48_000;
      c[SILENT_CONCEALED] += 48_000;
      c[JB_EMITTED] += 48_000;
      audioLevel = 0;
      d[D_SAMPLES_DURATION] += 1;
      return;
    }
    fps = 0;
    if (sourcePaused) {
      if (!pausedBefore) {
        c[PAUSES]++;
      }
      pausedBefore = true;
      d[D_PAUSE_S] += 1;
    }
  }

  private void concealOutage() {
    c[SAMPLES_RECEIVED] += 48_000;
    c[CONCEALED] += 48_000;
    c[SILENT_CONCEALED] += 38_000;
    if (!outageBefore) {
      c[CONCEALMENT_EVENTS]++;
    }
    audioLevel = 0;
    d[D_SAMPLES_DURATION] += 1;
  }

  private void freezeSecond(int frozenMs, boolean starts) {
    if (starts && freezeMsLeft == 0) {
      c[FREEZES]++;
      c[PLI]++;
    }
    d[D_FREEZE_S] += frozenMs / 1000.0;
    fps = 0;
  }

  /** At the end of the leg: packets still missing from an outage are known lost. */
  void settleOutage() {
    c[LOST] += pending;
    pending = 0;
  }

  /** Remembers what one of the receiver's samples reported (the truth of a leg is its reported counters). */
  void snapshot(long sampleMs, double pairRttMs) {
    samples++;
    lastSampleMs = sampleMs;
    jitterSumMs += jitterMs;
    jitterN++;
    if (!Double.isNaN(pairRttMs)) {
      pairRttSumMs += pairRttMs;
      pairRttN++;
    }
    for (int i = 0; i < N; i++) {
      rxLast[i] = c[i] - rxBase[i];
    }
    for (int i = 0; i < DN; i++) {
      drxLast[i] = d[i] - drxBase[i];
    }
    snapLossWeighted = lossWeighted - pending;
    snapLossPackets = lossPackets - pending;
  }

  /** Remembers what one of the sender's samples reported about this leg (remote-inbound-rtp). */
  void senderSnapshot() {
    txLastLost = c[LOST] - txBase[LOST];
  }

  /** A binomial draw: inversion of the Poisson approximation for small means, normal approximation otherwise. */
  static long binomial(SplittableRandom rng, long n, double p) {
    if (n <= 0 || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    double mean = n * p;
    if (mean < 12) {
      double limit = Math.exp(-mean);
      double prod = rng.nextDouble();
      long k = 0;
      while (prod > limit) {
        k++;
        prod *= rng.nextDouble();
      }
      return Math.min(k, n);
    }
    long k = Math.round(mean + Math.sqrt(mean * (1 - p)) * rng.nextGaussian());
    return Math.max(0, Math.min(n, k));
  }
}

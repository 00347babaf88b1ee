package callstats.lake.jobs.simulate;

import java.util.SplittableRandom;

/**
 * One outbound RTP stream (for simulcast: one layer) of a participant on one connection: the cumulative counters its
 * outbound-rtp reports, what it sends this second, and what the media source behind it reports. Counters are
 * cumulative since the stream began; {@code base} holds their values at the last reset (ICE restart or injected),
 * so the reported value is {@code c - base}.
 */
final class RtpSender {

  static final int PKTS = 0;
  static final int BYTES = 1;
  static final int HEADER_BYTES = 2;
  static final int RTX_PKTS = 3;
  static final int RTX_BYTES = 4;
  static final int FRAMES_ENCODED = 5;
  static final int FRAMES_SENT = 6;
  static final int KEY_FRAMES = 7;
  static final int QL_RESOLUTION_CHANGES = 8;
  static final int N = 9;

  static final int D_QL_NONE = 0;
  static final int D_QL_CPU = 1;
  static final int D_QL_BANDWIDTH = 2;
  static final int D_QL_OTHER = 3;
  static final int D_ENCODE_TIME = 4;
  static final int D_PACKET_SEND_DELAY = 5;
  static final int DN = 6;

  /** Camera resolutions from 720p down: width, height, frames per second, kbit/s. */
  static final int[][] LADDER = {{1280, 720, 30, 1500}, {960, 540, 30, 900}, {640, 360, 30, 550},
      {480, 270, 24, 300}, {320, 180, 15, 150}, {160, 90, 10, 60}};
  static final String[] RIDS = {"q", "h", "f"};
  private static final int[][] SIMULCAST = {{320, 180, 30, 150}, {640, 360, 30, 500}};

  final Member owner;
  final Connection conn;
  final long ssrc;
  final String kind;
  final String mediaType;
  final String rid;
  final int layer;
  final boolean simulcast;
  final String codec;
  final int payloadType;
  final String mid;
  final String outboundId;
  final String remoteInboundId;
  final String mediaSourceId;
  final String codecId;
  final long startMs;
  /** The path whose receiver reports come back as remote-inbound-rtp: the peer leg (p2p) or the to_sfu leg. */
  RtpFlow report;

  final long[] c = new long[N];
  final long[] base = new long[N];
  final double[] d = new double[DN];
  final double[] dbase = new double[DN];

  // This second
  int pkts;
  long bytes;
  int width;
  int height;
  int fps;
  boolean active = true;
  String qualityLimitation = "none";
  double targetKbps;
  private int rung = -1;

  // The media source (the track; not reset with the RTP counters)
  double audioLevel;
  double sourceEnergy;
  double sourceSeconds;
  long sourceFrames;

  // Truth: the sender's samples of this stream
  int samples;
  long lastSampleMs;
  double rttSumMs;
  int rttN;
  double jitterSumMs;
  int jitterN;
  /** What the sender reported at its last sample, and the sum of what it reported before its resets. */
  final long[] last = new long[N];
  final long[] carried = new long[N];
  double snapLossWeighted;
  long snapLossPackets;

  RtpSender(Member owner, Connection conn, long ssrc, String kind, String mediaType, String rid, int layer,
      boolean simulcast, String codec, int payloadType, String mid, int trackIndex, long startMs) {
    this.owner = owner;
    this.conn = conn;
    this.ssrc = ssrc;
    this.kind = kind;
    this.mediaType = mediaType;
    this.rid = rid;
    this.layer = layer;
    this.simulcast = simulcast;
    this.codec = codec;
    this.payloadType = payloadType;
    this.mid = mid;
    this.outboundId = IdStyle.outbound(conn.style, conn.idSeed, kind, ssrc);
    this.remoteInboundId = IdStyle.remoteInbound(conn.style, conn.idSeed, kind, ssrc);
    this.mediaSourceId = IdStyle.mediaSource(conn.style, conn.idSeed, kind, trackIndex);
    this.codecId = IdStyle.codec(conn.style, conn.idSeed, payloadType);
    this.startMs = startMs;
  }

  boolean audio() {
    return kind.equals("audio");
  }

  long reported(int i) {
    return c[i] - base[i];
  }

  double reportedD(int i) {
    return d[i] - dbase[i];
  }

  void resetCounters() {
    for (int i = 0; i < N; i++) {
      carried[i] += last[i];
      last[i] = 0;
    }
    System.arraycopy(c, 0, base, 0, N);
    System.arraycopy(d, 0, dbase, 0, DN);
  }

  /** A counter as the sender reported it, summed over its resets (the truth of to_sfu legs). */
  long reportedTotal(int i) {
    return carried[i] + last[i];
  }

  /** One second of audio: 50 packets of 20 ms; smaller while muted (comfort noise), none on hold. */
  void stepAudio(boolean muted, boolean onHold, boolean speaking, SplittableRandom rng) {
    if (onHold) {
      pkts = 0;
      bytes = 0;
      audioLevel = 0;
      return;
    }
    pkts = 50;
    int payload = muted ? 12 : speaking ? 100 + rng.nextInt(30) : 55 + rng.nextInt(25);
    bytes = (long) pkts * payload;
    audioLevel = muted ? 0 : speaking ? 0.05 + 0.25 * rng.nextDouble() : 0.001 + 0.01 * rng.nextDouble();
    c[PKTS] += pkts;
    c[BYTES] += bytes;
    c[HEADER_BYTES] += pkts * 20L;
    d[D_PACKET_SEND_DELAY] += pkts * 0.0005;
    sourceEnergy += audioLevel * audioLevel;
    sourceSeconds += 1;
  }

  /**
   * One second of a camera or screen track on one connection: its layers share the uplink capacity
   * ({@code capKbps}, infinite when unconstrained); a CPU limit drops a resolution step and caps the frame rate.
   */
  static void stepVideoTrack(RtpSender[] layers, int count, int nominalRung, boolean screen, double capKbps,
      boolean cpu, boolean paused, SplittableRandom rng) {
    if (paused) {
      for (int i = 0; i < count; i++) {
        layers[i].idle("none");
      }
      return;
    }
    double budget = 0.85 * capKbps;
    for (int i = 0; i < count; i++) {
      layers[i].pkts = 0;
      layers[i].bytes = 0;
    }
    if (screen) {
      RtpSender s = layers[0];
      double kbps = Math.min(1200, budget);
      int fps = (int) Math.max(2, Math.round(15 * kbps / 1200));
      s.send(kbps * (0.9 + 0.2 * rng.nextDouble()), 1920, 1080, cpu ? Math.min(fps, 5) : fps,
          kbps < 1200 ? "bandwidth" : cpu ? "cpu" : "none", -1, rng);
      return;
    }
    if (count == 1) {
      RtpSender s = layers[0];
      int rung = Math.min(nominalRung + (cpu ? 1 : 0), LADDER.length - 1);
      String reason = cpu ? "cpu" : "none";
      while (rung < LADDER.length - 1 && LADDER[rung][3] > budget) {
        rung++;
        reason = "bandwidth";
      }
      double kbps = Math.min(LADDER[rung][3], budget);
      if (kbps < LADDER[rung][3]) {
        reason = "bandwidth";
      }
      int[] r = LADDER[rung];
      s.send(kbps * (0.9 + 0.2 * rng.nextDouble()), r[0], r[1], cpu ? Math.min(r[2], 15) : r[2], reason, rung, rng);
      return;
    }
    // Simulcast: layers from the lowest up, each sent only if the budget left covers it (the CPU drops the top one).
    String reason = cpu ? "cpu" : "none";
    double left = budget;
    double[] kbps = new double[count];
    for (int i = 0; i < count; i++) {
      int[] r = simulcastLayer(i, nominalRung);
      boolean cpuDrop = cpu && i == count - 1;
      if (i == 0 || (left >= r[3] && !cpuDrop)) {
        kbps[i] = Math.min(r[3], Math.max(left, 30));
        left -= kbps[i];
      } else if (!cpuDrop) {
        reason = "bandwidth";
      }
    }
    for (int i = 0; i < count; i++) {
      RtpSender s = layers[i];
      s.active = kbps[i] > 0;
      if (s.active) {
        int[] r = simulcastLayer(i, nominalRung);
        s.send(kbps[i] * (0.9 + 0.2 * rng.nextDouble()), r[0], r[1], cpu ? Math.min(r[2], 15) : r[2], null, i, rng);
      } else {
        s.idle(null);
      }
      s.setLimitation(reason);
    }
  }

  /** Width, height, fps and kbit/s of simulcast layer i: q and h fixed, f the camera's nominal resolution. */
  static int[] simulcastLayer(int i, int nominalRung) {
    return i < SIMULCAST.length ? SIMULCAST[i] : LADDER[Math.min(nominalRung, 1)];
  }

  private void send(double kbps, int w, int h, int frameRate, String reason, int newRung, SplittableRandom rng) {
    targetKbps = kbps;
    bytes = (long) (kbps * 125);
    pkts = (int) Math.max(frameRate, (bytes + 1099) / 1100);
    if (newRung >= 0 && rung >= 0 && newRung != rung) {
      c[QL_RESOLUTION_CHANGES]++;
    }
    if (newRung >= 0) {
      rung = newRung;
    }
    if (fps == 0 && c[FRAMES_ENCODED] == 0) {
      c[KEY_FRAMES]++;
    }
    width = w;
    height = h;
    fps = frameRate;
    c[PKTS] += pkts;
    c[BYTES] += bytes;
    c[HEADER_BYTES] += pkts * 30L;
    c[FRAMES_ENCODED] += frameRate;
    c[FRAMES_SENT] += frameRate;
    d[D_ENCODE_TIME] += frameRate * (0.002 + 0.003 * rng.nextDouble()) * (reason != null && reason.equals("cpu") ? 3 : 1);
    d[D_PACKET_SEND_DELAY] += pkts * 0.001;
    sourceFrames += frameRate;
    if (reason != null) {
      setLimitation(reason);
    }
  }

  private void idle(String reason) {
    pkts = 0;
    bytes = 0;
    fps = 0;
    targetKbps = 0;
    if (reason != null) {
      setLimitation(reason);
    }
  }

  private void setLimitation(String reason) {
    qualityLimitation = reason;
    switch (reason) {
      case "cpu" -> d[D_QL_CPU] += 1;
      case "bandwidth" -> d[D_QL_BANDWIDTH] += 1;
      default -> d[D_QL_NONE] += 1;
    }
  }

  /** Retransmissions for the NACKs its receivers sent this second. */
  void retransmit(int nacks) {
    c[RTX_PKTS] += nacks;
    c[RTX_BYTES] += nacks * 1100L;
  }

  /** Remembers what one of the sender's samples reported (the truth of a to_sfu leg is its reported counters). */
  void snapshot(long sampleMs) {
    samples++;
    lastSampleMs = sampleMs;
    for (int i = 0; i < N; i++) {
      last[i] = c[i] - base[i];
    }
    if (report != null) {
      report.senderSnapshot();
      snapLossWeighted = report.lossWeighted - report.pending;
      snapLossPackets = report.lossPackets - report.pending;
    }
  }
}

package callstats.lake.summary;

import callstats.lake.metrics.CounterDelta;
import callstats.lake.metrics.quality.AudioInterval;
import callstats.lake.metrics.quality.AudioQuality;
import callstats.lake.metrics.quality.AudioScore;
import callstats.lake.metrics.quality.VideoInterval;
import callstats.lake.metrics.quality.VideoQuality;
import callstats.lake.summary.CallInput.Rtp;
import callstats.lake.summary.Percentiles.Doubles;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Folds the samples of one media stream, in time order, into intervals (consecutive samples of the same
 * stream, with counter growth from {@link CounterDelta}) and the stream's summary: volume, loss, jitter,
 * RTT, video and audio measures, and a quality score per interval (E-model for audio, the video model for
 * video; inbound streams only). The far end's reports on the stream (remote-inbound-rtp for what we send,
 * remote-outbound-rtp for what we receive) are folded in as the source of RTT and of the sender-side loss.
 * Each interval is also handed to an {@link IntervalListener} (issues, per-minute participant scores).
 *
 * <p>Totals count from zero: getStats counters are cumulative since the stream began, so the first sample's values
 * are what the stream carried before it was first observed (its lead-in), and a stream's packets, bytes, packets
 * lost, frames dropped, freezes, NACKs, PLIs and concealment are the lead-in plus the growth over its intervals
 * (summed over counter resets). Rates (bitrate, frame rate) and scores use the observed intervals only, whose
 * length is known.
 */
public final class StreamFold {

  /** One interval between two samples of the stream: what the issue detector and minute buckets see. */
  public record Interval(long fromMs, long toMs, double seconds, String mediaType, boolean inbound, Double lossPct,
      long lost, Double rttMs, Double jitterMs, Double bitrateKbps, Double fps, Integer height, Double bitsPerPixel,
      double freezeS, double qlBandwidthS, double qlCpuS, Double concealmentPct, Double score, boolean poor) {}

  /** Receives every interval as it is computed. */
  public interface IntervalListener {
    void interval(StreamKey stream, Interval interval);
  }

  /** Identifies the stream: family is inbound (incl. remote-outbound reports) or outbound (incl. remote-inbound). */
  public record StreamKey(String ucId, String connectionId, long ssrc, String family) {}

  private final StreamKey key;
  private final boolean inbound;
  private final Function<String, Double> transportRttByRecord;
  private final IntervalListener listener;
  private final Set<String> seen = new HashSet<>();

  private Rtp prev;
  private Rtp prevRemote;
  private Rtp last;
  private String kind;
  private String mediaType;
  private String rid;
  private String codec;
  private String remoteId;
  private long firstMs = Long.MAX_VALUE;
  private long lastMs = Long.MIN_VALUE;
  private long samples;
  private double activeS;
  private long packets;
  private long bytes;
  private long intervalBytes;
  private long lost;
  private long lostInLossyIntervals;
  private double scoreWeighted;
  private double scoredS;
  private double framesTotal;
  private double freezeS;
  private double pauseS;
  private double qlBandwidthS;
  private double qlCpuS;
  private double qlOtherS;
  private double qlTotalS;
  private long concealed;
  private long totalSamples;
  private double jbDelayS;
  private long jbEmitted;
  private long counterResets;
  private final Total framesDropped = new Total();
  private final Total freezeCount = new Total();
  private final Total nacks = new Total();
  private final Total plis = new Total();
  private final Doubles intervalLoss = new Doubles();
  private final Doubles bitrates = new Doubles();
  private final Doubles jitters = new Doubles();
  private final Doubles rtts = new Doubles();
  private final Doubles fpsValues = new Doubles();
  private final Doubles scores = new Doubles();
  private final TreeMap<Integer, Double> heightSeconds = new TreeMap<>();
  private Integer widthMax;
  private final double highLossPct;

  private final long correctionMs;

  /**
   * @param correctionMs added to every client time of the stream (the endpoint's clock correction)
   * @param transportRttByRecord the connection's candidate-pair RTT of the same getStats sample, by record id
   */
  public StreamFold(StreamKey key, long correctionMs, Function<String, Double> transportRttByRecord,
      double highLossPct, IntervalListener listener) {
    this.key = key;
    this.correctionMs = correctionMs;
    this.inbound = key.family().equals("inbound");
    this.transportRttByRecord = transportRttByRecord;
    this.highLossPct = highLossPct;
    this.listener = listener;
  }

  public static String family(String direction) {
    return direction.equals("inbound") || direction.equals("remote-outbound") ? "inbound" : "outbound";
  }

  /** Adds the next sample of the stream (time order; a record seen before is ignored). */
  public void add(Rtp r) {
    if (!seen.add(r.recordId() + "|" + r.direction())) {
      return;
    }
    boolean local = r.direction().equals(key.family());
    if (!local) {
      remote(r);
      return;
    }
    samples++;
    kind = r.kind();
    mediaType = r.mediaType();
    rid = r.rid() != null ? r.rid() : rid;
    codec = r.codec() != null ? r.codec() : codec;
    remoteId = r.remoteId() != null ? r.remoteId() : remoteId;
    firstMs = Math.min(firstMs, r.tsMs() + correctionMs);
    lastMs = Math.max(lastMs, r.tsMs() + correctionMs);
    jitters.add(r.jitterMs());
    if (r.frameWidth() != null) {
      widthMax = widthMax == null ? r.frameWidth() : Math.max(widthMax, r.frameWidth());
    }
    if (prev == null) {
      leadIn(r);
    }
    if (prev != null && r.tsMs() > prev.tsMs()) {
      interval(prev, r);
    }
    if (prev == null || r.tsMs() > prev.tsMs()) {
      prev = r;
    }
    last = r;
  }

  /** What the stream carried before its first sample: the first sample's cumulative values. */
  private void leadIn(Rtp r) {
    packets += nonNegative(inbound ? r.packetsReceived() : r.packetsSent());
    bytes += nonNegative(inbound ? r.bytesReceived() : r.bytesSent());
    if (inbound) {
      lost += nonNegative(r.packetsLost());
    }
    freezeS += r.totalFreezesS() == null ? 0 : Math.max(0, r.totalFreezesS());
    pauseS += r.totalPausesS() == null ? 0 : Math.max(0, r.totalPausesS());
    concealed += Math.max(0, nonNegative(r.concealedSamples()) - nonNegative(r.silentConcealedSamples()));
    totalSamples += nonNegative(r.totalSamplesReceived());
    framesDropped.leadIn(r.framesDropped());
    freezeCount.leadIn(r.freezeCount());
    nacks.leadIn(r.nackCount());
    plis.leadIn(r.pliCount());
  }

  private static long nonNegative(Long v) {
    return v == null ? 0 : Math.max(0, v);
  }

  /** The far end's report: sender-side loss and RTT for outbound streams, RTT for inbound ones. */
  private void remote(Rtp r) {
    rtts.add(r.roundTripTimeMs());
    if (!inbound && prevRemote == null) {
      lost += nonNegative(r.packetsLost());
    }
    if (!inbound && prevRemote != null && r.packetsLost() != null && prevRemote.packetsLost() != null
        && r.tsMs() > prevRemote.tsMs()) {
      lost += Math.max(0, r.packetsLost() - prevRemote.packetsLost());
    }
    if (prevRemote == null || r.tsMs() > prevRemote.tsMs()) {
      prevRemote = r;
    }
  }

  private void interval(Rtp a, Rtp b) {
    double seconds = (b.tsMs() - a.tsMs()) / 1000.0;
    Long pa = inbound ? a.packetsReceived() : a.packetsSent();
    Long pb = inbound ? b.packetsReceived() : b.packetsSent();
    CounterDelta.Kind streamKind = pa != null && pb != null ? CounterDelta.classify(pa, pb) : CounterDelta.Kind.NORMAL;
    if (streamKind == CounterDelta.Kind.RESET) {
      counterResets++;
    }
    long dPackets = delta(pa, pb, streamKind);
    long dBytes = delta(inbound ? a.bytesReceived() : a.bytesSent(), inbound ? b.bytesReceived() : b.bytesSent(),
        streamKind);
    long dLost = 0;
    if (inbound && a.packetsLost() != null && b.packetsLost() != null) {
      dLost = CounterDelta.signedCounterDelta(a.packetsLost(), b.packetsLost(), streamKind);
    }
    packets += dPackets;
    bytes += dBytes;
    intervalBytes += dBytes;
    lost += dLost;
    framesDropped.step(a.framesDropped(), b.framesDropped(), streamKind);
    freezeCount.step(a.freezeCount(), b.freezeCount(), streamKind);
    nacks.step(a.nackCount(), b.nackCount(), streamKind);
    plis.step(a.pliCount(), b.pliCount(), streamKind);
    Double lossPct = inbound && dPackets + dLost > 0 ? 100.0 * dLost / (dPackets + dLost) : null;
    if (lossPct != null) {
      intervalLoss.add(lossPct);
      if (lossPct > highLossPct) {
        lostInLossyIntervals += dLost;
      }
    }
    boolean flowing = dPackets > 0;
    if (flowing) {
      activeS += seconds;
    }
    Double bitrate = flowing ? dBytes * 8.0 / seconds / 1000.0 : null;
    bitrates.add(bitrate);
    Double rtt = inbound ? firstNonNull(transportRttByRecord.apply(b.recordId()), b.roundTripTimeMs())
        : prevRemote == null ? null : prevRemote.roundTripTimeMs();
    if (inbound) {
      rtts.add(rtt);
    }
    double dFreeze = gaugeDelta(a.totalFreezesS(), b.totalFreezesS(), streamKind);
    double dPause = gaugeDelta(a.totalPausesS(), b.totalPausesS(), streamKind);
    freezeS += dFreeze;
    pauseS += dPause;
    double dQlBw = gaugeDelta(a.qlBandwidthS(), b.qlBandwidthS(), streamKind);
    double dQlCpu = gaugeDelta(a.qlCpuS(), b.qlCpuS(), streamKind);
    double dQlOther = gaugeDelta(a.qlOtherS(), b.qlOtherS(), streamKind);
    double dQlNone = gaugeDelta(a.qlNoneS(), b.qlNoneS(), streamKind);
    qlBandwidthS += dQlBw;
    qlCpuS += dQlCpu;
    qlOtherS += dQlOther;
    qlTotalS += dQlBw + dQlCpu + dQlOther + dQlNone;
    long dFrames = delta(inbound ? a.framesDecoded() : a.framesEncoded(), inbound ? b.framesDecoded() : b.framesEncoded(),
        streamKind);
    Double fps = kind.equals("video") && flowing ? dFrames / seconds : null;
    framesTotal += dFrames;
    fpsValues.add(fps);
    Integer height = b.frameHeight();
    if (height != null && flowing) {
      heightSeconds.merge(height, seconds, Double::sum);
    }
    long dConcealed = delta(a.concealedSamples(), b.concealedSamples(), streamKind)
        - delta(a.silentConcealedSamples(), b.silentConcealedSamples(), streamKind);
    long dTotal = delta(a.totalSamplesReceived(), b.totalSamplesReceived(), streamKind);
    concealed += Math.max(0, dConcealed);
    totalSamples += dTotal;
    Double concealmentPct = dTotal > 0 ? Math.min(100.0, 100.0 * Math.max(0, dConcealed) / dTotal) : null;
    double dJbDelay = gaugeDelta(a.jitterBufferDelayS(), b.jitterBufferDelayS(), streamKind);
    long dEmitted = delta(a.jitterBufferEmitted(), b.jitterBufferEmitted(), streamKind);
    jbDelayS += dJbDelay;
    jbEmitted += dEmitted;
    Double jbMs = dEmitted > 0 ? 1000.0 * dJbDelay / dEmitted : null;

    Double bpp = null;
    Double score = null;
    boolean poor = false;
    if (inbound && flowing) {
      if (kind.equals("audio")) {
        AudioScore s = AudioQuality.score(AudioInterval.of(codec, lossPct == null ? 0 : lossPct,
            rtt == null ? Double.NaN : rtt, jbMs == null ? Double.NaN : jbMs, bitrate == null ? Double.NaN : bitrate));
        score = s.mos();
        poor = s.band().belowFair();
      } else if (b.frameWidth() != null && height != null && fps != null) {
        VideoInterval vi = VideoInterval.camera(codec, bitrate, b.frameWidth(), height, fps, seconds)
            .withFreezeS(dFreeze).withScreen("screen".equals(mediaType));
        var s = VideoQuality.score(vi);
        score = s.score();
        bpp = s.bitsPerPixel();
        poor = s.band().belowFair();
      }
    }
    if (inbound && !flowing && kind.equals("video") && dFreeze > 0) {
      poor = true;
    }
    if (score != null) {
      scores.add(score);
      scoreWeighted += score * seconds;
      scoredS += seconds;
    }
    listener.interval(key, new Interval(a.tsMs() + correctionMs, b.tsMs() + correctionMs, seconds, mediaType, inbound, lossPct, dLost, rtt,
        b.jitterMs(), bitrate, fps, height, bpp, dFreeze, dQlBw, dQlCpu, concealmentPct, score, poor));
  }

  private static long delta(Long a, Long b, CounterDelta.Kind streamKind) {
    if (a == null || b == null) {
      return 0;
    }
    if (streamKind == CounterDelta.Kind.RESET) {
      return CounterDelta.delta(a, b, CounterDelta.Kind.RESET);
    }
    CounterDelta.Kind own = CounterDelta.classify(a, b);
    return CounterDelta.delta(a, b, own == CounterDelta.Kind.WRAP ? own : CounterDelta.Kind.NORMAL);
  }

  /** Growth of a cumulative seconds counter; after a reset the new value. */
  private static double gaugeDelta(Double a, Double b, CounterDelta.Kind streamKind) {
    if (a == null || b == null) {
      return 0;
    }
    if (streamKind == CounterDelta.Kind.RESET) {
      return Math.max(0, b);
    }
    return Math.max(0, b - a);
  }

  private static <T> T firstNonNull(T a, T b) {
    return a != null ? a : b;
  }

  /** True once a local sample was seen (remote reports alone make no stream row). */
  public boolean hasSamples() {
    return samples > 0;
  }

  public StreamKey key() {
    return key;
  }

  public String kind() {
    return kind;
  }

  public String mediaType() {
    return mediaType;
  }

  public long packets() {
    return packets;
  }

  public long lost() {
    return lost;
  }

  public double scoredSeconds() {
    return scoredS;
  }

  /** The stream's summary values, named as the gold.stream_summary columns. */
  public Map<String, Object> summary() {
    Map<String, Object> m = new java.util.HashMap<>();
    m.put("remote_id", remoteId);
    m.put("kind", kind);
    m.put("media_type", mediaType);
    m.put("rid", rid);
    m.put("codec", codec);
    m.put("first_ms", firstMs);
    m.put("last_ms", lastMs);
    m.put("samples", samples);
    m.put("active_s", activeS);
    m.put("packets", packets);
    m.put("bytes", bytes);
    m.put("packets_lost", lost);
    long denominator = inbound ? packets + lost : packets;
    m.put("loss_pct", denominator > 0 ? 100.0 * lost / denominator : null);
    m.put("burst_loss_pct", lost > 0 ? 100.0 * lostInLossyIntervals / lost : null);
    m.put("max_interval_loss_pct", intervalLoss.max());
    m.put("bitrate_mean_kbps", activeS > 0 ? intervalBytes * 8.0 / activeS / 1000.0 : null);
    m.put("bitrate_p95_kbps", bitrates.percentile(95));
    m.put("jitter_mean_ms", jitters.mean());
    m.put("jitter_p95_ms", jitters.percentile(95));
    m.put("rtt_mean_ms", rtts.mean());
    m.put("rtt_p95_ms", rtts.percentile(95));
    boolean video = "video".equals(kind);
    m.put("frame_width_max", video ? widthMax : null);
    m.put("frame_height_min", video && !heightSeconds.isEmpty() ? heightSeconds.firstKey() : null);
    m.put("frame_height_mode", video ? mode() : null);
    m.put("frame_height_max", video && !heightSeconds.isEmpty() ? heightSeconds.lastKey() : null);
    m.put("fps_mean", video && activeS > 0 ? framesTotal / activeS : null);
    m.put("fps_p5", video ? fpsValues.percentile(5) : null);
    m.put("frames_dropped", framesDropped.value());
    m.put("freeze_count", freezeCount.value());
    m.put("freeze_s", video && inbound ? freezeS : null);
    m.put("pause_s", video && inbound ? pauseS : null);
    m.put("ql_bandwidth_pct", qlTotalS > 0 ? 100.0 * qlBandwidthS / qlTotalS : null);
    m.put("ql_cpu_pct", qlTotalS > 0 ? 100.0 * qlCpuS / qlTotalS : null);
    m.put("ql_other_pct", qlTotalS > 0 ? 100.0 * qlOtherS / qlTotalS : null);
    m.put("nack_count", nacks.value());
    m.put("pli_count", plis.value());
    m.put("concealment_pct", totalSamples > 0 ? 100.0 * concealed / totalSamples : null);
    m.put("jitter_buffer_delay_ms", jbEmitted > 0 ? 1000.0 * jbDelayS / jbEmitted : null);
    m.put("quality_score", scoredS > 0 ? scoreWeighted / scoredS : null);
    m.put("quality_score_min", scores.min());
    m.put("counter_resets", counterResets);
    return m;
  }

  /** The height held longest; ties go to the larger height. */
  private Integer mode() {
    Integer best = null;
    double bestS = -1;
    for (Map.Entry<Integer, Double> e : heightSeconds.entrySet()) {
      if (e.getValue() >= bestS) {
        best = e.getKey();
        bestS = e.getValue();
      }
    }
    return best;
  }

  /** A counter's total from zero: the lead-in plus its growth over the intervals; null if never reported. */
  private static final class Total {
    private boolean reported;
    private long total;

    void leadIn(Long v) {
      if (v != null) {
        reported = true;
        total += Math.max(0, v);
      }
    }

    void step(Long a, Long b, CounterDelta.Kind streamKind) {
      if (b != null && a == null) {
        leadIn(b);
      } else if (a != null && b != null) {
        reported = true;
        total += delta(a, b, streamKind);
      }
    }

    Long value() {
      return reported ? total : null;
    }
  }
}

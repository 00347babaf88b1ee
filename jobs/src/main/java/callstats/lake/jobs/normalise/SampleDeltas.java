package callstats.lake.jobs.normalise;

import callstats.lake.metrics.CounterDelta;
import callstats.lake.table.silver.RtpStreamSampleCol;
import callstats.lake.table.silver.TransportSampleCol;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Interval deltas and rates against the previous sample of the same stream (rtp) or connection
 * (transport), over rows sorted by stream key and sample time within the partition. Counter resets and
 * 32-bit wraps are told apart by {@link CounterDelta}; a repeated sample time, a negative packetsLost
 * change, or a sample that arrived before an earlier one are flagged, and never turn into negative or
 * absurd rates. Rates need at least {@link #MIN_RATE_INTERVAL_S} between samples.
 */
final class SampleDeltas {

  static final double MIN_RATE_INTERVAL_S = 0.5;
  static final String FIRST_SAMPLE = "first_sample";
  static final String COUNTER_RESET = "counter_reset";
  static final String COUNTER_WRAP = "counter_wrap";
  static final String NEGATIVE_LOSS = "negative_loss";
  static final String DUPLICATE_TIMESTAMP = "duplicate_timestamp";
  static final String OUT_OF_ORDER = "out_of_order";

  private SampleDeltas() {}

  /** The sort order the functions below expect, after partitioning by the first four columns. */
  static final String[] RTP_ORDER = {"app_id", "conf_id", "uc_id", "connection_id", "direction", "kind", "ssrc",
      "sample_ts", "received_at", "source_file", "line_number"};
  static final String[] TRANSPORT_ORDER = {"app_id", "conf_id", "uc_id", "connection_id", "sample_ts", "received_at",
      "source_file", "line_number"};

  static MapPartitionsFunction<Row, Row> rtp() {
    return rows -> new Chain(rows, SampleDeltas::rtpKey, SampleDeltas::rtpDelta,
        RtpStreamSampleCol.SAMPLE_TS.ordinal(), RtpStreamSampleCol.FLAGS.ordinal(),
        RtpStreamSampleCol.RECEIVED_AT.ordinal(), RtpStreamSampleCol.SOURCE_FILE.ordinal(),
        RtpStreamSampleCol.LINE_NUMBER.ordinal());
  }

  static MapPartitionsFunction<Row, Row> transport() {
    return rows -> new Chain(rows, SampleDeltas::transportKey, SampleDeltas::transportDelta,
        TransportSampleCol.SAMPLE_TS.ordinal(), TransportSampleCol.FLAGS.ordinal(),
        TransportSampleCol.RECEIVED_AT.ordinal(), TransportSampleCol.SOURCE_FILE.ordinal(),
        TransportSampleCol.LINE_NUMBER.ordinal());
  }

  private static List<Object> rtpKey(Row r) {
    return List.of(r.get(RtpStreamSampleCol.APP_ID.ordinal()), r.get(RtpStreamSampleCol.CONF_ID.ordinal()),
        r.get(RtpStreamSampleCol.UC_ID.ordinal()), r.get(RtpStreamSampleCol.CONNECTION_ID.ordinal()),
        r.get(RtpStreamSampleCol.DIRECTION.ordinal()), r.get(RtpStreamSampleCol.KIND.ordinal()),
        r.get(RtpStreamSampleCol.SSRC.ordinal()));
  }

  private static List<Object> transportKey(Row r) {
    return List.of(r.get(TransportSampleCol.APP_ID.ordinal()), r.get(TransportSampleCol.CONF_ID.ordinal()),
        r.get(TransportSampleCol.UC_ID.ordinal()), r.get(TransportSampleCol.CONNECTION_ID.ordinal()));
  }

  /** Fills the delta slots of {@code out} from the previous and current sample; returns extra flags. */
  interface DeltaFunction {
    void apply(Row prev, Row cur, double intervalS, Object[] out, TreeSet<String> flags);
  }

  private static void rtpDelta(Row prev, Row cur, double intervalS, Object[] out, TreeSet<String> flags) {
    String direction = cur.getString(RtpStreamSampleCol.DIRECTION.ordinal());
    boolean receiving = direction.equals("inbound") || direction.equals("remote-inbound");
    int packetsCol = (receiving ? RtpStreamSampleCol.PACKETS_RECEIVED : RtpStreamSampleCol.PACKETS_SENT).ordinal();
    int bytesCol = (direction.equals("inbound") ? RtpStreamSampleCol.BYTES_RECEIVED : RtpStreamSampleCol.BYTES_SENT)
        .ordinal();
    CounterDelta.Kind kind = streamKind(prev, cur, packetsCol, bytesCol);
    if (kind == CounterDelta.Kind.RESET) {
      flags.add(COUNTER_RESET);
    } else if (kind == CounterDelta.Kind.WRAP) {
      flags.add(COUNTER_WRAP);
    }
    Long packets = counterDelta(prev, cur, packetsCol, kind);
    Long bytes = counterDelta(prev, cur, bytesCol, kind);
    Long lost = null;
    int lostCol = RtpStreamSampleCol.PACKETS_LOST.ordinal();
    if (!prev.isNullAt(lostCol) && !cur.isNullAt(lostCol)) {
      long p = prev.getLong(lostCol);
      long c = cur.getLong(lostCol);
      if (kind == CounterDelta.Kind.NORMAL && c < p) {
        flags.add(NEGATIVE_LOSS);
      }
      lost = CounterDelta.signedCounterDelta(p, c, kind);
    }
    int framesCol = (direction.equals("inbound") ? RtpStreamSampleCol.FRAMES_DECODED : RtpStreamSampleCol.FRAMES_ENCODED)
        .ordinal();
    Long frames = counterDelta(prev, cur, framesCol, kind);
    Long concealed = counterDelta(prev, cur, RtpStreamSampleCol.CONCEALED_SAMPLES.ordinal(), kind);
    Long samples = counterDelta(prev, cur, RtpStreamSampleCol.TOTAL_SAMPLES_RECEIVED.ordinal(), kind);
    out[RtpStreamSampleCol.INTERVAL_S.ordinal()] = intervalS;
    out[RtpStreamSampleCol.DELTA_PACKETS.ordinal()] = packets;
    out[RtpStreamSampleCol.DELTA_BYTES.ordinal()] = bytes;
    out[RtpStreamSampleCol.DELTA_PACKETS_LOST.ordinal()] = lost;
    out[RtpStreamSampleCol.DELTA_FRAMES.ordinal()] = frames;
    out[RtpStreamSampleCol.DELTA_CONCEALED_SAMPLES.ordinal()] = concealed;
    out[RtpStreamSampleCol.DELTA_TOTAL_SAMPLES.ordinal()] = samples;
    if (intervalS >= MIN_RATE_INTERVAL_S) {
      out[RtpStreamSampleCol.BITRATE_KBPS.ordinal()] = bytes == null ? null : bytes * 8.0 / intervalS / 1000.0;
      out[RtpStreamSampleCol.PACKET_RATE.ordinal()] = packets == null ? null : packets / intervalS;
      out[RtpStreamSampleCol.FRAME_RATE.ordinal()] = frames == null ? null : frames / intervalS;
    }
    if (receiving && lost != null && packets != null && lost + packets > 0) {
      out[RtpStreamSampleCol.LOSS_PCT.ordinal()] = 100.0 * lost / (lost + packets);
    }
    if (concealed != null && samples != null && samples > 0) {
      out[RtpStreamSampleCol.CONCEALMENT_PCT.ordinal()] = Math.min(100.0, 100.0 * concealed / samples);
    }
  }

  private static void transportDelta(Row prev, Row cur, double intervalS, Object[] out, TreeSet<String> flags) {
    int sentCol = TransportSampleCol.BYTES_SENT.ordinal();
    int receivedCol = TransportSampleCol.BYTES_RECEIVED.ordinal();
    CounterDelta.Kind kind = streamKind(prev, cur, sentCol, receivedCol);
    if (kind == CounterDelta.Kind.RESET) {
      flags.add(COUNTER_RESET);
    } else if (kind == CounterDelta.Kind.WRAP) {
      flags.add(COUNTER_WRAP);
    }
    out[TransportSampleCol.INTERVAL_S.ordinal()] = intervalS;
    if (intervalS >= MIN_RATE_INTERVAL_S) {
      Long sent = counterDelta(prev, cur, sentCol, kind);
      Long received = counterDelta(prev, cur, receivedCol, kind);
      out[TransportSampleCol.SEND_BITRATE_KBPS.ordinal()] = sent == null ? null : sent * 8.0 / intervalS / 1000.0;
      out[TransportSampleCol.RECEIVE_BITRATE_KBPS.ordinal()] = received == null ? null : received * 8.0 / intervalS / 1000.0;
    }
  }

  /** Reset, wrap or normal, judged on the stream's main counter (or its second when the first is absent). */
  private static CounterDelta.Kind streamKind(Row prev, Row cur, int mainCol, int secondCol) {
    for (int col : new int[] {mainCol, secondCol}) {
      if (!prev.isNullAt(col) && !cur.isNullAt(col)) {
        return CounterDelta.classify(prev.getLong(col), cur.getLong(col));
      }
    }
    return CounterDelta.Kind.NORMAL;
  }

  /**
   * Growth of one counter: after a stream reset every counter restarted; otherwise each counter may wrap
   * on its own, and a counter that fell without wrapping contributes nothing.
   */
  private static Long counterDelta(Row prev, Row cur, int col, CounterDelta.Kind streamKind) {
    if (prev.isNullAt(col) || cur.isNullAt(col)) {
      return null;
    }
    long p = prev.getLong(col);
    long c = cur.getLong(col);
    if (streamKind == CounterDelta.Kind.RESET) {
      return CounterDelta.delta(p, c, CounterDelta.Kind.RESET);
    }
    CounterDelta.Kind own = CounterDelta.classify(p, c);
    return CounterDelta.delta(p, c, own == CounterDelta.Kind.WRAP ? own : CounterDelta.Kind.NORMAL);
  }

  /** Walks sorted rows, pairing each with the previous row of the same key. */
  private static final class Chain implements Iterator<Row> {
    private final Iterator<Row> in;
    private final java.util.function.Function<Row, List<Object>> key;
    private final DeltaFunction delta;
    private final int tsCol;
    private final int flagsCol;
    private final int receivedCol;
    private final int fileCol;
    private final int lineCol;
    private Row prev;
    private List<Object> prevKey;

    Chain(Iterator<Row> in, java.util.function.Function<Row, List<Object>> key, DeltaFunction delta, int tsCol,
        int flagsCol, int receivedCol, int fileCol, int lineCol) {
      this.in = in;
      this.key = key;
      this.delta = delta;
      this.tsCol = tsCol;
      this.flagsCol = flagsCol;
      this.receivedCol = receivedCol;
      this.fileCol = fileCol;
      this.lineCol = lineCol;
    }

    @Override
    public boolean hasNext() {
      return in.hasNext();
    }

    @Override
    public Row next() {
      if (!in.hasNext()) {
        throw new NoSuchElementException();
      }
      Row cur = in.next();
      List<Object> k = key.apply(cur);
      Object[] out = new Object[cur.length()];
      for (int i = 0; i < out.length; i++) {
        out[i] = cur.get(i);
      }
      TreeSet<String> flags = new TreeSet<>(cur.getList(flagsCol));
      if (prev == null || !Objects.equals(k, prevKey)) {
        flags.add(FIRST_SAMPLE);
        prev = cur;
        prevKey = k;
      } else {
        Timestamp a = prev.getTimestamp(tsCol);
        Timestamp b = cur.getTimestamp(tsCol);
        double intervalS = (micros(b) - micros(a)) / 1e6;
        if (arrivedLater(prev, cur)) {
          flags.add(OUT_OF_ORDER);
        }
        if (intervalS <= 0) {
          flags.add(DUPLICATE_TIMESTAMP);
        } else {
          delta.apply(prev, cur, intervalS, out, flags);
          prev = cur;
        }
      }
      out[flagsCol] = scala.jdk.javaapi.CollectionConverters.asScala(new ArrayList<>(flags)).toList();
      return RowFactory.create(out);
    }

    /** True when the earlier sample reached the gateway after this one (delivered out of order). */
    private boolean arrivedLater(Row earlier, Row later) {
      int c = earlier.getTimestamp(receivedCol).compareTo(later.getTimestamp(receivedCol));
      if (c == 0) {
        c = earlier.getString(fileCol).compareTo(later.getString(fileCol));
      }
      if (c == 0) {
        c = Long.compare(earlier.getLong(lineCol), later.getLong(lineCol));
      }
      return c > 0;
    }

    private static long micros(Timestamp t) {
      return Math.floorDiv(t.getTime(), 1000L) * 1_000_000L + t.getNanos() / 1000L;
    }
  }
}

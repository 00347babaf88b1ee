package callstats.lake.jobs.normalise;

import callstats.lake.metrics.CounterDelta;
import callstats.lake.table.ColumnDef;
import callstats.lake.table.silver.RtpStreamSampleCol;
import callstats.lake.table.silver.TransportSampleCol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

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

  private static final UTF8String INBOUND = UTF8String.fromString("inbound");
  private static final UTF8String REMOTE_INBOUND = UTF8String.fromString("remote-inbound");

  private SampleDeltas() {}

  /** The sort order the functions below expect, after partitioning by the first four columns. */
  static final String[] RTP_ORDER = {"app_id", "conf_id", "uc_id", "connection_id", "direction", "kind", "ssrc",
      "sample_ts", "received_at", "source_file", "line_number"};
  static final String[] TRANSPORT_ORDER = {"app_id", "conf_id", "uc_id", "connection_id", "sample_ts", "received_at",
      "source_file", "line_number"};

  /** The rtp rows with their deltas, from rows already partitioned and sorted by {@link #RTP_ORDER}. */
  static Dataset<Row> rtp(Dataset<Row> sorted) {
    int[] key = ordinals(RtpStreamSampleCol.APP_ID, RtpStreamSampleCol.CONF_ID, RtpStreamSampleCol.UC_ID,
        RtpStreamSampleCol.CONNECTION_ID, RtpStreamSampleCol.DIRECTION, RtpStreamSampleCol.KIND,
        RtpStreamSampleCol.SSRC);
    StructType schema = inColumnOrder(sorted.schema(), RtpStreamSampleCol.values());
    return walk(sorted, rows -> new Chain(rows, schema, key, SampleDeltas::rtpDelta,
        RtpStreamSampleCol.SAMPLE_TS.ordinal(), RtpStreamSampleCol.FLAGS.ordinal(),
        RtpStreamSampleCol.RECEIVED_AT.ordinal(), RtpStreamSampleCol.SOURCE_FILE.ordinal(),
        RtpStreamSampleCol.LINE_NUMBER.ordinal()));
  }

  /** The transport rows with their deltas, from rows already partitioned and sorted by {@link #TRANSPORT_ORDER}. */
  static Dataset<Row> transport(Dataset<Row> sorted) {
    int[] key = ordinals(TransportSampleCol.APP_ID, TransportSampleCol.CONF_ID, TransportSampleCol.UC_ID,
        TransportSampleCol.CONNECTION_ID);
    StructType schema = inColumnOrder(sorted.schema(), TransportSampleCol.values());
    return walk(sorted, rows -> new Chain(rows, schema, key, SampleDeltas::transportDelta,
        TransportSampleCol.SAMPLE_TS.ordinal(), TransportSampleCol.FLAGS.ordinal(),
        TransportSampleCol.RECEIVED_AT.ordinal(), TransportSampleCol.SOURCE_FILE.ordinal(),
        TransportSampleCol.LINE_NUMBER.ordinal()));
  }

  /**
   * Runs {@code walk} over each partition of {@code sorted} as Spark's own rows, and gives back a frame of the same
   * schema. Spark's internal row API (public in the bytecode, internal to Spark): a walk over Java {@code Row}
   * objects would convert all 81 columns of every sample twice, which cost more than the walk itself. Rows
   * coming in may be reused by Spark once the next one is read: the walk copies what it keeps.
   */
  private static Dataset<Row> walk(Dataset<Row> sorted,
      FlatMapFunction<Iterator<InternalRow>, InternalRow> walk) {
    var frame = (org.apache.spark.sql.classic.Dataset<Row>) sorted;
    RDD<InternalRow> rows = frame.queryExecution().toRdd().toJavaRDD().mapPartitions(walk, true).rdd();
    return frame.sparkSession().internalCreateDataFrame(rows, frame.schema(), false);
  }

  /** The walk reads and writes slots by the table's column ordinals, so the rows must have exactly those columns. */
  private static StructType inColumnOrder(StructType schema, ColumnDef[] columns) {
    List<String> expected = Arrays.stream(columns).map(ColumnDef::column).toList();
    if (!Arrays.asList(schema.fieldNames()).equals(expected)) {
      throw new IllegalArgumentException("sample deltas need the columns " + expected + ", in that order; got "
          + Arrays.toString(schema.fieldNames()));
    }
    return schema;
  }

  private static int[] ordinals(Enum<?>... cols) {
    int[] out = new int[cols.length];
    for (int i = 0; i < cols.length; i++) {
      out[i] = cols[i].ordinal();
    }
    return out;
  }

  /**
   * Writes the delta slots of {@code cur} in place, from the previous and current sample (the slots are
   * fixed-width, and no counter the next sample reads is among them); adds flags to {@code flags}.
   */
  interface DeltaFunction {
    void apply(InternalRow prev, UnsafeRow cur, double intervalS, List<String> flags);
  }

  private static void rtpDelta(InternalRow prev, UnsafeRow cur, double intervalS, List<String> flags) {
    UTF8String direction = cur.getUTF8String(RtpStreamSampleCol.DIRECTION.ordinal());
    boolean receiving = direction.equals(INBOUND) || direction.equals(REMOTE_INBOUND);
    int packetsCol = (receiving ? RtpStreamSampleCol.PACKETS_RECEIVED : RtpStreamSampleCol.PACKETS_SENT).ordinal();
    int bytesCol = (direction.equals(INBOUND) ? RtpStreamSampleCol.BYTES_RECEIVED : RtpStreamSampleCol.BYTES_SENT)
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
    int framesCol = (direction.equals(INBOUND) ? RtpStreamSampleCol.FRAMES_DECODED : RtpStreamSampleCol.FRAMES_ENCODED)
        .ordinal();
    Long frames = counterDelta(prev, cur, framesCol, kind);
    Long concealed = counterDelta(prev, cur, RtpStreamSampleCol.CONCEALED_SAMPLES.ordinal(), kind);
    Long samples = counterDelta(prev, cur, RtpStreamSampleCol.TOTAL_SAMPLES_RECEIVED.ordinal(), kind);
    setDouble(cur, RtpStreamSampleCol.INTERVAL_S, intervalS);
    setLong(cur, RtpStreamSampleCol.DELTA_PACKETS, packets);
    setLong(cur, RtpStreamSampleCol.DELTA_BYTES, bytes);
    setLong(cur, RtpStreamSampleCol.DELTA_PACKETS_LOST, lost);
    setLong(cur, RtpStreamSampleCol.DELTA_FRAMES, frames);
    setLong(cur, RtpStreamSampleCol.DELTA_CONCEALED_SAMPLES, concealed);
    setLong(cur, RtpStreamSampleCol.DELTA_TOTAL_SAMPLES, samples);
    if (intervalS >= MIN_RATE_INTERVAL_S) {
      setDouble(cur, RtpStreamSampleCol.BITRATE_KBPS, bytes == null ? null : bytes * 8.0 / intervalS / 1000.0);
      setDouble(cur, RtpStreamSampleCol.PACKET_RATE, packets == null ? null : packets / intervalS);
      setDouble(cur, RtpStreamSampleCol.FRAME_RATE, frames == null ? null : frames / intervalS);
    }
    if (receiving && lost != null && packets != null && lost + packets > 0) {
      setDouble(cur, RtpStreamSampleCol.LOSS_PCT, 100.0 * lost / (lost + packets));
    }
    if (concealed != null && samples != null && samples > 0) {
      setDouble(cur, RtpStreamSampleCol.CONCEALMENT_PCT, Math.min(100.0, 100.0 * concealed / samples));
    }
  }

  private static void transportDelta(InternalRow prev, UnsafeRow cur, double intervalS, List<String> flags) {
    int sentCol = TransportSampleCol.BYTES_SENT.ordinal();
    int receivedCol = TransportSampleCol.BYTES_RECEIVED.ordinal();
    CounterDelta.Kind kind = streamKind(prev, cur, sentCol, receivedCol);
    if (kind == CounterDelta.Kind.RESET) {
      flags.add(COUNTER_RESET);
    } else if (kind == CounterDelta.Kind.WRAP) {
      flags.add(COUNTER_WRAP);
    }
    setDouble(cur, TransportSampleCol.INTERVAL_S, intervalS);
    if (intervalS >= MIN_RATE_INTERVAL_S) {
      Long sent = counterDelta(prev, cur, sentCol, kind);
      Long received = counterDelta(prev, cur, receivedCol, kind);
      setDouble(cur, TransportSampleCol.SEND_BITRATE_KBPS, sent == null ? null : sent * 8.0 / intervalS / 1000.0);
      setDouble(cur, TransportSampleCol.RECEIVE_BITRATE_KBPS,
          received == null ? null : received * 8.0 / intervalS / 1000.0);
    }
  }

  /** Writes a {@code bigint} slot of the row in place (its type is fixed-width, so the row keeps its size). */
  private static void setLong(UnsafeRow row, Enum<?> col, Long value) {
    if (value == null) {
      row.setNullAt(col.ordinal());
    } else {
      row.setLong(col.ordinal(), value);
    }
  }

  /** Writes a {@code double} slot of the row in place. */
  private static void setDouble(UnsafeRow row, Enum<?> col, Double value) {
    if (value == null) {
      row.setNullAt(col.ordinal());
    } else {
      row.setDouble(col.ordinal(), value);
    }
  }

  /** Reset, wrap or normal, judged on the stream's main counter (or its second when the first is absent). */
  private static CounterDelta.Kind streamKind(InternalRow prev, InternalRow cur, int mainCol, int secondCol) {
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
  private static Long counterDelta(InternalRow prev, InternalRow cur, int col, CounterDelta.Kind streamKind) {
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
  private static final class Chain implements Iterator<InternalRow> {
    private final Iterator<InternalRow> in;
    private final DataType[] types;
    private final int[] key;
    private final DeltaFunction delta;
    private final int tsCol;
    private final int flagsCol;
    private final int receivedCol;
    private final int fileCol;
    private final int lineCol;
    private final List<String> added = new ArrayList<>(4);
    private UnsafeRow prev;

    Chain(Iterator<InternalRow> in, StructType schema, int[] key, DeltaFunction delta, int tsCol, int flagsCol,
        int receivedCol, int fileCol, int lineCol) {
      this.in = in;
      this.types = Arrays.stream(schema.fields()).map(StructField::dataType).toArray(DataType[]::new);
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
    public InternalRow next() {
      if (!in.hasNext()) {
        throw new NoSuchElementException();
      }
      // A copy: Spark may reuse the row it gave once the next is read, and this one is the next one's previous.
      UnsafeRow cur = ((UnsafeRow) in.next()).copy();
      added.clear();
      if (prev == null || !sameKey(prev, cur)) {
        added.add(FIRST_SAMPLE);
        prev = cur;
      } else {
        double intervalS = (cur.getLong(tsCol) - prev.getLong(tsCol)) / 1e6;
        if (arrivedLater(prev, cur)) {
          added.add(OUT_OF_ORDER);
        }
        if (intervalS <= 0) {
          added.add(DUPLICATE_TIMESTAMP);
        } else {
          delta.apply(prev, cur, intervalS, added);
          prev = cur;
        }
      }
      return withFlags(cur);
    }

    private boolean sameKey(UnsafeRow a, UnsafeRow b) {
      for (int col : key) {
        boolean nullA = a.isNullAt(col);
        if (nullA != b.isNullAt(col)) {
          return false;
        }
        boolean equal = nullA || (types[col] instanceof StringType
            ? a.getUTF8String(col).equals(b.getUTF8String(col))
            : a.getLong(col) == b.getLong(col));
        if (!equal) {
          return false;
        }
      }
      return true;
    }

    /**
     * The row with its flags: the parser's flags and those added here, sorted and distinct. The flags are the one
     * variable-width column the walk changes, so only a row that gains a flag is rebuilt.
     */
    private InternalRow withFlags(UnsafeRow row) {
      ArrayData given = row.getArray(flagsCol);
      if (added.isEmpty() && sortedAndDistinct(given)) {
        return row;
      }
      TreeSet<String> flags = new TreeSet<>(added);
      for (int i = 0; i < given.numElements(); i++) {
        flags.add(given.getUTF8String(i).toString());
      }
      Object[] values = new Object[row.numFields()];
      for (int i = 0; i < values.length; i++) {
        values[i] = i == flagsCol ? null : row.get(i, types[i]);
      }
      values[flagsCol] = new GenericArrayData(flags.stream().map(UTF8String::fromString).toArray());
      return new GenericInternalRow(values);
    }

    private static boolean sortedAndDistinct(ArrayData flags) {
      for (int i = 1; i < flags.numElements(); i++) {
        if (flags.getUTF8String(i - 1).toString().compareTo(flags.getUTF8String(i).toString()) >= 0) {
          return false;
        }
      }
      return true;
    }

    /** True when the earlier sample reached the gateway after this one (delivered out of order). */
    private boolean arrivedLater(InternalRow earlier, InternalRow later) {
      int c = Long.compare(earlier.getLong(receivedCol), later.getLong(receivedCol));
      if (c == 0) {
        c = earlier.getUTF8String(fileCol).toString().compareTo(later.getUTF8String(fileCol).toString());
      }
      if (c == 0) {
        c = Long.compare(earlier.getLong(lineCol), later.getLong(lineCol));
      }
      return c > 0;
    }
  }
}

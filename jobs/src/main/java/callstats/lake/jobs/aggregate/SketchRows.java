package callstats.lake.jobs.aggregate;

import static org.apache.spark.sql.functions.col;

import callstats.lake.metrics.sketch.DistinctSketch;
import callstats.lake.metrics.sketch.QuantileSketch;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.datasketches.hll.HllSketch;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Builds sketches per group by streaming each group's values in sorted order through one task, so the
 * sketch bytes are the same on every run (see {@link QuantileSketch}, {@link DistinctSketch}). Memory holds
 * one sketch, never a group's values.
 */
final class SketchRows {

  private SketchRows() {}

  /**
   * Quantile sketches of {@code value} per (group columns, metric): one row per group and metric with the
   * count, p50, p95 and the sketch's bytes.
   */
  static Dataset<Row> quantiles(Dataset<Row> values, List<String> groups) {
    List<String> keys = new ArrayList<>(groups);
    keys.add("metric");
    StructType out = outSchema(values.schema(), keys, new StructField[] {
        DataTypes.createStructField("n", DataTypes.LongType, false),
        DataTypes.createStructField("p50", DataTypes.DoubleType, true),
        DataTypes.createStructField("p95", DataTypes.DoubleType, true),
        DataTypes.createStructField("sketch", DataTypes.BinaryType, false)});
    List<Column> order = new ArrayList<>(keys.stream().map(org.apache.spark.sql.functions::col).toList());
    order.add(col("value"));
    List<Column> select = new ArrayList<>(order);
    return values.select(select.toArray(Column[]::new)).where(col("value").isNotNull())
        .repartition(keys.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
        .sortWithinPartitions(order.toArray(Column[]::new))
        .mapPartitions(new GroupFold(keys.size(), false), Encoders.row(out));
  }

  /** HLL sketches of {@code item} (distinct, sorted) per group. */
  static Dataset<Row> distinct(Dataset<Row> items, List<String> groups) {
    StructType out = outSchema(items.schema(), groups, new StructField[] {
        DataTypes.createStructField("sketch", DataTypes.BinaryType, false)});
    List<Column> order = new ArrayList<>(groups.stream().map(org.apache.spark.sql.functions::col).toList());
    order.add(col("item"));
    return items.select(order.toArray(Column[]::new)).where(col("item").isNotNull()).distinct()
        .repartition(groups.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
        .sortWithinPartitions(order.toArray(Column[]::new))
        .mapPartitions(new GroupFold(groups.size(), true), Encoders.row(out));
  }

  private static StructType outSchema(StructType in, List<String> keys, StructField[] extra) {
    List<StructField> f = new ArrayList<>();
    for (String k : keys) {
      f.add(in.apply(k));
    }
    f.addAll(Arrays.asList(extra));
    return new StructType(f.toArray(StructField[]::new));
  }

  /** Walks rows sorted by (keys..., value) and emits one row per key. Keys are the first columns. */
  private static final class GroupFold implements org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>,
      Serializable {
    private static final long serialVersionUID = 1L;
    private final int keyCount;
    private final boolean distinct;

    GroupFold(int keyCount, boolean distinct) {
      this.keyCount = keyCount;
      this.distinct = distinct;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> in) {
      return new Iterator<>() {
        private Object[] key;
        private QuantileSketch quantiles;
        private HllSketch hll;

        @Override
        public boolean hasNext() {
          return in.hasNext() || key != null;
        }

        @Override
        public Row next() {
          while (in.hasNext()) {
            Row r = in.next();
            Object[] k = new Object[keyCount];
            for (int i = 0; i < keyCount; i++) {
              k[i] = r.get(i);
            }
            Row done = null;
            if (key != null && !Arrays.equals(k, key)) {
              done = emit();
            }
            if (key == null) {
              key = k;
              quantiles = QuantileSketch.empty();
              hll = DistinctSketch.builder();
            }
            Object v = r.get(keyCount);
            if (distinct) {
              hll.update(String.valueOf(v));
            } else {
              quantiles.add(((Number) v).doubleValue());
            }
            if (done != null) {
              return done;
            }
          }
          if (key != null) {
            return emit();
          }
          throw new NoSuchElementException();
        }

        private Row emit() {
          Object[] out = Arrays.copyOf(key, keyCount + (distinct ? 1 : 4));
          if (distinct) {
            out[keyCount] = hll.toCompactByteArray();
          } else {
            out[keyCount] = quantiles.count();
            out[keyCount + 1] = quantiles.quantile(0.5);
            out[keyCount + 2] = quantiles.quantile(0.95);
            out[keyCount + 3] = quantiles.toBytes();
          }
          key = null;
          return RowFactory.create(out);
        }
      };
    }
  }

}

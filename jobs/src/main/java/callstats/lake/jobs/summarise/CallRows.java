package callstats.lake.jobs.summarise;

import callstats.lake.metrics.quality.IssueThresholds;
import callstats.lake.summary.CallFold;
import callstats.lake.summary.CallInput;
import callstats.lake.table.TableSpec;
import callstats.lake.table.gold.Gold;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Runs {@link CallFold} over a partition of call records sorted by {@link CallInputs}: converts each row to
 * its {@link CallInput} record, starts a new fold at each new call, and yields the gold rows (a tagged
 * union: kind, then one struct per gold table) lazily, a call at a time.
 */
final class CallRows implements MapPartitionsFunction<Row, Row>, Serializable {

  private static final long serialVersionUID = 1L;

  static final StructType SCHEMA = schema();

  private static StructType schema() {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField("kind", DataTypes.IntegerType, false));
    for (TableSpec t : Gold.SUMMARIES) {
      fields.add(DataTypes.createStructField(t.name(), t.schema(), true));
    }
    return new StructType(fields.toArray(StructField[]::new));
  }

  private final IssueThresholds thresholds;
  private final double clockSkewMs;

  CallRows(IssueThresholds thresholds, double clockSkewMs) {
    this.thresholds = thresholds;
    this.clockSkewMs = clockSkewMs;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> input) {
    return new Iterator<>() {
      private final ArrayDeque<Row> out = new ArrayDeque<>();
      private final CallFold fold = new CallFold(thresholds, clockSkewMs, (table, values) -> out.add(wrap(table, values)));
      private String app;
      private String conf;
      private boolean open;

      @Override
      public boolean hasNext() {
        while (out.isEmpty()) {
          if (!input.hasNext()) {
            if (open) {
              fold.end();
              open = false;
              continue;
            }
            return false;
          }
          feed(input.next());
        }
        return true;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return out.poll();
      }

      private void feed(Row r) {
        String a = r.getString(r.fieldIndex("app_id"));
        String c = r.getString(r.fieldIndex("conf_id"));
        if (!open || !Objects.equals(a, app) || !Objects.equals(c, conf)) {
          if (open) {
            fold.end();
          }
          fold.begin(a, c, r.getDate(r.fieldIndex("call_date")));
          app = a;
          conf = c;
          open = true;
        }
        int kind = r.getInt(r.fieldIndex("kind"));
        Row s = r.getStruct(r.fieldIndex(CallInputs.FIELDS[kind]));
        switch (kind) {
          case CallInputs.SESSION -> fold.session(session(s));
          case CallInputs.PRECALL -> fold.precall(new CallInput.Precall(str(s, 0), str(s, 1), s.getLong(2), dbl(s, 3),
              dbl(s, 4), dbl(s, 5)));
          case CallInputs.FEEDBACK -> fold.feedback(new CallInput.Feedback(str(s, 0), str(s, 1), s.getLong(2),
              s.getInt(3)));
          case CallInputs.EVENT -> fold.event(new CallInput.Event(str(s, 0), str(s, 1), str(s, 2), s.getLong(3),
              str(s, 4), str(s, 5), str(s, 6), str(s, 7), str(s, 8), str(s, 9), dbl(s, 10), dbl(s, 11), dbl(s, 12),
              str(s, 13), str(s, 14), str(s, 15)));
          case CallInputs.TRANSPORT -> fold.transport(new CallInput.Transport(str(s, 0), str(s, 1), str(s, 2),
              s.getLong(3), str(s, 4), dbl(s, 5), dbl(s, 6), lng(s, 7), lng(s, 8), str(s, 9), str(s, 10), str(s, 11),
              str(s, 12), str(s, 13)));
          case CallInputs.RTP -> fold.rtp(rtp(s));
          default -> throw new IllegalStateException("unknown call record kind " + kind);
        }
      }
    };
  }

  private static CallInput.Session session(Row s) {
    return new CallInput.Session(str(s, 0), str(s, 1), str(s, 2), str(s, 3), str(s, 4), str(s, 5), str(s, 6),
        str(s, 7), str(s, 8), str(s, 9), str(s, 10), str(s, 11), str(s, 12), str(s, 13), str(s, 14), str(s, 15),
        str(s, 16), str(s, 17), str(s, 18), str(s, 19), lng(s, 20), str(s, 21), lng(s, 22), lng(s, 23), s.getLong(24),
        s.getLong(25), s.getLong(26), s.getLong(27));
  }

  private static CallInput.Rtp rtp(Row s) {
    return new CallInput.Rtp(str(s, 0), str(s, 1), str(s, 2), s.getLong(3), str(s, 4), s.getLong(5), str(s, 6),
        str(s, 7), str(s, 8), str(s, 9), str(s, 10), lng(s, 11), lng(s, 12), lng(s, 13), lng(s, 14), lng(s, 15),
        dbl(s, 16), dbl(s, 17), lng(s, 18), lng(s, 19), lng(s, 20), lng(s, 21), lng(s, 22), integer(s, 23),
        integer(s, 24), lng(s, 25), dbl(s, 26), dbl(s, 27), lng(s, 28), lng(s, 29), lng(s, 30), dbl(s, 31), lng(s, 32),
        dbl(s, 33), dbl(s, 34), dbl(s, 35), dbl(s, 36));
  }

  private static String str(Row r, int i) {
    return r.isNullAt(i) ? null : r.getString(i);
  }

  private static Long lng(Row r, int i) {
    return r.isNullAt(i) ? null : r.getLong(i);
  }

  private static Double dbl(Row r, int i) {
    return r.isNullAt(i) ? null : r.getDouble(i);
  }

  private static Integer integer(Row r, int i) {
    return r.isNullAt(i) ? null : r.getInt(i);
  }

  /** A gold row as the union row: kind, then the row's struct in its table's slot. */
  private static Row wrap(TableSpec table, Object[] values) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] instanceof List<?> list) {
        values[i] = scala.jdk.javaapi.CollectionConverters.asScala(list).toList();
      }
    }
    int k = Gold.SUMMARIES.indexOf(table);
    Object[] row = new Object[1 + Gold.SUMMARIES.size()];
    row[0] = k;
    row[1 + k] = RowFactory.create(values);
    return RowFactory.create(row);
  }

}

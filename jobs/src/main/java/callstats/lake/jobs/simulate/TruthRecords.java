package callstats.lake.jobs.simulate;

import static org.apache.spark.sql.functions.col;

import callstats.lake.table.ColumnDef;
import callstats.lake.table.TableSpec;
import callstats.lake.table.truth.LandingLineTruthCol;
import callstats.lake.table.truth.Truth;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The generator tasks return the rows of every generated truth table in one Dataset: a {@code kind} column naming
 * the table, and one struct column per table of which only the row's own is set. {@link #table} takes one table
 * back out, with exactly its declared columns.
 */
final class TruthRecords {

  static final String KIND = "kind";
  static final StructType SCHEMA;

  static {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(KIND, DataTypes.StringType, false));
    for (TableSpec spec : Truth.GENERATED) {
      fields.add(DataTypes.createStructField(spec.name(), spec.schema(), true));
    }
    SCHEMA = DataTypes.createStructType(fields);
  }

  private TruthRecords() {}

  /** The rows of one table, with its declared columns. */
  static Dataset<Row> table(Dataset<Row> records, TableSpec spec) {
    return records.filter(col(KIND).equalTo(spec.name())).select(col(spec.name() + ".*"));
  }

  static void addCall(CallTruth t, Collection<Row> out) {
    out.add(record(Truth.CALLS, t.call));
    t.participants.forEach(r -> out.add(record(Truth.PARTICIPANTS, r)));
    t.connections.forEach(r -> out.add(record(Truth.CONNECTIONS, r)));
    t.streams.forEach(r -> out.add(record(Truth.STREAMS, r)));
    t.impairments.forEach(r -> out.add(record(Truth.IMPAIRMENTS, r)));
  }

  /** A row per ingest path the file received lines of. */
  static void addFile(LocalDate date, LandingFiles.FileTally file, Collection<Row> out) {
    for (IngestPath path : IngestPath.values()) {
      if (file.tally().get(path, LineTally.LINES) > 0) {
        out.add(record(Truth.LANDING_LINES, landingLine(date, file, path)));
      }
    }
  }

  static TruthRow<LandingLineTruthCol> landingLine(LocalDate date, LandingFiles.FileTally file, IngestPath path) {
    LineTally t = file.tally();
    return new TruthRow<>(LandingLineTruthCol.class).date(LandingLineTruthCol.DATE, date)
        .date(LandingLineTruthCol.LANDING_DATE, file.landingDate())
        .set(LandingLineTruthCol.LANDING_HOUR, file.landingHour())
        .set(LandingLineTruthCol.FILE, file.relativePath()).set(LandingLineTruthCol.PATH, path.wire)
        .set(LandingLineTruthCol.LINES, t.get(path, LineTally.LINES))
        .set(LandingLineTruthCol.CLEAN_LINES, t.get(path, LineTally.CLEAN))
        .set(LandingLineTruthCol.RAW_BYTES, t.get(path, LineTally.RAW_BYTES))
        .set(LandingLineTruthCol.DUPLICATES, t.dirt(path, DirtKind.DUPLICATE))
        .set(LandingLineTruthCol.MALFORMED, t.dirt(path, DirtKind.MALFORMED))
        .set(LandingLineTruthCol.MISSING_IDS, t.dirt(path, DirtKind.MISSING_ID))
        .set(LandingLineTruthCol.NUMBERS_AS_STRINGS, t.dirt(path, DirtKind.NUMBERS_AS_STRINGS))
        .set(LandingLineTruthCol.OUT_OF_ORDER, t.dirt(path, DirtKind.OUT_OF_ORDER))
        .set(LandingLineTruthCol.LATE, t.dirt(path, DirtKind.LATE))
        .set(LandingLineTruthCol.CLOCK_SKEW, t.dirt(path, DirtKind.CLOCK_SKEW))
        .set(LandingLineTruthCol.COUNTER_RESETS, t.dirt(path, DirtKind.COUNTER_RESET));
  }

  private static <E extends Enum<E> & ColumnDef> Row record(TableSpec spec, TruthRow<E> row) {
    Object[] values = new Object[1 + Truth.GENERATED.size()];
    values[0] = spec.name();
    values[1 + Truth.GENERATED.indexOf(spec)] = RowFactory.create(external(row.values()));
    return RowFactory.create(values);
  }

  /** Spark's external type of an array column is a Scala Seq. */
  private static Object[] external(Object[] values) {
    Object[] out = values.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof List<?> list) {
        out[i] = CollectionConverters.asScala(list).toSeq();
      }
    }
    return out;
  }
}

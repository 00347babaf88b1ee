package callstats.lake.jobs.normalise;

import static callstats.lake.table.Types.BOOLEAN;
import static callstats.lake.table.Types.INT;
import static callstats.lake.table.Types.LONG;
import static callstats.lake.table.Types.STRING;

import callstats.lake.table.TableSpec;
import callstats.lake.table.gold.RtcstatsFeatureTables;
import callstats.lake.table.silver.Silver;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The one intermediate of a normalise run: every row that parsing produces, of every kind, in one
 * Dataset (a tagged union), so the landing files are read and parsed once and each silver table (and each
 * rtcstats feature table) is a projection of the staged result. Besides the table rows there is one LINE row
 * per line read (for deduplication and the ingest log) and one FILE row per file (size, lines read, read
 * error); {@code rtcstats-features} reads FEATURES rows instead of tables.
 */
final class Parsed {

  /** What a row of the union holds; the ordinal is the {@code kind} column. */
  enum Kind {
    SESSION(Silver.SESSIONS, "sessions"),
    EVENT(Silver.EVENTS, "events"),
    RTP(Silver.RTP_STREAM_SAMPLES, "rtp"),
    TRANSPORT(Silver.TRANSPORT_SAMPLES, "transport"),
    SSRC_MAP(Silver.SSRC_MAP, "ssrc_map"),
    FEEDBACK(Silver.FEEDBACK, "feedback"),
    PRECALL(Silver.PRECALL_TESTS, "precall"),
    RTCSTATS_SESSION(RtcstatsFeatureTables.SESSIONS, "rtcstats_session"),
    RTCSTATS_CONNECTION(RtcstatsFeatureTables.CONNECTIONS, "rtcstats_connection"),
    RTCSTATS_TRACK(RtcstatsFeatureTables.TRACKS, "rtcstats_track"),
    QUARANTINE(Silver.QUARANTINE, "quarantine"),
    LINE(null, "line"),
    FILE(null, "file"),
    FEATURES(null, "features");

    final TableSpec table;
    final String field;

    Kind(TableSpec table, String field) {
      this.table = table;
      this.field = field;
    }

    static Kind of(TableSpec table) {
      for (Kind k : values()) {
        if (k.table == table) {
          return k;
        }
      }
      throw new IllegalArgumentException("no parsed kind for " + table);
    }
  }

  static final StructType LINE_SCHEMA = new StructType(new StructField[] {
      DataTypes.createStructField("record_id", STRING, true),
      DataTypes.createStructField("accepted", BOOLEAN, false),
      DataTypes.createStructField("dialect", STRING, false),
      DataTypes.createStructField("app_id", STRING, true),
      DataTypes.createStructField("conf_id", STRING, true),
      DataTypes.createStructField("uc_id", STRING, true),
      DataTypes.createStructField("source_path", STRING, true),
      DataTypes.createStructField("user_id", STRING, true),
      DataTypes.createStructField("bytes", LONG, false)});

  static final StructType FILE_SCHEMA = new StructType(new StructField[] {
      DataTypes.createStructField("dialect", STRING, false),
      DataTypes.createStructField("file_bytes", LONG, false),
      DataTypes.createStructField("lines_read", LONG, false),
      DataTypes.createStructField("read_error", STRING, true)});

  /** The features object of one dump, for {@code rtcstats-features} (never written to a table). */
  static final StructType FEATURES_SCHEMA = new StructType(new StructField[] {
      DataTypes.createStructField("dump_id", STRING, false),
      DataTypes.createStructField("features_json", STRING, false)});

  static final StructType SCHEMA = schema();

  private static StructType schema() {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField("kind", INT, false));
    fields.add(DataTypes.createStructField("source_file", STRING, false));
    fields.add(DataTypes.createStructField("line_number", LONG, false));
    for (Kind k : Kind.values()) {
      StructType t = switch (k) {
        case LINE -> LINE_SCHEMA;
        case FILE -> FILE_SCHEMA;
        case FEATURES -> FEATURES_SCHEMA;
        default -> k.table.schema();
      };
      fields.add(DataTypes.createStructField(k.field, t, true));
    }
    return new StructType(fields.toArray(StructField[]::new));
  }

  private Parsed() {}

  /** A union row of the given kind carrying {@code values} (slots in the kind's column order). */
  static Row row(Kind kind, String sourceFile, long lineNumber, Object[] values) {
    Object[] out = new Object[3 + Kind.values().length];
    out[0] = kind.ordinal();
    out[1] = sourceFile;
    out[2] = lineNumber;
    out[3 + kind.ordinal()] = RowFactory.create(values);
    return RowFactory.create(out);
  }
}

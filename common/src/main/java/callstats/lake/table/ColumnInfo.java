package callstats.lake.table;

import org.apache.spark.sql.types.DataType;

/** Type, nullability and comment of a declared column. */
public record ColumnInfo(DataType type, boolean nullable, String comment) {

  /** A column that is never null. */
  public static ColumnInfo req(DataType type, String comment) {
    return new ColumnInfo(type, false, comment);
  }

  /** A column that may be null (absent in the source, or not applicable to the row). */
  public static ColumnInfo opt(DataType type, String comment) {
    return new ColumnInfo(type, true, comment);
  }
}

package callstats.lake.table;

import java.util.Locale;
import org.apache.spark.sql.types.DataType;

/**
 * One column of a table, declared as a constant of the table's enum: its name is the constant's name in
 * lower case, its position is the constant's ordinal (the row slot the parsers fill).
 */
public interface ColumnDef {

  String name();

  int ordinal();

  ColumnInfo info();

  default DataType type() {
    return info().type();
  }

  default boolean nullable() {
    return info().nullable();
  }

  /** What the column means, with its unit; becomes the Delta column comment. */
  default String comment() {
    return info().comment();
  }

  default String column() {
    return name().toLowerCase(Locale.ROOT);
  }
}

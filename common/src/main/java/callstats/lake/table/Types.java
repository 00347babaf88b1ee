package callstats.lake.table;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** Short names for the column types used in table declarations. */
public final class Types {
  public static final DataType STRING = DataTypes.StringType;
  public static final DataType LONG = DataTypes.LongType;
  public static final DataType INT = DataTypes.IntegerType;
  public static final DataType DOUBLE = DataTypes.DoubleType;
  public static final DataType BOOLEAN = DataTypes.BooleanType;
  public static final DataType TIMESTAMP = DataTypes.TimestampType;
  public static final DataType DATE = DataTypes.DateType;
  public static final DataType BINARY = DataTypes.BinaryType;
  public static final ArrayType STRINGS = DataTypes.createArrayType(DataTypes.StringType, false);
  public static final org.apache.spark.sql.types.MapType STRING_LONG_MAP =
      DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, true);

  private Types() {}
}

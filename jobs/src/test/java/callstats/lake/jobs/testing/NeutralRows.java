package callstats.lake.jobs.testing;

import callstats.lake.table.TableSpec;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Rows of any lake table for tests that need only a few columns set: the given values, null where a column is
 * nullable, and a neutral value (0, false, "x", empty) where it is not.
 */
public final class NeutralRows {

  private NeutralRows() {}

  public static Row row(TableSpec table, Map<String, Object> values) {
    StructField[] fields = table.schema().fields();
    Object[] out = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      String name = fields[i].name();
      out[i] = values.containsKey(name) ? values.get(name) : fields[i].nullable() ? null : neutral(fields[i].dataType());
    }
    return RowFactory.create(out);
  }

  private static Object neutral(DataType type) {
    if (type instanceof ArrayType) {
      return scala.jdk.javaapi.CollectionConverters.asScala(List.of()).toSeq();
    }
    if (type instanceof MapType) {
      return scala.collection.immutable.Map$.MODULE$.empty();
    }
    if (type instanceof StructType s) {
      Object[] inner = new Object[s.size()];
      for (int i = 0; i < inner.length; i++) {
        inner[i] = s.fields()[i].nullable() ? null : neutral(s.fields()[i].dataType());
      }
      return RowFactory.create(inner);
    }
    Map<DataType, Object> scalars = Map.of(DataTypes.StringType, "x", DataTypes.LongType, 0L,
        DataTypes.IntegerType, 0, DataTypes.ShortType, (short) 0, DataTypes.DoubleType, 0.0,
        DataTypes.FloatType, 0.0f, DataTypes.BooleanType, false, DataTypes.DateType, Date.valueOf("2026-01-01"),
        DataTypes.TimestampType, new Timestamp(0), DataTypes.BinaryType, new byte[0]);
    if (!scalars.containsKey(type)) {
      throw new IllegalArgumentException("no neutral value for " + type);
    }
    return scalars.get(type);
  }
}

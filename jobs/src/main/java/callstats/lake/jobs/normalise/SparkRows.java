package callstats.lake.jobs.normalise;

import java.io.Serializable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.CatalystTypeConverters;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Java {@code Row} objects of a known schema into a frame of Spark's own rows, by a converter built once for the
 * schema, instead of {@code createDataFrame}'s general encoder: the parser's union has 14 structs of which each row
 * fills one, and encoding it was the largest single cost of the parse stage. The values are the ones the encoder
 * takes ({@code String}, boxed numbers, {@code Timestamp} or {@code Instant}, {@code Date} or {@code LocalDate},
 * Java arrays or Scala sequences, nested {@code Row}s); anything else goes through Spark's own converters. A null
 * in a field declared not null, or a value of the wrong class, fails the task with the field's name, as the encoder
 * would.
 *
 * <p>Uses Spark's internal row API (public in the bytecode, internal to Spark).
 */
final class SparkRows {

  private SparkRows() {}

  /** The rows as a frame of {@code schema}. */
  static Dataset<Row> frame(SparkSession spark, JavaRDD<Row> rows, StructType schema) {
    Converter convert = struct(schema, "");
    JavaRDD<InternalRow> internal = rows.map(r -> (InternalRow) convert.apply(r));
    return ((org.apache.spark.sql.classic.SparkSession) spark).internalCreateDataFrame(internal.rdd(), schema, false);
  }

  /** One value's conversion, Java object to Spark's internal value; never called with null. */
  private interface Converter extends Function<Object, Object>, Serializable {}

  private static Converter struct(StructType type, String prefix) {
    StructField[] fields = type.fields();
    Converter[] converters = new Converter[fields.length];
    for (int i = 0; i < fields.length; i++) {
      converters[i] = of(fields[i].dataType(), prefix + fields[i].name() + ".");
    }
    String field = prefix.isEmpty() ? "the row" : prefix.substring(0, prefix.length() - 1);
    return value -> {
      Row row = as(Row.class, value, field);
      Object[] out = new Object[fields.length];
      for (int i = 0; i < fields.length; i++) {
        Object v = row.get(i);
        if (v != null) {
          out[i] = converters[i].apply(v);
        } else if (!fields[i].nullable()) {
          throw new IllegalStateException("the field " + prefix + fields[i].name() + " cannot be null");
        }
      }
      return new GenericInternalRow(out);
    };
  }

  private static Converter of(DataType type, String prefix) {
    String field = prefix.substring(0, prefix.length() - 1);
    if (type instanceof StringType) {
      return v -> UTF8String.fromString(as(String.class, v, field));
    }
    if (type instanceof LongType) {
      return v -> as(Long.class, v, field);
    }
    if (type instanceof IntegerType) {
      return v -> as(Integer.class, v, field);
    }
    if (type instanceof DoubleType) {
      return v -> as(Double.class, v, field);
    }
    if (type instanceof BooleanType) {
      return v -> as(Boolean.class, v, field);
    }
    if (type instanceof BinaryType) {
      return v -> as(byte[].class, v, field);
    }
    if (type instanceof TimestampType) {
      return v -> v instanceof Timestamp t ? DateTimeUtils.fromJavaTimestamp(t)
          : DateTimeUtils.instantToMicros(as(Instant.class, v, field));
    }
    if (type instanceof DateType) {
      return v -> v instanceof Date d ? DateTimeUtils.fromJavaDate(d)
          : DateTimeUtils.localDateToDays(as(LocalDate.class, v, field));
    }
    if (type instanceof StructType s) {
      return struct(s, prefix);
    }
    if (type instanceof ArrayType a) {
      Converter element = of(a.elementType(), prefix);
      return v -> {
        Object[] in = v instanceof scala.collection.Seq<?> seq
            ? scala.jdk.javaapi.CollectionConverters.asJava(seq).toArray() : as(Object[].class, v, field);
        Object[] out = new Object[in.length];
        for (int i = 0; i < in.length; i++) {
          if (in[i] != null) {
            out[i] = element.apply(in[i]);
          } else if (!a.containsNull()) {
            throw new IllegalStateException("the field " + field + " cannot hold a null element");
          }
        }
        return new GenericArrayData(out);
      };
    }
    return v -> CatalystTypeConverters.convertToCatalyst(v);
  }

  private static <T> T as(Class<T> expected, Object value, String field) {
    if (!expected.isInstance(value)) {
      throw new IllegalStateException("the field " + field + " holds a " + value.getClass().getName() + ", not a "
          + expected.getSimpleName());
    }
    return expected.cast(value);
  }
}

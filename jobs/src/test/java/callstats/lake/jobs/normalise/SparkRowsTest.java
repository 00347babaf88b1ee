package callstats.lake.jobs.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import callstats.lake.testing.TestLake;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The parser's rows into Spark's rows: the same values {@code createDataFrame} gives, and a clear error. */
class SparkRowsTest {

  private static final StructType INNER = new StructType(new StructField[] {
      DataTypes.createStructField("ts", DataTypes.TimestampType, false),
      DataTypes.createStructField("day", DataTypes.DateType, true),
      DataTypes.createStructField("flags", DataTypes.createArrayType(DataTypes.StringType, false), false),
      DataTypes.createStructField("n", DataTypes.LongType, true),
      DataTypes.createStructField("x", DataTypes.DoubleType, true),
      DataTypes.createStructField("ok", DataTypes.BooleanType, true)});
  private static final StructType SCHEMA = new StructType(new StructField[] {
      DataTypes.createStructField("kind", DataTypes.IntegerType, false),
      DataTypes.createStructField("name", DataTypes.StringType, false),
      DataTypes.createStructField("a", INNER, true),
      DataTypes.createStructField("b", INNER, true)});

  private final SparkSession spark = TestLake.spark();

  private JavaRDD<Row> rdd(List<Row> rows) {
    return JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 2);
  }

  @Test
  void givesTheValuesOfCreateDataFrame() {
    Timestamp ts = Timestamp.from(Instant.parse("2026-11-20T10:15:30.123456Z"));
    List<Row> rows = List.of(
        RowFactory.create(0, "a é ü 名前", RowFactory.create(ts, Date.valueOf("2026-11-20"),
            new String[] {"clock_skew", "first_sample"}, 42L, 1.5, true), null),
        RowFactory.create(1, "b", null, RowFactory.create(Timestamp.from(Instant.parse("1999-12-31T23:59:59Z")),
            Date.valueOf("1999-12-31"), new String[0], null, null, null)),
        RowFactory.create(1, "c", null, RowFactory.create(ts, null,
            scala.jdk.javaapi.CollectionConverters.asScala(List.of("x")).toList(), -1L, Double.NaN, false)));

    List<Row> ours = SparkRows.frame(spark, rdd(rows), SCHEMA).orderBy("name").collectAsList();
    List<Row> theirs = spark.createDataFrame(rdd(rows), SCHEMA).orderBy("name").collectAsList();

    assertThat(ours).isEqualTo(theirs).hasSize(3);
    Row first = ours.get(0);
    assertThat(first.getString(1)).isEqualTo("a é ü 名前");
    assertThat(first.getStruct(2).getTimestamp(0)).isEqualTo(ts);
    assertThat(first.getStruct(2).<String>getList(2)).containsExactly("clock_skew", "first_sample");
    assertThat(first.getStruct(2).getLong(3)).isEqualTo(42L);
    assertThat(first.isNullAt(3)).isTrue();
    assertThat(ours.get(1).getStruct(3).getDate(1)).isEqualTo(Date.valueOf("1999-12-31"));
    assertThat(ours.get(1).getStruct(3).<String>getList(2)).isEmpty();
    assertThat(ours.get(2).getStruct(3).getDouble(4)).isNaN();
  }

  @Test
  void takesJavaTimeValuesAsTheirSqlEquivalents() {
    Instant instant = Instant.parse("2026-11-20T10:15:30.123456Z");
    List<Row> javaTime = List.of(RowFactory.create(0, "x",
        RowFactory.create(instant, LocalDate.of(2026, 11, 20), new String[0], null, null, null), null));
    List<Row> sql = List.of(RowFactory.create(0, "x",
        RowFactory.create(Timestamp.from(instant), Date.valueOf("2026-11-20"), new String[0], null, null, null), null));

    assertThat(SparkRows.frame(spark, rdd(javaTime), SCHEMA).collectAsList())
        .isEqualTo(SparkRows.frame(spark, rdd(sql), SCHEMA).collectAsList());
  }

  @Test
  void aNullInAFieldDeclaredNotNullNamesTheField() {
    List<Row> rows = List.of(RowFactory.create(0, "x",
        RowFactory.create(null, null, new String[0], null, null, null), null));

    assertThatThrownBy(() -> SparkRows.frame(spark, rdd(rows), SCHEMA).collectAsList())
        .hasStackTraceContaining("the field a.ts cannot be null");
  }

  @Test
  void aNullElementOfAnArrayDeclaredWithoutNullsNamesTheField() {
    List<Row> rows = List.of(RowFactory.create(0, "x",
        RowFactory.create(new Timestamp(0), null, new String[] {"a", null}, null, null, null), null));

    assertThatThrownBy(() -> SparkRows.frame(spark, rdd(rows), SCHEMA).collectAsList())
        .hasStackTraceContaining("the field a.flags cannot hold a null element");
  }

  @Test
  void aValueOfTheWrongClassNamesTheField() {
    List<Row> rows = List.of(RowFactory.create(0, "x",
        RowFactory.create(new Timestamp(0), null, new String[0], 42, null, null), null));

    assertThatThrownBy(() -> SparkRows.frame(spark, rdd(rows), SCHEMA).collectAsList())
        .hasStackTraceContaining("the field a.n holds a java.lang.Integer, not a Long");
  }
}

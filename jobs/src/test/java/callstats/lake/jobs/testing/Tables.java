package callstats.lake.jobs.testing;

import callstats.lake.config.LakeUri;
import callstats.lake.table.DeltaTables;
import callstats.lake.table.TableSpec;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reading tables back in tests. */
public final class Tables {

  private Tables() {}

  public static Dataset<Row> read(SparkSession spark, LakeUri lake, TableSpec t) {
    return DeltaTables.read(spark, t, lake);
  }

  /** Every row of the table as a string (binary values in hex), sorted: equal lists mean equal table contents. */
  public static List<String> contents(SparkSession spark, LakeUri lake, TableSpec t) {
    return read(spark, lake, t).collectAsList().stream().map(Tables::render).sorted().toList();
  }

  private static String render(Object v) {
    if (v instanceof byte[] b) {
      return java.util.HexFormat.of().formatHex(b);
    }
    if (v instanceof Row r) {
      StringBuilder out = new StringBuilder("[");
      for (int i = 0; i < r.length(); i++) {
        out.append(i == 0 ? "" : ",").append(render(r.get(i)));
      }
      return out.append("]").toString();
    }
    if (v instanceof scala.collection.Map<?, ?> m) {
      java.util.TreeMap<String, String> sorted = new java.util.TreeMap<>();
      scala.jdk.javaapi.CollectionConverters.asJava(m).forEach((k, x) -> sorted.put(render(k), render(x)));
      return sorted.toString();
    }
    if (v instanceof scala.collection.Seq<?> seq) {
      return scala.jdk.javaapi.CollectionConverters.asJava(seq).stream().map(Tables::render).toList().toString();
    }
    return String.valueOf(v);
  }
}

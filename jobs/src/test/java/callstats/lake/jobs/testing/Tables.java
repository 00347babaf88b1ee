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

  /** Every row of the table as a string, sorted: equal lists mean equal table contents. */
  public static List<String> contents(SparkSession spark, LakeUri lake, TableSpec t) {
    return read(spark, lake, t).collectAsList().stream().map(Row::toString).sorted().toList();
  }
}

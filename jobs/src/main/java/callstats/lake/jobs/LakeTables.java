package callstats.lake.jobs;

import callstats.lake.config.LakeUri;
import callstats.lake.table.DeltaTables;
import callstats.lake.table.TableSpec;
import callstats.lake.table.audit.Audit;
import callstats.lake.table.gold.Gold;
import callstats.lake.table.gold.RtcstatsFeatureTables;
import callstats.lake.table.silver.Silver;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** Every table the jobs write, and their registration as temporary views for ad-hoc SQL. */
public final class LakeTables {

  private LakeTables() {}

  public static List<TableSpec> all() {
    List<TableSpec> out = new ArrayList<>(Silver.ALL);
    out.addAll(Gold.SUMMARIES);
    out.addAll(Gold.AGGREGATES);
    out.addAll(RtcstatsFeatureTables.ALL);
    return out;
  }

  /** Registers each existing table as the view {@code <layer>_<name>}. */
  public static void registerViews(SparkSession spark, LakeUri lake) {
    List<TableSpec> tables = new ArrayList<>(all());
    tables.add(Audit.ERASURES);
    for (TableSpec t : tables) {
      if (DeltaTables.exists(spark, t, lake)) {
        DeltaTables.read(spark, t, lake).createOrReplaceTempView(t.layer() + "_" + t.name());
      }
    }
  }
}

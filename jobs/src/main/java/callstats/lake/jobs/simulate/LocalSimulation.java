package callstats.lake.jobs.simulate;

import callstats.lake.table.TableSpec;
import callstats.lake.table.truth.Truth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;

/**
 * A simulated day without Spark, for tests of the later jobs: writes the same landing files as {@code simulate}
 * (same names, same bytes: the tasks run one after another in this thread) and keeps the truth rows in memory
 * instead of writing Delta tables. A day of 50 calls takes about a second. Memory grows with the calls: keep it to
 * test-sized days.
 */
public final class LocalSimulation {

  private final Map<TableSpec, List<Row>> rows;

  private LocalSimulation(Map<TableSpec, List<Row>> rows) {
    this.rows = rows;
  }

  /** Generates the day of {@code settings} into its landing zone (any Hadoop FileSystem URI). */
  public static LocalSimulation run(SimulateSettings settings) {
    FileSystem fs = LandingFiles.fileSystem(settings.landing(), new Configuration());
    SimulateJob.removePreviousRun(fs, settings);
    Map<TableSpec, List<Row>> rows = new LinkedHashMap<>();
    for (TableSpec spec : Truth.GENERATED) {
      rows.put(spec, new ArrayList<>());
    }
    int tasks = settings.partitions();
    for (int task = 0; task < tasks; task++) {
      LandingFiles files = new LandingFiles(fs, settings.landing(), settings.date(), task,
          settings.profile().gzipLevel());
      TaskRows records = new TaskRows(settings, TaskRows.slice(settings.calls(), tasks, task), files);
      while (records.hasNext()) {
        Row record = records.next();
        TableSpec spec = byName(record.getString(0));
        Row row = record.getStruct(1 + Truth.GENERATED.indexOf(spec));
        Object[] values = new Object[row.length()];
        for (int i = 0; i < values.length; i++) {
          values[i] = row.get(i);
        }
        rows.get(spec).add(new GenericRowWithSchema(values, spec.schema()));
      }
    }
    return new LocalSimulation(rows);
  }

  private static TableSpec byName(String name) {
    for (TableSpec spec : Truth.GENERATED) {
      if (spec.name().equals(name)) {
        return spec;
      }
    }
    throw new IllegalStateException("not a generated truth table: " + name);
  }

  /** The rows of a generated truth table ({@link Truth#GENERATED}), with the table's columns. */
  public List<Row> rows(TableSpec spec) {
    List<Row> r = rows.get(spec);
    if (r == null) {
      throw new IllegalArgumentException(spec + " is derived, not generated: use table(spark, spec)");
    }
    return r;
  }

  /** Any truth table as a DataFrame; the derived ones aggregated as {@code simulate} does. */
  public Dataset<Row> table(SparkSession spark, TableSpec spec) {
    if (spec == Truth.LANDING_DAYS) {
      return TruthTables.landingDays(table(spark, Truth.LANDING_LINES));
    }
    if (spec == Truth.APP_DAYS) {
      return TruthTables.appDays(table(spark, Truth.CALLS), table(spark, Truth.PARTICIPANTS));
    }
    return spark.createDataFrame(rows(spec), spec.schema());
  }
}

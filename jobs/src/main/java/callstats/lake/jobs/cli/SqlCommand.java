package callstats.lake.jobs.cli;

import callstats.lake.config.LakeConfig;
import callstats.lake.jobs.LakeTables;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {"Run a Spark SQL query against the lake and print the result.",
        "Every table is available as a view named <layer>_<table>, e.g. silver_events, gold_call_summary."})
public final class SqlCommand extends LakeCommand {

  @Parameters(paramLabel = "QUERY", description = "The query, e.g. \"select count(*) from silver_events\"")
  String query;

  @Option(names = "--rows", paramLabel = "N", defaultValue = "50", description = "Rows to print (default: ${DEFAULT-VALUE})")
  int rows;

  @Option(names = "--wide", description = "Do not truncate long values")
  boolean wide;

  @Override
  protected int run(SparkSession spark, LakeConfig config) throws Exception {
    LakeTables.registerViews(spark, config.lake());
    try {
      spark.sql(query).show(rows, !wide);
    } catch (Exception e) {
      if (!(e instanceof org.apache.spark.sql.AnalysisException)) {
        throw e;
      }
      throw new callstats.lake.config.ConfigError("the query is not valid: " + e.getMessage().lines().findFirst()
          .orElse(e.getMessage()));
    }
    return 0;
  }
}

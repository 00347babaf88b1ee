package callstats.lake.jobs.cli;

import callstats.lake.config.LakeConfig;
import callstats.lake.jobs.aggregate.AggregateJob;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;

@Command(name = "aggregate", mixinStandardHelpOptions = true,
    description = {"Compute the service-level tables for a day from the gold summaries: daily_service,",
        "daily_breakdown, and the week's and month's rows (weekly_service, monthly_service) that contain it.",
        "Re-running a day rewrites that day (and its week and month) only."})
public final class AggregateCommand extends DateCommand {

  @Override
  protected void runDate(SparkSession spark, LakeConfig config, LocalDate date) {
    AggregateJob.run(spark, config, date);
  }
}

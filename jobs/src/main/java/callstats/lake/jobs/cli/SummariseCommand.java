package callstats.lake.jobs.cli;

import callstats.lake.config.LakeConfig;
import callstats.lake.jobs.summarise.SummariseJob;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;

@Command(name = "summarise", mixinStandardHelpOptions = true,
    description = {"Summarise every call that records landed on a date belong to into the gold tables:",
        "stream_summary, connection_summary, participant_summary, call_summary and issues.",
        "Calls that started on earlier dates (midnight crossings, late uploads, up to summarise.late-days) are",
        "summarised again, completely; re-running a date is idempotent."})
public final class SummariseCommand extends DateCommand {

  @Override
  protected void runDate(SparkSession spark, LakeConfig config, LocalDate date) {
    SummariseJob.run(spark, config, date);
  }
}

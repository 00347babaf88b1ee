package callstats.lake.jobs.cli;

import callstats.lake.config.LakeConfig;
import callstats.lake.jobs.normalise.NormaliseJob;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;

@Command(name = "normalise", mixinStandardHelpOptions = true,
    description = {"Turn the raw telemetry landed on a date into typed, deduplicated silver Delta tables.",
        "Reads <landing>/callstats/date=D/hour=*/*.jsonl[.gz] and <landing>/rtcstats/date=D/*; rewrites the date's",
        "partition of every silver table, so re-running a date (for example after late files) is safe."})
public final class NormaliseCommand extends DateCommand {

  @Override
  protected void runDate(SparkSession spark, LakeConfig config, LocalDate date) {
    NormaliseJob.run(spark, config, date);
  }
}

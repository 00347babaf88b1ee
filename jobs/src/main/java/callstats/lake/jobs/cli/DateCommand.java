package callstats.lake.jobs.cli;

import callstats.lake.config.LakeConfig;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Mixin;

/** A command that processes one date ({@code --date}) or a range ({@code --from/--to}), a date at a time. */
public abstract class DateCommand extends LakeCommand {

  @Mixin
  DateRange dates;

  @Override
  protected void validate(LakeConfig config) {
    dates.dates();
  }

  @Override
  protected int run(SparkSession spark, LakeConfig config) throws Exception {
    for (LocalDate date : dates.dates()) {
      runDate(spark, config, date);
    }
    return 0;
  }

  protected abstract void runDate(SparkSession spark, LakeConfig config, LocalDate date) throws Exception;
}

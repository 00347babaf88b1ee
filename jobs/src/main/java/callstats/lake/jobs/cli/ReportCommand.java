package callstats.lake.jobs.cli;

import callstats.lake.config.ConfigError;
import callstats.lake.config.LakeConfig;
import callstats.lake.jobs.report.ReportJob;
import callstats.lake.jobs.report.ReportSettings;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Write the service-level report of a day from the gold tables: per app, an HTML page of the day,",
        "one of its ISO week to date and an index, under <lake>/reports/app=<app>/ (daily/D.html,",
        "weekly/<monday>.html, index.html). Run it after aggregate; re-running a day rewrites its pages."})
public final class ReportCommand extends DateCommand {

  @Option(names = "--app", paramLabel = "APP_ID", description = "Only this app (default: every app with data)")
  String app;

  @Override
  protected void validate(LakeConfig config) {
    super.validate(config);
    ReportSettings.from(config);
    if (app != null && app.isBlank()) {
      throw new ConfigError("--app must name an app id, cannot be blank");
    }
  }

  @Override
  protected void runDate(SparkSession spark, LakeConfig config, LocalDate date) {
    ReportJob.run(spark, config, date, app);
  }
}

package callstats.lake.jobs.cli;

import callstats.lake.config.LakeConfig;
import callstats.lake.jobs.maintain.MaintainJob;
import callstats.lake.jobs.maintain.MaintainJob.Scope;
import callstats.lake.jobs.maintain.MaintainSettings;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "maintain", mixinStandardHelpOptions = true,
    description = {"Expire old dates (maintain.retention-days per layer; 0 keeps everything), compact (OPTIMIZE,",
        "Z-ordered where a table declares it) and VACUUM every existing table. --from/--to limit OPTIMIZE to those",
        "date partitions; --layer to one layer's tables (the landing zone is expired only without --layer).",
        "Settings: the maintain section of the configuration (vacuum-retention-hours below 168 is refused unless",
        "allow-short-retention = true). Run it while no job writes the lake, for example weekly."})
public final class MaintainCommand extends LakeCommand {

  @Mixin
  DateRange dates;

  @Option(names = "--layer", paramLabel = "LAYER", description = "Only the tables of this layer (silver, gold)")
  String layer;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
      description = "The day retention counts back from (default: today, UTC)")
  String asOf;

  private Scope scope;
  private MaintainSettings settings;
  private LocalDate today;

  @Override
  protected void validate(LakeConfig config) {
    settings = MaintainSettings.from(config);
    today = asOf == null ? LocalDate.now(ZoneOffset.UTC) : DateRange.parse("--as-of", asOf);
    boolean ranged = dates.date != null || dates.from != null || dates.to != null;
    List<LocalDate> days = ranged ? dates.dates() : List.of();
    scope = ranged ? Scope.of(layer, days.get(0), days.get(days.size() - 1)) : Scope.of(layer, null, null);
  }

  @Override
  protected int run(SparkSession spark, LakeConfig config) {
    MaintainJob.run(spark, config, settings, scope, today);
    return 0;
  }
}

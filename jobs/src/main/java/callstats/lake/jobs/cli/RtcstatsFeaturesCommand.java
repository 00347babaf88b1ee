package callstats.lake.jobs.cli;

import callstats.lake.config.ConfigError;
import callstats.lake.config.LakeConfig;
import callstats.lake.ingest.IngestSettings;
import callstats.lake.jobs.normalise.RtcstatsFeaturesJob;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rtcstats-features", mixinStandardHelpOptions = true,
    description = {"Extract rtcstats-server's features from a directory of rtcstats dumps (plain or .gz).",
        "Writes <out>/<dump name without extension>.json holding {\"features\": {...}}, as rtcstats-server's",
        "extractor does, computed by the lake's own reader (the numbers of gold.rtcstats_*_features)."})
public final class RtcstatsFeaturesCommand extends LakeCommand {

  @Option(names = "--in", required = true, paramLabel = "DIR", description = "Directory of dump files (path or URI)")
  String in;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the .json files")
  String out;

  @Override
  protected void validate(LakeConfig config) {
    if (in.isBlank() || out.isBlank()) {
      throw new ConfigError("--in and --out must name directories");
    }
  }

  @Override
  protected int run(SparkSession spark, LakeConfig config) {
    RtcstatsFeaturesJob.Result r = RtcstatsFeaturesJob.run(spark, IngestSettings.withoutKey(config), in, out);
    return 0;
  }
}

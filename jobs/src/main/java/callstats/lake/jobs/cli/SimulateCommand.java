package callstats.lake.jobs.cli;

import callstats.lake.config.LakeConfig;
import callstats.lake.config.LakeUri;
import callstats.lake.jobs.simulate.Dialect;
import callstats.lake.jobs.simulate.SimulateJob;
import callstats.lake.jobs.simulate.SimulateSettings;
import callstats.lake.jobs.simulate.SimulatorProfile;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = {"Generate a day of realistic WebRTC call telemetry with known ground truth.",
        "Writes the calls' lines in the callstats REST ingest dialect to",
        "<landing>/callstats/date=D/hour=HH/sim-<date>-<task>.jsonl.gz (by when the gateway received them, so a call",
        "crossing midnight or uploaded late also lands in later dates), and the truth as Delta tables under --truth,",
        "partitioned by the simulated date. Same seed and arguments give byte-identical files; a re-run of a date",
        "replaces its files and truth. See docs/simulator.md."})
public final class SimulateCommand extends LakeCommand {

  @Mixin
  DateRange dates;

  @Option(names = "--calls", required = true, paramLabel = "N", description = "Calls per date, at least 1")
  long calls;

  @Option(names = "--apps", paramLabel = "K", description = "Apps (tenants) sharing the calls (default: simulate.apps, 3)")
  Integer apps;

  @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: simulate.seed, 1)")
  Long seed;

  @Option(names = "--dirt", paramLabel = "RATE",
      description = "Share of dirty lines: duplicates, malformed, missing ids, numbers as strings, out of order, "
          + "late; plus skewed clocks and counter resets (default: simulate.dirt, 0.01; 0 for clean data)")
  Double dirt;

  @Option(names = "--truth", paramLabel = "URI",
      description = "Where the truth tables go, outside the landing zone (default: <lake>/simulator/truth)")
  String truth;

  @Option(names = "--dialect", paramLabel = "DIALECT", defaultValue = "callstats",
      description = "Landing dialect to write: callstats (rtcstats is not generated yet)")
  String dialect;

  @Option(names = "--calls-per-task", paramLabel = "N",
      description = "Calls per generator task (default: simulate.calls-per-partition, 25); fewer, bigger files "
          + "with more. Part of what a run's files depend on")
  Integer callsPerTask;

  @Override
  protected void validate(LakeConfig config) {
    settings(config);
  }

  @Override
  protected int run(SparkSession spark, LakeConfig config) {
    for (SimulateSettings s : settings(config)) {
      SimulateJob.run(spark, s);
    }
    return 0;
  }

  private List<SimulateSettings> settings(LakeConfig config) {
    Dialect d = Dialect.parse(dialect);
    SimulatorProfile profile = SimulatorProfile.load(config, callsPerTask);
    String truthUri = truth == null ? config.lake().resolve("simulator").resolve("truth").value()
        : LakeUri.parse(truth, Path.of("").toAbsolutePath(), "--truth").value();
    List<SimulateSettings> out = new ArrayList<>();
    for (LocalDate date : dates.dates()) {
      out.add(new SimulateSettings(date, calls, apps == null ? profile.defaultApps() : apps,
          seed == null ? profile.defaultSeed() : seed, dirt == null ? profile.defaultDirt() : dirt, d,
          config.landing().value(), truthUri, profile));
    }
    return out;
  }
}

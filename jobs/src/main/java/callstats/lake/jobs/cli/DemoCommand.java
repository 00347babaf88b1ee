package callstats.lake.jobs.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import callstats.lake.config.ConfigError;
import callstats.lake.config.LakeConfig;
import callstats.lake.ingest.IngestSettings;
import callstats.lake.jobs.aggregate.AggregateJob;
import callstats.lake.jobs.normalise.NormaliseJob;
import callstats.lake.jobs.report.ReportJob;
import callstats.lake.jobs.simulate.Dialect;
import callstats.lake.jobs.simulate.SimulateJob;
import callstats.lake.jobs.simulate.SimulateSettings;
import callstats.lake.jobs.simulate.SimulatorProfile;
import callstats.lake.jobs.summarise.SummariseJob;
import callstats.lake.table.DeltaTables;
import callstats.lake.table.gold.Gold;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The whole pipeline on generated data: simulate a few days, then normalise, summarise, aggregate and report each
 * day, as the nightly DAG would. What a newcomer runs first; re-running it gives the same lake.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Run the whole pipeline on generated data: simulate --days days of calls ending on --date into",
        "the landing zone, then normalise, summarise, aggregate and report each day. The lake appears under",
        "--lake (./lake with conf/local.conf); re-running replaces the same days. Lines the simulator lands after",
        "--date (late uploads) wait in the landing zone for a later run."})
public final class DemoCommand extends LakeCommand {

  /** The key the demo hashes IP addresses with when none is set: fine for generated data, never for real data. */
  static final String DEMO_HASH_KEY = "callstats-lake-demo-key-not-a-secret";

  @Spec
  CommandSpec spec;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Last simulated day (default: yesterday, UTC)")
  String date;

  @Option(names = "--days", paramLabel = "N", defaultValue = "2", description = "Days to simulate (default: 2)")
  int days;

  @Option(names = "--calls", paramLabel = "N", defaultValue = "100", description = "Calls per day (default: 100)")
  long calls;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: 1)")
  long seed;

  Clock clock = Clock.systemUTC();

  @Override
  protected void validate(LakeConfig config) {
    if (days < 1 || days > 31) {
      throw new ConfigError("--days must be between 1 and 31, cannot be: " + days);
    }
    plan(config);
  }

  @Override
  protected int run(SparkSession spark, LakeConfig config) {
    PrintWriter out = spec.commandLine().getOut();
    IngestSettings ingest = IngestSettings.from(config, environment(config, out));
    List<SimulateSettings> plan = plan(config);
    for (SimulateSettings s : plan) {
      SimulateJob.Summary sim = SimulateJob.run(spark, s);
      out.printf("simulate  %s: %d calls, %d lines in %d files%n", s.date(), sim.calls(), sim.lines(), sim.files());
    }
    for (SimulateSettings s : plan) {
      LocalDate d = s.date();
      NormaliseJob.Result n = NormaliseJob.run(spark, config, ingest, d);
      out.printf("normalise %s: %d lines, %d accepted, %d quarantined, %d duplicates%n", d, n.linesRead(),
          n.accepted(), n.quarantined(), n.duplicates());
      SummariseJob.Result c = SummariseJob.run(spark, config, d);
      out.printf("summarise %s: %d calls%n", d, c.calls());
      AggregateJob.run(spark, config, d);
      ReportJob.Result r = ReportJob.run(spark, config, d, null);
      out.printf("aggregate and report %s: %d apps%n", d, r.apps().size());
    }
    LocalDate last = plan.get(plan.size() - 1).date();
    out.printf("%nThe lake is at %s; reports under %s%n", config.lake().value(),
        config.lake().resolve("reports").value());
    out.printf("gold.daily_service of %s:%n", last);
    out.flush();
    DeltaTables.read(spark, Gold.DAILY_SERVICE, config.lake()).where(col("period_start").equalTo(lit(last)))
        .select("app_id", "calls", "success_rate_pct", "failure_rate_pct", "drop_rate_pct", "participants")
        .orderBy("app_id").show(false);
    out.printf("Query the lake: bin/callstats-lake sql \"SELECT * FROM gold_call_summary LIMIT 10\"%n");
    out.flush();
    return 0;
  }

  private List<SimulateSettings> plan(LakeConfig config) {
    LocalDate end = date == null ? LocalDate.now(clock).minusDays(1) : DateRange.parse("--date", date);
    SimulatorProfile profile = SimulatorProfile.load(config, null);
    String truth = config.lake().resolve("simulator").resolve("truth").value();
    List<SimulateSettings> plan = new ArrayList<>();
    for (LocalDate d = end.minusDays(days - 1L); !d.isAfter(end); d = d.plusDays(1)) {
      plan.add(new SimulateSettings(d, calls, profile.defaultApps(), seed, profile.defaultDirt(), Dialect.CALLSTATS,
          config.landing().value(), truth, profile));
    }
    return plan;
  }

  /** The process environment, with the demo hash key when none is set (and a warning that says so). */
  private static Map<String, String> environment(LakeConfig config, PrintWriter out) {
    String name = config.read("privacy", p -> p.getString("hash-key-env"));
    Map<String, String> env = new HashMap<>(System.getenv());
    String key = env.get(name);
    if (key == null || key.isBlank()) {
      out.printf("%s is not set: the demo hashes addresses with a fixed, public demo key. Set your own key before "
          + "you load real data.%n", name);
      env.put(name, DEMO_HASH_KEY);
    }
    return env;
  }
}

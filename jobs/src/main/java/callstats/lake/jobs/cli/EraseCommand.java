package callstats.lake.jobs.cli;

import callstats.lake.config.LakeConfig;
import callstats.lake.jobs.erase.EraseJob;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "erase", mixinStandardHelpOptions = true,
    description = {"Erase a user (or one session, by ucID) of an app from every silver and gold table and the quarantine",
        "(Delta DELETE), and record the erasure in audit.erasures (ids as keyed hashes only). The files that held the",
        "rows are removed by the next `maintain` VACUUM once older than maintain.vacuum-retention-hours. Prints the",
        "rows deleted per table and the landing files that hold the user's raw lines (the lake never deletes those).",
        "Run it while no other job writes the lake."})
public final class EraseCommand extends LakeCommand {

  @Option(names = "--app", required = true, paramLabel = "APP", description = "appID of the user")
  String app;

  @Option(names = "--user", paramLabel = "USER", description = "The user id (localID) as the app sends it")
  String user;

  @Option(names = "--uc", paramLabel = "UCID", description = "A user session (ucID) to erase")
  String uc;

  private EraseJob.Request request;

  @Override
  protected void validate(LakeConfig config) {
    request = new EraseJob.Request(app, user, uc);
  }

  @Override
  protected int run(SparkSession spark, LakeConfig config) {
    EraseJob.Result r = EraseJob.run(spark, config, request);
    System.out.println("erasure " + r.erasureId() + ": " + r.ucIds().size() + " sessions");
    r.rowsDeleted().forEach((table, n) -> System.out.println("  " + table + ": " + n + " rows deleted"));
    if (!r.landingFiles().isEmpty()) {
      System.out.println("landing files that hold the user's raw lines (delete or rewrite them):");
      r.landingFiles().forEach(f -> System.out.println("  " + f));
    }
    return 0;
  }
}

package callstats.lake.jobs.cli;

import callstats.lake.config.LakeConfig;
import callstats.lake.jobs.AppViews;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "views", mixinStandardHelpOptions = true,
    description = {"Print the SQL that gives an analyst one app: a view per table filtered to app_id = APP.",
        "Run it in your metastore (spark-sql, beeline, Databricks, Athena with Glue) and grant the views, not the",
        "tables or their storage paths. Needs no Spark. See docs/operations.md, 'Giving an analyst one app'."})
public final class ViewsCommand implements Callable<Integer> {

  @Mixin
  LakeOptions lakeOptions;

  @Option(names = "--app", required = true, paramLabel = "APP", description = "The app id the views show")
  String app;

  @Option(names = "--database", paramLabel = "DB", description = "Database (schema) to create the views in")
  String database;

  @Option(names = "--prefix", paramLabel = "P", description = "View name prefix (default: the app id as an identifier, then _)")
  String prefix;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    LakeConfig config = lakeOptions.load();
    PrintWriter out = spec.commandLine().getOut();
    for (String statement : AppViews.statements(config.lake(), app, database,
        prefix == null ? AppViews.defaultPrefix(app) : prefix)) {
      out.println(statement + ";");
    }
    out.flush();
    return 0;
  }
}

package callstats.lake.jobs;

import callstats.lake.config.ConfigError;
import callstats.lake.config.LakeUri;
import callstats.lake.table.TableSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SQL that gives an analyst one app of the lake: a view per table with an {@code app_id} column,
 * {@code SELECT * FROM delta.`<table location>` WHERE app_id = '<app>'}, to be created in a metastore (Hive,
 * Glue, Unity Catalog) and granted instead of the tables. The shared tables cannot be split by object-store
 * path per app: their files are partitioned by date and hold every app's rows.
 */
public final class AppViews {

  static final String APP_ID = "app_id";
  private static final Pattern APP = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

  private AppViews() {}

  /** The tables that carry {@code app_id} and so get a view. */
  public static List<TableSpec> tables() {
    return LakeTables.all().stream().filter(t -> Arrays.asList(t.schema().fieldNames()).contains(APP_ID)).toList();
  }

  /** The view name prefix used when none is given: the app id with every other character than [A-Za-z0-9_] as _. */
  public static String defaultPrefix(String app) {
    String p = app.replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(Locale.ROOT) + "_";
    return Character.isDigit(p.charAt(0)) ? "app_" + p : p;
  }

  /**
   * One {@code CREATE OR REPLACE VIEW} statement per table, named {@code [database.]<prefix><layer>_<table>}.
   * The app id is checked (letters, digits and {@code ._:@-}) rather than escaped, so no value can change the
   * statement.
   */
  public static List<String> statements(LakeUri lake, String app, String database, String prefix) {
    if (app == null || !APP.matcher(app).matches()) {
      throw new ConfigError("--app must be an app id of letters, digits and ._:@- (at most 128), cannot be: " + app);
    }
    if (database != null && !IDENTIFIER.matcher(database).matches()) {
      throw new ConfigError("--database must be an identifier ([A-Za-z_][A-Za-z0-9_]*), cannot be: " + database);
    }
    if (!IDENTIFIER.matcher(prefix).matches()) {
      throw new ConfigError("--prefix must start an identifier ([A-Za-z_][A-Za-z0-9_]*), cannot be: " + prefix);
    }
    String qualifier = database == null ? "" : database + ".";
    return tables().stream().map(t -> "CREATE OR REPLACE VIEW " + qualifier + prefix + t.layer() + "_" + t.name()
        + " COMMENT '" + t.comment().replace("\\", "").replace("'", "") + " (app " + app + " only)'"
        + " AS SELECT * FROM delta.`" + t.location(lake).value() + "` WHERE " + APP_ID + " = '" + app + "'").toList();
  }
}

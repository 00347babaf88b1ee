package callstats.lake.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import callstats.lake.config.ConfigError;
import callstats.lake.config.LakeConfig;
import callstats.lake.jobs.cli.Main;
import callstats.lake.jobs.testing.NeutralRows;
import callstats.lake.table.DeltaTables;
import callstats.lake.table.TableSpec;
import callstats.lake.table.gold.Gold;
import callstats.lake.table.silver.Silver;
import callstats.lake.testing.TestLake;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-app views that give an analyst one app: created from the printed statements in a real catalog, each
 * view returns that app's rows of its table and none of another app's.
 */
class AppViewsTest {

  private static final List<TableSpec> WRITTEN = List.of(Silver.SESSIONS, Silver.QUARANTINE, Gold.CALL_SUMMARY,
      Gold.DAILY_SERVICE);

  @Test
  void eachViewShowsOnlyItsAppsRows(@TempDir Path dir) {
    SparkSession spark = TestLake.spark();
    LakeConfig config = TestLake.config(dir.resolve("lake"), dir.resolve("landing"));
    for (TableSpec t : WRITTEN) {
      List<Row> rows = List.of(NeutralRows.row(t, Map.of("app_id", "acme")), NeutralRows.row(t, Map.of("app_id", "acme")),
          NeutralRows.row(t, Map.of("app_id", "globex")));
      DeltaTables.append(spark, t, config.lake(), spark.createDataFrame(rows, t.schema()), Map.of("job", "test"));
    }

    List<String> statements = AppViews.statements(config.lake(), "acme", null, AppViews.defaultPrefix("acme"));

    assertThat(statements).hasSameSizeAs(AppViews.tables());
    for (TableSpec t : WRITTEN) {
      String view = "acme_" + t.layer() + "_" + t.name();
      String ddl = statements.stream().filter(s -> s.startsWith("CREATE OR REPLACE VIEW " + view + " ")).findFirst()
          .orElseThrow();
      spark.sql(ddl);
      assertThat(spark.sql("SELECT app_id, count(*) FROM " + view + " GROUP BY app_id").collectAsList())
          .as(view).extracting(Row::toString).containsExactly("[acme,2]");
      spark.sql("DROP VIEW " + view);
    }
  }

  @Test
  void everyTableWithAnAppIdGetsAViewAndTheIngestLogHasNone() {
    assertThat(AppViews.tables()).contains(Silver.SESSIONS, Silver.QUARANTINE, Gold.DAILY_BREAKDOWN,
        Gold.MONTHLY_SERVICE).doesNotContain(Silver.INGEST_LOG);
    assertThat(LakeTables.all()).filteredOn(t -> !AppViews.tables().contains(t))
        .allSatisfy(t -> assertThat(t.schema().fieldNames()).doesNotContain("app_id"));
  }

  @Test
  void valuesThatCouldChangeTheStatementAreRefused() {
    LakeConfig config = TestLake.config("/tmp/l", "/tmp/l/landing", Map.of());
    assertThatThrownBy(() -> AppViews.statements(config.lake(), "a' OR '1'='1", null, "a_"))
        .isInstanceOf(ConfigError.class).hasMessageContaining("--app must be an app id");
    assertThatThrownBy(() -> AppViews.statements(config.lake(), "acme", "db; DROP", "a_"))
        .isInstanceOf(ConfigError.class).hasMessageContaining("--database");
    assertThat(AppViews.defaultPrefix("7f3a-acme.eu")).isEqualTo("app_7f3a_acme_eu_");
    assertThat(AppViews.statements(config.lake(), "acme", "analytics", "x_").get(0))
        .startsWith("CREATE OR REPLACE VIEW analytics.x_silver_").endsWith("WHERE app_id = 'acme'");
    assertThat(Main.execute("views", "--app", "x'y")).isEqualTo(Main.EXIT_USAGE);
    assertThat(Main.execute("views")).isEqualTo(Main.EXIT_USAGE);
  }
}

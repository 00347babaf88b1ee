package callstats.lake.jobs.erase;

import static org.apache.spark.sql.functions.col;

import callstats.lake.config.ConfigError;
import callstats.lake.config.LakeConfig;
import callstats.lake.ingest.IngestSettings;
import callstats.lake.jobs.LakeTables;
import callstats.lake.table.ConcurrentWriteError;
import callstats.lake.table.DeltaTables;
import callstats.lake.table.TableSpec;
import callstats.lake.table.audit.Audit;
import callstats.lake.table.gold.Gold;
import callstats.lake.table.silver.Silver;
import io.delta.exceptions.DeltaConcurrentModificationException;
import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases one user of one app (or one user session, by ucID) from every silver and gold table and the
 * quarantine, with Delta DELETE, and records the erasure in {@code audit.erasures}.
 *
 * <p>Which rows: in tables with a {@code user_id}, the user's rows (the id as stored, so the keyed hash for
 * pseudonymised apps), and in every table the rows of the user's sessions (the ucIDs found for the user in
 * {@code silver.sessions} and {@code gold.participant_summary}): {@code uc_id} in silver and gold, {@code dump_id}
 * in the rtcstats feature tables, {@code stream_user_id} in {@code silver.ssrc_map}. Quarantined lines whose app
 * could not be read are matched by user id alone. The daily, weekly and monthly aggregates hold counts and
 * sketches of many users, no rows of one, and are left as they are.
 *
 * <p>A DELETE makes a new table version without the rows; the files that still hold them stay for time travel
 * until {@code maintain} runs VACUUM (after {@code maintain.vacuum-retention-hours}). Tables with deletion
 * vectors are purged ({@code REORG TABLE ... APPLY (PURGE)}) so that VACUUM can remove those files too. The
 * landing files that hold the user's raw lines are listed in the audit row: the lake never changes the landing
 * zone.
 */
public final class EraseJob {

  private static final Logger LOG = LoggerFactory.getLogger(EraseJob.class);

  private EraseJob() {}

  /** Who to erase: an app and a user id and/or a ucID. */
  public record Request(String appId, String userId, String ucId) {
    public Request {
      if (appId == null || appId.isBlank()) {
        throw new ConfigError("erase needs --app, cannot be empty");
      }
      if ((userId == null || userId.isBlank()) && (ucId == null || ucId.isBlank())) {
        throw new ConfigError("erase needs --user or --uc (or both)");
      }
    }
  }

  /** What was erased. */
  public record Result(String erasureId, List<String> ucIds, Map<String, Long> rowsDeleted, List<String> landingFiles) {}

  public static Result run(SparkSession spark, LakeConfig config, Request request) {
    return run(spark, config, IngestSettings.from(config, System.getenv()), request);
  }

  public static Result run(SparkSession spark, LakeConfig config, IngestSettings settings, Request request) {
    String erasureId = UUID.randomUUID().toString();
    String app = request.appId();
    String user = request.userId() == null ? null : settings.personalId(app, request.userId());
    String userNoApp = request.userId() == null ? null : settings.personalId(null, request.userId());
    TreeSet<String> ucIds = new TreeSet<>();
    if (request.ucId() != null) {
      ucIds.add(request.ucId());
    }
    if (user != null) {
      for (TableSpec t : List.of(Silver.SESSIONS, Gold.PARTICIPANT_SUMMARY)) {
        if (DeltaTables.exists(spark, t, config.lake())) {
          DeltaTables.read(spark, t, config.lake()).where(col("app_id").equalTo(app).and(col("user_id").equalTo(user)))
              .select("uc_id").distinct().collectAsList().forEach(r -> ucIds.add(r.getString(0)));
        }
      }
    }
    Map<String, String> commit = Map.of("job", "erase", "erasure_id", erasureId);
    Map<String, Long> deleted = new TreeMap<>();
    TreeSet<String> landingFiles = new TreeSet<>();
    for (TableSpec t : LakeTables.all()) {
      if (!DeltaTables.exists(spark, t, config.lake())) {
        continue;
      }
      Column where = condition(t, app, user, userNoApp, List.copyOf(ucIds));
      if (where == null) {
        continue;
      }
      Dataset<Row> rows = DeltaTables.read(spark, t, config.lake()).where(where);
      if (t.schema().getFieldIndex("source_file").isDefined()) {
        rows.select("source_file").distinct().collectAsList().forEach(r -> landingFiles.add(r.getString(0)));
      }
      long n = rows.count();
      if (n == 0) {
        continue;
      }
      delete(spark, t, config, where, commit);
      deleted.put(t.qualifiedName(), n);
      LOG.info("erase {}: {} rows deleted from {}", erasureId, n, t.qualifiedName());
    }
    audit(spark, config, settings, request, erasureId, ucIds.size(), deleted, landingFiles, commit);
    return new Result(erasureId, List.copyOf(ucIds), deleted, List.copyOf(landingFiles));
  }

  /** The rows of the user in table t, or null when t holds none (aggregates). */
  static Column condition(TableSpec t, String app, String user, String userNoApp, List<String> ucIds) {
    StructType s = t.schema();
    if (s.getFieldIndex("app_id").isEmpty()) {
      return null;
    }
    Column ofApp = col("app_id").equalTo(app);
    Column match = null;
    if (user != null && s.getFieldIndex("user_id").isDefined()) {
      match = col("user_id").equalTo(user);
      if (s.getFieldIndex("stream_user_id").isDefined()) {
        match = match.or(col("stream_user_id").equalTo(user));
      }
    }
    String sessionCol = s.getFieldIndex("uc_id").isDefined() ? "uc_id"
        : s.getFieldIndex("dump_id").isDefined() ? "dump_id" : null;
    if (sessionCol != null && !ucIds.isEmpty()) {
      Column sessions = col(sessionCol).isin(ucIds.toArray());
      match = match == null ? sessions : match.or(sessions);
    }
    if (match == null) {
      return null;
    }
    Column where = ofApp.and(match);
    if (t.equals(Silver.QUARANTINE) && userNoApp != null) {
      // a line whose app could not be read keeps the user id hashed whenever any app is pseudonymised
      where = where.or(col("app_id").isNull().and(col("user_id").isin(user, userNoApp)));
    }
    return where;
  }

  private static void delete(SparkSession spark, TableSpec t, LakeConfig config, Column where,
      Map<String, String> commit) {
    String path = t.location(config.lake()).value();
    String key = "spark.databricks.delta.commitInfo.userMetadata";
    spark.conf().set(key, DeltaTables.userMetadata(commit));
    try {
      DeltaTable table = DeltaTable.forPath(spark, path);
      table.delete(where);
      Object dv = table.detail().select("properties").first().getMap(0)
          .get("delta.enableDeletionVectors").getOrElse(() -> "false");
      if ("true".equals(dv)) {
        spark.sql("REORG TABLE delta.`" + path.replace("`", "``") + "` APPLY (PURGE)");
      }
    } catch (DeltaConcurrentModificationException e) {
      throw new ConcurrentWriteError(t, where.toString(), e);
    } finally {
      spark.conf().unset(key);
    }
  }

  private static void audit(SparkSession spark, LakeConfig config, IngestSettings settings, Request request,
      String erasureId, int sessions, Map<String, Long> deleted, TreeSet<String> landingFiles,
      Map<String, String> commit) {
    Instant now = Instant.now();
    String salt = request.appId() + "\u0000";
    Row row = RowFactory.create(
        java.sql.Date.valueOf(LocalDate.ofInstant(now, ZoneOffset.UTC)),
        Timestamp.from(now),
        erasureId,
        request.appId(),
        request.userId() == null ? null : settings.hasher().hash(salt + request.userId()),
        request.ucId() == null ? null : settings.hasher().hash(salt + request.ucId()),
        (long) sessions,
        new java.util.HashMap<>(deleted),
        new ArrayList<>(landingFiles));
    DeltaTables.append(spark, Audit.ERASURES, config.lake(),
        spark.createDataFrame(List.of(row), Audit.ERASURES.schema()), commit);
  }
}

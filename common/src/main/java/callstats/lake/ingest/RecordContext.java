package callstats.lake.ingest;

import java.sql.Date;
import java.sql.Timestamp;

/**
 * Who and where a parsed record belongs to: the identity every silver row repeats, the times, and the
 * provenance (landing file, line, content hash).
 */
public record RecordContext(
    Date date,
    String dialect,
    String appId,
    String confId,
    String ucId,
    String userId,
    String deviceId,
    String originId,
    Timestamp clientTs,
    double clientTsMs,
    Timestamp receivedAt,
    double receivedAtMs,
    String sourceFile,
    long lineNumber,
    String recordId) {

  /**
   * Sets the context columns that {@code table} declares (date, ids, dialect, received_at and the
   * provenance columns) in a row of that table; time columns specific to the table are left to the caller.
   */
  public void fill(Object[] row, callstats.lake.table.TableSpec table) {
    put(row, table, "date", date);
    put(row, table, "app_id", appId);
    put(row, table, "conf_id", confId);
    put(row, table, "uc_id", ucId);
    put(row, table, "user_id", userId);
    put(row, table, "device_id", deviceId);
    put(row, table, "origin_id", originId);
    put(row, table, "dialect", dialect);
    put(row, table, "received_at", receivedAt);
    put(row, table, "source_file", sourceFile);
    put(row, table, "line_number", lineNumber);
    put(row, table, "record_id", recordId);
  }

  private static void put(Object[] row, callstats.lake.table.TableSpec table, String column, Object value) {
    int i = table.indexOf(column);
    if (i >= 0) {
      row[i] = value;
    }
  }
}

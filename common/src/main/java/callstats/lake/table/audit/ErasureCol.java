package callstats.lake.table.audit;

import static callstats.lake.table.ColumnInfo.opt;
import static callstats.lake.table.ColumnInfo.req;
import static callstats.lake.table.Types.LONG;
import static callstats.lake.table.Types.STRING;
import static callstats.lake.table.Types.TIMESTAMP;

import callstats.lake.table.ColumnDef;
import callstats.lake.table.ColumnInfo;
import callstats.lake.table.Types;
import org.apache.spark.sql.types.DataTypes;

/**
 * Columns of {@code audit.erasures}: one row per erasure request carried out. It proves what was erased and
 * when without keeping the erased identity: the user id and ucID are stored as keyed hashes only.
 */
public enum ErasureCol implements ColumnDef {
  DATE(req(Types.DATE, "UTC date of the erasure")),
  ERASED_AT(req(TIMESTAMP, "When the erasure committed, UTC")),
  ERASURE_ID(req(STRING, "Id of the erasure (random), named in the commit metadata of every table it changed")),
  APP_ID(req(STRING, "appID the erased user belongs to")),
  USER_ID_HASH(opt(STRING, "Keyed hash (HMAC-SHA256, the lake's hash key) of the erased user id, if erased by user")),
  UC_ID_HASH(opt(STRING, "Keyed hash of the erased ucID, if erased by ucID")),
  SESSIONS(req(LONG, "User sessions (ucIDs) whose rows were erased")),
  ROWS_DELETED(req(DataTypes.createMapType(STRING, LONG, false),
      "Rows deleted per table (<layer>.<table>); tables without any of the user's rows are not listed")),
  LANDING_FILES(req(DataTypes.createArrayType(STRING, false),
      "Landing files that hold the user's raw lines, to delete or rewrite: the lake never changes landing files"));

  private final ColumnInfo info;

  ErasureCol(ColumnInfo info) {
    this.info = info;
  }

  @Override
  public ColumnInfo info() {
    return info;
  }
}

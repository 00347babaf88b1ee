package callstats.lake.table.silver;

import static callstats.lake.table.ColumnInfo.opt;
import static callstats.lake.table.ColumnInfo.req;
import static callstats.lake.table.Types.LONG;
import static callstats.lake.table.Types.STRING;

import callstats.lake.table.ColumnDef;
import callstats.lake.table.ColumnInfo;
import callstats.lake.table.Types;

/** Columns of {@code silver.quarantine}: every landing line that could not be used, with the reason. */
public enum QuarantineCol implements ColumnDef {
  DATE(req(Types.DATE, SilverColumns.DATE)),
  DIALECT(req(STRING, SilverColumns.DIALECT)),
  SOURCE_FILE(req(STRING, SilverColumns.SOURCE_FILE)),
  LINE_NUMBER(req(LONG, "Line number in the file, from 1 (for a file-level problem: the first line not read)")),
  REASON(req(STRING, "Reason code: malformed_json, nesting_too_deep, invalid_utf8, not_an_object, not_an_array, "
      + "unsupported_version, missing_field, "
      + "unknown_path, wrong_type, value_out_of_range, oversized, duplicate, empty_line, unreadable_file, "
      + "truncated_file, decompression_bomb, file_changed, missing_connection_info, unknown_method")),
  DETAIL(req(STRING, "What exactly was wrong, for a human")),
  RAW_LINE(opt(STRING, "The line as landed, capped (see raw_bytes) and with IP addresses masked")),
  RAW_BYTES(req(LONG, "Length of the landed line, bytes")),
  APP_ID(opt(STRING, "appID, if it could be read")),
  CONF_ID(opt(STRING, "confID, if it could be read")),
  UC_ID(opt(STRING, "ucID, if it could be read")),
  SOURCE_PATH(opt(STRING, "Ingest path or rtcstats method, if it could be read")),
  RECORD_ID(opt(STRING, "Content hash, for duplicates: equal to the accepted record's")),
  USER_ID(opt(STRING, "localID, if it could be read (for erasure)"));

  private final ColumnInfo info;

  QuarantineCol(ColumnInfo info) {
    this.info = info;
  }

  @Override
  public ColumnInfo info() {
    return info;
  }
}

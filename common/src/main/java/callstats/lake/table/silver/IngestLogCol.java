package callstats.lake.table.silver;

import static callstats.lake.table.ColumnInfo.opt;
import static callstats.lake.table.ColumnInfo.req;
import static callstats.lake.table.Types.LONG;
import static callstats.lake.table.Types.STRING;

import callstats.lake.table.ColumnDef;
import callstats.lake.table.ColumnInfo;
import callstats.lake.table.Types;

/** Columns of {@code silver.ingest_log}: one row per normalise run and landing file. */
public enum IngestLogCol implements ColumnDef {
  DATE(req(Types.DATE, SilverColumns.DATE)),
  DIALECT(req(STRING, SilverColumns.DIALECT)),
  SOURCE_FILE(req(STRING, SilverColumns.SOURCE_FILE)),
  FILE_BYTES(req(LONG, "Size of the landing file as stored (compressed for .gz), bytes")),
  LINES_READ(req(LONG, "Lines read from the file (for a cut-off file, plus one for the unreadable rest)")),
  LINES_ACCEPTED(req(LONG, "Lines used for silver tables")),
  LINES_QUARANTINED(req(LONG, "Lines written to silver.quarantine (duplicates included); read = accepted + quarantined")),
  LINES_DUPLICATE(req(LONG, "Quarantined lines that duplicate an accepted record")),
  READ_ERROR(opt(STRING, "Why the file could not be read to its end, if it could not")),
  RUN_ID(req(STRING, "Id of the run's input: a hash of the date and the list of files with their sizes, "
      + "equal for re-runs over the same files (the Delta commit history keeps each run's time)"));

  private final ColumnInfo info;

  IngestLogCol(ColumnInfo info) {
    this.info = info;
  }

  @Override
  public ColumnInfo info() {
    return info;
  }
}

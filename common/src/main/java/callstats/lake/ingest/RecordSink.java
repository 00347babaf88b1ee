package callstats.lake.ingest;

import callstats.lake.table.TableSpec;

/** Where parsers put the rows they make: one {@code Object[]} per row, slots in the table's column order. */
@FunctionalInterface
public interface RecordSink {

  void emit(TableSpec table, Object[] row);

  static Object[] newRow(TableSpec table) {
    return new Object[table.width()];
  }
}

package callstats.lake.table.audit;

import callstats.lake.table.TableSpec;
import callstats.lake.table.TableSpec.WriteStrategy;

/** Audit records of what was done to the lake's data (not analytics): the erasures of users. */
public final class Audit {

  public static final String LAYER = "audit";

  public static final TableSpec ERASURES = TableSpec.of(LAYER, "erasures",
      "One row per erasure of a user's (or a session's) rows from the silver and gold tables", ErasureCol.class,
      WriteStrategy.APPEND, "date");

  private Audit() {}
}

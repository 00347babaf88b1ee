package callstats.lake.table;

/**
 * Another job wrote the same part of a table while this one was writing it, and Delta's optimistic
 * concurrency control refused this job's commit (the other one won). Nothing of the refused write is in the
 * table: it holds the other job's rows. Running two jobs of the same date at once is the cause; let the other
 * run finish, then run the date again if its input changed.
 */
public final class ConcurrentWriteError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConcurrentWriteError(TableSpec spec, String condition, Throwable cause) {
    super("another job wrote " + spec.qualifiedName() + " where " + condition + " at the same time and Delta refused"
        + " this job's commit (" + cause.getClass().getSimpleName() + "); nothing of it was committed to that table."
        + " Run one job per date at a time: let the other run finish, then run this date again if needed", cause);
  }
}

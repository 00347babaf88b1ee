package callstats.lake.table.truth;

import static callstats.lake.table.ColumnInfo.opt;
import static callstats.lake.table.ColumnInfo.req;
import static callstats.lake.table.Types.DOUBLE;
import static callstats.lake.table.Types.LONG;
import static callstats.lake.table.Types.STRING;

import callstats.lake.table.ColumnDef;
import callstats.lake.table.ColumnInfo;
import callstats.lake.table.Types;

/** Columns of {@code truth.app_days}: the service-level totals a KPI job must find, per app and simulated date. */
public enum AppDayTruthCol implements ColumnDef {
  DATE(req(Types.DATE, TruthColumns.DATE)),
  APP_ID(req(STRING, TruthColumns.APP_ID)),
  CALLS(req(LONG, "Calls started on the date")),
  CALLS_SUCCESSFUL(req(LONG, "Calls with outcome successful")),
  CALLS_PARTIALLY_FAILED(req(LONG, "Calls with outcome partially_failed")),
  CALLS_FAILED(req(LONG, "Calls with outcome failed")),
  CALLS_DROPPED(req(LONG, "Calls with outcome dropped")),
  CALLS_CROSSING_MIDNIGHT(req(LONG, "Calls that end on a later UTC date")),
  PARTICIPANTS(req(LONG, "Participants (ucIDs) over the calls")),
  DISTINCT_USERS(req(LONG, "Distinct user ids over the calls")),
  PARTICIPANT_MINUTES(req(DOUBLE, "Sum of time_in_call_s / 60 over the participants")),
  CONNECTIONS(req(LONG, "Connections reported")),
  FAILED_CONNECTIONS(req(LONG, "Connections whose setup failed")),
  DROPPED_CONNECTIONS(req(LONG, "Connections that dropped")),
  FEEDBACK_COUNT(req(LONG, "Feedback events")),
  MEAN_RATING(opt(DOUBLE, "Mean overallRating; null without feedback"));

  private final ColumnInfo info;

  AppDayTruthCol(ColumnInfo info) {
    this.info = info;
  }

  @Override
  public ColumnInfo info() {
    return info;
  }
}

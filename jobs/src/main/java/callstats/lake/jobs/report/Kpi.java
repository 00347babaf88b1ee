package callstats.lake.jobs.report;

import static callstats.lake.jobs.report.Direction.HIGHER_IS_BETTER;
import static callstats.lake.jobs.report.Direction.LOWER_IS_BETTER;
import static callstats.lake.jobs.report.Direction.NEUTRAL;

import callstats.lake.table.gold.ServiceCol;
import java.util.List;

/**
 * A headline number of the report: a column of the service tables, how it is shown and which way is better.
 * The value is the column's, never recomputed; {@code key} is the column name, which the page carries in
 * {@code data-kpi} attributes.
 */
public record Kpi(ServiceCol column, String label, Unit unit, Direction direction) {

  public static final List<Kpi> HEADLINE = List.of(
      new Kpi(ServiceCol.CALLS, "Calls", Unit.COUNT, NEUTRAL),
      new Kpi(ServiceCol.SUCCESS_RATE_PCT, "Successful calls", Unit.PERCENT, HIGHER_IS_BETTER),
      new Kpi(ServiceCol.FAILURE_RATE_PCT, "Failed calls", Unit.PERCENT, LOWER_IS_BETTER),
      new Kpi(ServiceCol.DROP_RATE_PCT, "Dropped calls", Unit.PERCENT, LOWER_IS_BETTER),
      new Kpi(ServiceCol.PARTICIPANTS, "Participants (sessions)", Unit.COUNT, NEUTRAL),
      new Kpi(ServiceCol.DISTINCT_USERS, "Distinct users", Unit.COUNT, NEUTRAL),
      new Kpi(ServiceCol.PARTICIPANT_MINUTES, "Participant-minutes", Unit.MINUTES, NEUTRAL),
      new Kpi(ServiceCol.SETUP_P95_MS, "Connection setup, p95", Unit.MS, LOWER_IS_BETTER),
      new Kpi(ServiceCol.AUDIO_GOOD_PCT, "Audio minutes good", Unit.PERCENT, HIGHER_IS_BETTER),
      new Kpi(ServiceCol.AUDIO_POOR_PCT, "Audio minutes poor", Unit.PERCENT, LOWER_IS_BETTER),
      new Kpi(ServiceCol.VIDEO_GOOD_PCT, "Video minutes good", Unit.PERCENT, HIGHER_IS_BETTER),
      new Kpi(ServiceCol.VIDEO_POOR_PCT, "Video minutes poor", Unit.PERCENT, LOWER_IS_BETTER),
      new Kpi(ServiceCol.RTT_P95_MS, "Round-trip time, p95", Unit.MS, LOWER_IS_BETTER),
      new Kpi(ServiceCol.LOSS_P95_PCT, "Packet loss, p95", Unit.PERCENT, LOWER_IS_BETTER),
      new Kpi(ServiceCol.FEEDBACK_MEAN, "User rating, mean", Unit.RATING, HIGHER_IS_BETTER));

  public String key() {
    return column.column();
  }
}

package callstats.lake.jobs.report;

import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Everything the pages of one app show, as collected from the gold tables: a bounded handful of rows.
 *
 * @param app the app id
 * @param days the app's {@code gold.daily_service} rows of the trend window (without sketches)
 * @param week the week to date, rolled up from the daily rows as {@code gold.weekly_service} is; null if none
 * @param previousWeek the same days of the previous week; null if none
 * @param segments the worst segments of the day per dimension ({@link ReportQueries#worstSegments})
 * @param dayIssues issue detail of the day per type ({@link ReportQueries#issueDetail})
 * @param weekIssues issue detail of the week to date per type
 * @param dayCalls the worst calls of the day ({@link ReportQueries#worstCalls})
 * @param weekCalls the worst calls of the week to date
 */
public record AppData(String app, List<Row> days, Row week, Row previousWeek, List<Row> segments, List<Row> dayIssues,
    List<Row> weekIssues, List<Row> dayCalls, List<Row> weekCalls) {}

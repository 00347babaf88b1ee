package callstats.lake.table.gold;

import callstats.lake.table.TableSpec;
import callstats.lake.table.TableSpec.WriteStrategy;
import java.util.List;

/**
 * The gold summaries, written by {@code summarise}: per stream, connection, participant and call, and the
 * issues found. Partitioned by call date; a run upserts the calls it recomputed and removes their stale
 * rows in one MERGE per table, so re-running any date is idempotent.
 */
public final class Gold {

  public static final String LAYER = "gold";

  public static final TableSpec STREAM_SUMMARY = TableSpec.of(LAYER, "stream_summary",
      "Per media stream as one endpoint saw it: volume, loss, jitter, RTT, video and audio quality, score",
      StreamSummaryCol.class, WriteStrategy.MERGE_ENTITIES, "call_date");
  public static final TableSpec CONNECTION_SUMMARY = TableSpec.of(LAYER, "connection_summary",
      "Per peer connection: setup, candidates and relay, ICE disruptions, drops, RTT, totals",
      ConnectionSummaryCol.class, WriteStrategy.MERGE_ENTITIES, "call_date");
  public static final TableSpec PARTICIPANT_SUMMARY = TableSpec.of(LAYER, "participant_summary",
      "Per user session (endpoint) in a call: who, from where, how long, how good it was to them",
      ParticipantSummaryCol.class, WriteStrategy.MERGE_ENTITIES, "call_date");
  public static final TableSpec CALL_SUMMARY = TableSpec.of(LAYER, "call_summary",
      "Per call: when, who, outcome, setup times, participation-weighted quality, issues, feedback",
      CallSummaryCol.class, WriteStrategy.MERGE_ENTITIES, "call_date");
  public static final TableSpec ISSUES = TableSpec.of(LAYER, "issues",
      "Every detected issue with its evidence window, measured value and threshold",
      IssueCol.class, WriteStrategy.MERGE_ENTITIES, "call_date");

  public static final TableSpec DAILY_SERVICE = TableSpec.of(LAYER, "daily_service",
      "Service-level KPIs per app and day: volume, outcomes, setup, relay, quality distribution, network percentiles",
      ServiceCol.class, WriteStrategy.REPLACE_PARTITIONS, "period_start");
  public static final TableSpec WEEKLY_SERVICE = TableSpec.of(LAYER, "weekly_service",
      "daily_service rolled up per ISO week (Monday to Sunday): sums, merged sketches", ServiceCol.class,
      WriteStrategy.REPLACE_PARTITIONS, "period_start");
  public static final TableSpec MONTHLY_SERVICE = TableSpec.of(LAYER, "monthly_service",
      "daily_service rolled up per calendar month: sums, merged sketches", ServiceCol.class,
      WriteStrategy.REPLACE_PARTITIONS, "period_start");
  public static final TableSpec DAILY_BREAKDOWN = TableSpec.of(LAYER, "daily_breakdown",
      "Key measures per app, day and segment (browser, OS, country, ISP, network, relay, ...)", BreakdownCol.class,
      WriteStrategy.REPLACE_PARTITIONS, "day");

  public static final List<TableSpec> AGGREGATES = List.of(DAILY_SERVICE, DAILY_BREAKDOWN, WEEKLY_SERVICE,
      MONTHLY_SERVICE);

  public static final List<TableSpec> SUMMARIES = List.of(STREAM_SUMMARY, CONNECTION_SUMMARY, PARTICIPANT_SUMMARY,
      CALL_SUMMARY, ISSUES);

  private Gold() {}
}

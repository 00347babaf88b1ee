package callstats.lake.table.truth;

import callstats.lake.table.TableSpec;
import callstats.lake.table.TableSpec.WriteStrategy;
import java.util.List;

/**
 * The ground truth of the simulator: what was generated into the landing zone, so that tests of the later jobs
 * can assert against it. Written by {@code simulate} next to (never inside) the landing zone, by default at
 * {@code <lake>/simulator/truth/<name>}, partitioned by the simulated date; a re-run of a date atomically replaces
 * the date's partition of every table. The definitions of every value are in {@code docs/simulator.md}.
 */
public final class Truth {

  public static final String LAYER = "truth";

  public static final TableSpec CALLS = TableSpec.of(LAYER, "calls",
      "One row per simulated call: topology, participants, outcome", CallTruthCol.class,
      WriteStrategy.REPLACE_PARTITIONS, "date");
  public static final TableSpec PARTICIPANTS = TableSpec.of(LAYER, "participants",
      "One row per participant (ucID): endpoint, network, presence, failures, feedback", ParticipantTruthCol.class,
      WriteStrategy.REPLACE_PARTITIONS, "date");
  public static final TableSpec CONNECTIONS = TableSpec.of(LAYER, "connections",
      "One row per peer connection as its participant reports it: setup, candidates, ICE, drop",
      ConnectionTruthCol.class, WriteStrategy.REPLACE_PARTITIONS, "date");
  public static final TableSpec STREAMS = TableSpec.of(LAYER, "streams",
      "One row per leg of an RTP stream: counters and quality computed from the generated stats",
      StreamTruthCol.class, WriteStrategy.REPLACE_PARTITIONS, "date");
  public static final TableSpec IMPAIRMENTS = TableSpec.of(LAYER, "impairments",
      "One row per injected impairment episode", ImpairmentTruthCol.class, WriteStrategy.REPLACE_PARTITIONS, "date");
  public static final TableSpec LANDING_LINES = TableSpec.of(LAYER, "landing_lines",
      "Lines written per landing file and ingest path, with the dirt injected", LandingLineTruthCol.class,
      WriteStrategy.REPLACE_PARTITIONS, "date");
  public static final TableSpec LANDING_DAYS = TableSpec.of(LAYER, "landing_days",
      "Lines written and dirt injected per landing date", LandingDayTruthCol.class,
      WriteStrategy.REPLACE_PARTITIONS, "date");
  public static final TableSpec APP_DAYS = TableSpec.of(LAYER, "app_days",
      "Expected service-level totals per app and date", AppDayTruthCol.class, WriteStrategy.REPLACE_PARTITIONS,
      "date");

  /** The tables the generator's tasks produce rows for, in the order the job writes them. */
  public static final List<TableSpec> GENERATED = List.of(CALLS, PARTICIPANTS, CONNECTIONS, STREAMS, IMPAIRMENTS,
      LANDING_LINES);

  /** The tables derived from the generated ones by aggregation. */
  public static final List<TableSpec> DERIVED = List.of(LANDING_DAYS, APP_DAYS);

  public static final List<TableSpec> ALL = List.of(CALLS, PARTICIPANTS, CONNECTIONS, STREAMS, IMPAIRMENTS,
      LANDING_LINES, LANDING_DAYS, APP_DAYS);

  private Truth() {}
}

package callstats.lake.table.gold;

import callstats.lake.table.TableSpec;
import callstats.lake.table.TableSpec.WriteStrategy;
import java.util.List;

/**
 * The rtcstats compatibility view: rtcstats-server's feature set (docs/rtcstats-features.md) as three gold
 * tables, so that teams moving from rtcstats-server find the figures they know, quirks included. The
 * lake's own metrics (silver and the other gold tables) are defined without those quirks.
 *
 * <p>Written by {@code normalise}, not by a gold job: the features are a function of one dump's decoded
 * line stream, in file order, and normalise is the only pass that sees that stream (the silver rows are
 * already cut into per-table records). Computing them there, from the same decoded stream that feeds
 * silver, costs a few map updates per stats report and no second read of the landing files. Like silver,
 * each landing date's partition is replaced atomically ({@code replaceWhere date = D}), so a re-run of a
 * date replaces its features.
 */
public final class RtcstatsFeatureTables {

  public static final String LAYER = "gold";

  public static final TableSpec SESSIONS = TableSpec.of(LAYER, "rtcstats_session_features",
      "rtcstats-server compatible session features, one row per dump and landing date",
      RtcstatsSessionFeatureCol.class, WriteStrategy.REPLACE_PARTITIONS, "date");
  public static final TableSpec CONNECTIONS = TableSpec.of(LAYER, "rtcstats_connection_features",
      "rtcstats-server compatible per-connection features (aggregates.<pc>), one row per peer connection",
      RtcstatsConnectionFeatureCol.class, WriteStrategy.REPLACE_PARTITIONS, "date");
  public static final TableSpec TRACKS = TableSpec.of(LAYER, "rtcstats_track_features",
      "rtcstats-server compatible track features, one row per sender or receiver track",
      RtcstatsTrackFeatureCol.class, WriteStrategy.REPLACE_PARTITIONS, "date");

  /** In the order normalise writes them. */
  public static final List<TableSpec> ALL = List.of(SESSIONS, CONNECTIONS, TRACKS);

  private RtcstatsFeatureTables() {}
}

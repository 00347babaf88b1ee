package callstats.lake.jobs.maintain;

import callstats.lake.config.ConfigError;
import callstats.lake.table.TableSpec;
import callstats.lake.table.silver.Silver;
import com.typesafe.config.Config;
import java.time.LocalDate;
import java.util.Optional;

/**
 * How many days each layer keeps, counted back from the day maintain runs: {@code 0} keeps everything. A date
 * partition older than {@code asOf - days} is expired (deleted); the day {@code asOf - days} itself is kept.
 * Quarantine has its own retention because its raw lines are the lake's least-used and most personal rows;
 * the landing zone its own because it is the source every other layer can be rebuilt from.
 */
public record Retention(int landingDays, int silverDays, int quarantineDays, int goldDays) {

  public static final String SECTION = "retention-days";
  public static final Retention KEEP_EVERYTHING = new Retention(0, 0, 0, 0);

  public Retention {
    check("landing", landingDays);
    check("silver", silverDays);
    check("quarantine", quarantineDays);
    check("gold", goldDays);
  }

  private static void check(String key, int days) {
    if (days < 0) {
      throw new ConfigError(MaintainSettings.SECTION + "." + SECTION + "." + key
          + " must be a number of days (0 keeps everything), cannot be: " + days);
    }
  }

  static Retention from(Config c) {
    return new Retention(c.getInt(SECTION + ".landing"), c.getInt(SECTION + ".silver"),
        c.getInt(SECTION + ".quarantine"), c.getInt(SECTION + ".gold"));
  }

  /** The days a table keeps: quarantine, silver or gold by its layer; 0 for tables no retention applies to. */
  int days(TableSpec table) {
    if (table == Silver.QUARANTINE) {
      return quarantineDays;
    }
    return switch (table.layer()) {
      case "silver" -> silverDays;
      case "gold" -> goldDays;
      default -> 0;
    };
  }

  /** The first day kept when {@code days} are kept as of {@code asOf}; empty when everything is kept. */
  static Optional<LocalDate> firstKept(int days, LocalDate asOf) {
    return days == 0 ? Optional.empty() : Optional.of(asOf.minusDays(days));
  }
}

package callstats.lake.jobs.cli;

import callstats.lake.config.ConfigError;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --date D}, or {@code --from D1 --to D2} for a range of dates processed one after another. */
public final class DateRange {

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The landing date (UTC) to process")
  String date;

  @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First date of a range (with --to)")
  String from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last date of a range, inclusive (with --from)")
  String to;

  /** The dates to process, in order; at least one. */
  public List<LocalDate> dates() {
    if (date != null) {
      if (from != null || to != null) {
        throw new ConfigError("give either --date or --from/--to, not both");
      }
      return List.of(parse("--date", date));
    }
    if (from == null || to == null) {
      throw new ConfigError("a date is required: --date YYYY-MM-DD, or --from YYYY-MM-DD --to YYYY-MM-DD");
    }
    LocalDate a = parse("--from", from);
    LocalDate b = parse("--to", to);
    if (b.isBefore(a)) {
      throw new ConfigError("--to " + to + " is before --from " + from);
    }
    if (a.plusDays(366).isBefore(b)) {
      throw new ConfigError("a range may span at most 366 days, cannot be: " + from + " to " + to);
    }
    List<LocalDate> out = new ArrayList<>();
    for (LocalDate d = a; !d.isAfter(b); d = d.plusDays(1)) {
      out.add(d);
    }
    return out;
  }

  public LocalDate single() {
    List<LocalDate> d = dates();
    if (d.size() != 1) {
      throw new ConfigError("this command takes one --date, not a range");
    }
    return d.get(0);
  }

  static LocalDate parse(String option, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new ConfigError(option + " must be a date as YYYY-MM-DD, cannot be: " + value);
    }
  }
}

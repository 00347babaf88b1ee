package callstats.lake.jobs.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One trend chart of the report as drawing instructions for the page template: axes, ticks, bars, line
 * paths and points, all in SVG user units. Days without a row are shaded as "no data" and break the lines;
 * a value that is absent on a day that has a row breaks the line too. Nothing is ever drawn as a zero that
 * was not a zero in the table. Pure arithmetic on the collected rows; no Spark.
 */
public record TrendChart(String id, String title, String description, String unitLabel, int width, int height,
    Box plot, List<Tick> yTicks, List<Tick> xTicks, List<Rect> noData, List<Rect> bars, List<Line> lines,
    List<Point> points, List<Legend> legend, boolean empty) {

  static final int WIDTH = 520;
  static final int HEIGHT = 236;
  static final Box PLOT = new Box(48, 28, 504, 208);
  private static final DateTimeFormatter TICK_DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

  /** The plot area. */
  public record Box(double left, double top, double right, double bottom) {
    public String x() {
      return n(left);
    }

    public String y() {
      return n(top);
    }

    public String w() {
      return n(right - left);
    }

    public String h() {
      return n(bottom - top);
    }

    public String r() {
      return n(right);
    }

    public String b() {
      return n(bottom);
    }

    /** The lower end of an x tick mark. */
    public String tick() {
      return n(bottom + 4);
    }

    public String cx() {
      return n((left + right) / 2);
    }

    public String cy() {
      return n((top + bottom) / 2);
    }
  }

  /** An axis tick: position (x or y), label. */
  public record Tick(String at, String label) {}

  /** A rectangle with a hover title and a CSS class. */
  public record Rect(String x, String y, String w, String h, String css, String title) {}

  /** A polyline path (with breaks at gaps) of one series. */
  public record Line(String d, String css) {}

  /** A data point of a line series, with its hover title. */
  public record Point(String cx, String cy, String css, String title) {}

  /** A legend entry. */
  public record Legend(String label, String css) {}

  /** A series of one value per day (null where absent), drawn with a CSS class. */
  public record Series(String label, String css, List<Double> values) {}

  /** Bars of one series (calls). */
  public static TrendChart bars(String id, String title, String description, Unit unit, String unitLabel,
      List<LocalDate> days, List<Boolean> present, Series series) {
    Scale y = Scale.of(max(List.of(series)), unit);
    Frame f = new Frame(days, present);
    List<Rect> bars = new ArrayList<>();
    for (int i = 0; i < days.size(); i++) {
      Double v = series.values().get(i);
      if (v != null) {
        double top = y.y(v);
        bars.add(new Rect(n(f.barX(i)), n(top), n(f.barWidth()), n(PLOT.bottom() - top), series.css(),
            f.label(i) + ": " + unit.format(v)));
      }
    }
    return f.chart(id, title, description, unitLabel, y, bars, List.of(), List.of(),
        List.of(new Legend(series.label(), series.css())), series.values().stream().allMatch(v -> v == null));
  }

  /** Lines of one or more series that share a unit. */
  public static TrendChart lines(String id, String title, String description, Unit unit, String unitLabel,
      List<LocalDate> days, List<Boolean> present, List<Series> series) {
    Scale y = Scale.of(max(series), unit);
    Frame f = new Frame(days, present);
    List<Line> lines = new ArrayList<>();
    List<Point> points = new ArrayList<>();
    List<Legend> legend = new ArrayList<>();
    boolean empty = true;
    for (Series s : series) {
      StringBuilder d = new StringBuilder();
      boolean open = false;
      for (int i = 0; i < days.size(); i++) {
        Double v = s.values().get(i);
        if (v == null) {
          open = false;
          continue;
        }
        empty = false;
        String x = n(f.center(i));
        String yy = n(y.y(v));
        d.append(d.length() == 0 ? "" : " ").append(open ? "L" : "M").append(x).append(' ').append(yy);
        open = true;
        points.add(new Point(x, yy, s.css(), f.label(i) + ", " + s.label() + ": " + unit.format(v)));
      }
      lines.add(new Line(d.toString(), s.css()));
      legend.add(new Legend(s.label(), s.css()));
    }
    return f.chart(id, title, description, unitLabel, y, List.of(), lines, points, legend, empty);
  }

  /** Stacked bars of shares that add up to 100 % per day (good, fair, poor minutes). */
  public static TrendChart stacked(String id, String title, String description, List<LocalDate> days,
      List<Boolean> present, List<Series> series) {
    Scale y = Scale.percent();
    Frame f = new Frame(days, present);
    List<Rect> bars = new ArrayList<>();
    boolean empty = true;
    for (int i = 0; i < days.size(); i++) {
      double base = 0;
      for (Series s : series) {
        Double v = s.values().get(i);
        if (v == null || v <= 0) {
          continue;
        }
        empty = false;
        double top = y.y(Math.min(100, base + v));
        bars.add(new Rect(n(f.barX(i)), n(top), n(f.barWidth()), n(y.y(base) - top), s.css(),
            f.label(i) + ", " + s.label() + ": " + Unit.PERCENT.format(v)));
        base += v;
      }
    }
    List<Legend> legend = series.stream().map(s -> new Legend(s.label(), s.css())).toList();
    return f.chart(id, title, description, "% of minutes", y, bars, List.of(), List.of(), legend, empty);
  }

  private static double max(List<Series> series) {
    return series.stream().flatMap(s -> s.values().stream()).filter(v -> v != null).mapToDouble(Double::doubleValue)
        .max().orElse(0);
  }

  static String n(double v) {
    String s = String.format(Locale.ROOT, "%.1f", v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  /** The day slots along x, and what every chart shares: x ticks and no-data shading. */
  private record Frame(List<LocalDate> days, List<Boolean> present) {

    double slot() {
      return (PLOT.right() - PLOT.left()) / days.size();
    }

    double center(int i) {
      return PLOT.left() + (i + 0.5) * slot();
    }

    double barX(int i) {
      return PLOT.left() + i * slot() + slot() * 0.15;
    }

    double barWidth() {
      return slot() * 0.7;
    }

    String label(int i) {
      return days.get(i).format(DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH));
    }

    TrendChart chart(String id, String title, String description, String unitLabel, Scale y, List<Rect> bars,
        List<Line> lines, List<Point> points, List<Legend> legend, boolean empty) {
      List<Tick> xTicks = new ArrayList<>();
      for (int i = days.size() - 1; i >= 0; i -= 7) {
        xTicks.add(0, new Tick(n(center(i)), days.get(i).format(TICK_DAY)));
      }
      List<Rect> noData = new ArrayList<>();
      for (int i = 0; i < days.size(); i++) {
        if (!present.get(i)) {
          noData.add(new Rect(n(PLOT.left() + i * slot()), PLOT.y(), n(slot()), PLOT.h(), "nodata",
              label(i) + ": no data"));
        }
      }
      return new TrendChart(id, title, description, unitLabel, WIDTH, HEIGHT, PLOT, y.ticks(), xTicks, noData, bars,
          lines, points, legend, empty);
    }
  }

  /** A linear y scale from 0 to a round maximum, with 4 to 6 round ticks. */
  record Scale(double top, double step, Unit unit) {

    static Scale of(double max, Unit unit) {
      if (max <= 0) {
        return new Scale(1, 0.25, unit);
      }
      double step = niceStep(max / 4);
      if (unit == Unit.COUNT || unit == Unit.MS) {
        step = Math.max(1, step);
      }
      return new Scale(Math.ceil(max / step - 1e-9) * step, step, unit);
    }

    static Scale percent() {
      return new Scale(100, 25, Unit.PERCENT);
    }

    double y(double v) {
      return PLOT.bottom() - (PLOT.bottom() - PLOT.top()) * v / top;
    }

    List<Tick> ticks() {
      int decimals = Math.max(0, java.math.BigDecimal.valueOf(step).stripTrailingZeros().scale());
      List<Tick> out = new ArrayList<>();
      long count = Math.round(top / step);
      for (long k = 0; k <= count; k++) {
        double v = k * step;
        out.add(new Tick(n(y(v)), Unit.number(v, decimals)));
      }
      return out;
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
      double p = Math.pow(10, Math.floor(Math.log10(raw)));
      for (double m : new double[] {1, 2, 2.5, 5, 10}) {
        if (m * p >= raw - 1e-12) {
          return m * p;
        }
      }
      return 10 * p;
    }
  }
}

package callstats.lake.rtcstats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The reference's aggregate helpers with its exact floating-point order (docs/rtcstats-features.md 1.7): Mean divides
 * each value before adding, PopVar sums in series order, Pct divides before multiplying by 100 and
 * rounds with {@link JsNumbers#round2}. The last bits of these results are pinned by the fixtures.
 */
final class JsMath {

  private JsMath() {}

  /** Running sum of value / n in list order, values coerced as numbers; 0 for an empty list. */
  static double mean(List<JsonNode> values) {
    int n = values.size();
    double sum = 0;
    for (JsonNode v : values) {
      sum += Js.toNumber(v) / n;
    }
    return sum;
  }

  /** Population variance (n in the denominator); 0 for an empty series. Not rounded. */
  static double popVar(double[] series) {
    if (series.length == 0) {
      return 0;
    }
    int n = series.length;
    double sum = 0;
    for (double v : series) {
      sum += v;
    }
    double mean = sum / n;
    double squares = 0;
    for (double v : series) {
      double d = v - mean;
      squares += d * d;
    }
    return squares / n;
  }

  /** PopVar of the successive differences of a series (as numbers); 0 with fewer than 2 values. */
  static double varianceOfIncrements(List<JsonNode> series) {
    if (series.size() < 2) {
      return 0;
    }
    double[] increments = new double[series.size() - 1];
    for (int i = 1; i < series.size(); i++) {
      increments[i - 1] = Js.toNumber(series.get(i)) - Js.toNumber(series.get(i - 1));
    }
    return popVar(increments);
  }

  /** "Pct(part, whole) or 0": R2(part / whole * 100), or 0 when whole is falsy or the result is NaN. */
  static double pctOr0(JsonNode part, JsonNode whole) {
    if (!Js.truthy(whole)) {
      return 0;
    }
    double pct = JsNumbers.round2(Js.toNumber(part) / Js.toNumber(whole) * 100);
    return Double.isNaN(pct) ? 0 : pct;
  }

  /** Loss percentage of a total: Pct or 0, only when the total is truthy and 0 < lost < total; else 0. */
  static double lossPct(JsonNode lost, JsonNode total) {
    if (Js.truthy(total) && Js.greater(lost, Js.num(0)) && Js.less(lost, total)) {
      return pctOr0(lost, total);
    }
    return 0;
  }
}

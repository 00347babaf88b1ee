package callstats.lake.rtcstats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JavaScript number semantics: shortest round-trip text, R2 and string coercion. */
class JsNumbersTest {

  @ParameterizedTest(name = "R2({0}) = {1}")
  @CsvSource({
      "1.005, 1.01",
      "2.675, 2.68",
      "0.125, 0.13",
      "-0.005, 0",
      "-1.005, -1",
      "0.07830853563038372, 0.08",
      "10.778443113772456, 10.78",
      "25.401599999999995, 25.4",
      "0.000001, 0",
      "4.5e-7, NaN",
      "6.519305682666397e-7, NaN",
      "2.5e-3, 0",
      "-2.5, -2.5",
      "1e21, NaN",
      "123.455, 123.46"})
  void r2RoundsHalfUpOnTheShortestDecimalText(double x, double expected) {
    assertThat(Double.valueOf(JsNumbers.round2(x))).isEqualTo(Double.valueOf(expected));
  }

  @Test
  void r2OfNonFiniteIsNaN() {
    assertThat(JsNumbers.round2(Double.NaN)).isNaN();
    assertThat(JsNumbers.round2(Double.POSITIVE_INFINITY)).isNaN();
  }

  @ParameterizedTest(name = "String({0}) = {1}")
  @CsvSource({
      "0.30000000000000004, 0.30000000000000004",
      "2.82879384806159E17, 282879384806159000",
      "1.0E23, 1e+23",
      "2.0E-3, 0.002",
      "1.0E-7, 1e-7",
      "4.9E-324, 5e-324",
      "1.7976931348623157E308, 1.7976931348623157e+308",
      "1.18575755E-316, 1.18575755e-316",
      "123456789012345680000, 123456789012345680000",
      "1.0E21, 1e+21",
      "-1.5, -1.5",
      "100, 100",
      "0.000001, 0.000001"})
  void toJsStringIsTheShortestRoundTripForm(double x, String expected) {
    assertThat(JsNumbers.toJsString(x)).isEqualTo(expected);
  }

  /** Vectors printed by a JavaScript engine: double bits, String(x), String(R2(x)), for 939 values. */
  @Test
  void agreesWithJavaScriptOnRandomAndTrickyValues() throws IOException {
    List<String> mismatches = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        RtcstatsParityTest.resource("js-number-vectors.tsv"), StandardCharsets.UTF_8))) {
      String row;
      while ((row = in.readLine()) != null) {
        String[] cells = row.split("\t");
        double x = Double.longBitsToDouble(Long.parseUnsignedLong(cells[0], 16));
        String text = JsNumbers.toJsString(x);
        String rounded = JsNumbers.toJsString(JsNumbers.round2(x));
        if (!text.equals(cells[1]) || !rounded.equals(cells[2])) {
          mismatches.add(cells[1] + " -> " + text + " / R2 " + cells[2] + " -> " + rounded);
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @ParameterizedTest(name = "Number(\"{0}\") = {1}")
  @CsvSource(delimiter = '|', value = {
      "42|42",
      " 7.5 |7.5",
      "''|0",
      "'   '|0",
      "1e3|1000",
      ".5|0.5",
      "5.|5",
      "0x1F|31",
      "0b101|5",
      "0o17|15",
      "-Infinity|-Infinity",
      "12px|NaN",
      "1,5|NaN",
      "-0x10|NaN",
      "1d|NaN",
      "NaN|NaN"})
  void stringsCoerceAsJavaScriptNumbers(String input, double expected) {
    assertThat(Double.valueOf(JsNumbers.parse(input))).isEqualTo(Double.valueOf(expected));
  }
}

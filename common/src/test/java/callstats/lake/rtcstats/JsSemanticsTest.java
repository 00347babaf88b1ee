package callstats.lake.rtcstats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Truthiness, coercion, comparison and key order as the reference's JavaScript applies them. */
class JsSemanticsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text);
  }

  @Test
  void truthiness() throws Exception {
    assertThat(Js.truthy(null)).isFalse();
    assertThat(Js.truthy(json("null"))).isFalse();
    assertThat(Js.truthy(json("0"))).isFalse();
    assertThat(Js.truthy(json("\"\""))).isFalse();
    assertThat(Js.truthy(json("false"))).isFalse();
    assertThat(Js.truthy(json("\"0\""))).isTrue();
    assertThat(Js.truthy(json("\"false\""))).isTrue();
    assertThat(Js.truthy(json("{}"))).isTrue();
    assertThat(Js.truthy(json("[]"))).isTrue();
  }

  @Test
  void coercionAsNumber() throws Exception {
    assertThat(Js.toNumber(null)).isNaN();
    assertThat(Js.toNumber(json("null"))).isZero();
    assertThat(Js.toNumber(json("true"))).isEqualTo(1);
    assertThat(Js.toNumber(json("\" 12 \""))).isEqualTo(12);
    assertThat(Js.toNumber(json("{}"))).isNaN();
    assertThat(Js.numberOr0(json("\"abc\""))).isZero();
  }

  @Test
  void comparisonIsLexicographicOnlyWhenBothAreStrings() throws Exception {
    assertThat(Js.less(json("\"1080\""), json("\"720\""))).isTrue();
    assertThat(Js.less(json("1080"), json("\"720\""))).isFalse();
    assertThat(Js.greater(json("\"720\""), json("0"))).isTrue();
    assertThat(Js.greater(null, json("0"))).isFalse();
    assertThat(Js.strictEquals(json("\"720\""), json("720"))).isFalse();
    assertThat(Js.strictEquals(json("null"), null)).isFalse();
    assertThat(Js.strictEquals(null, null)).isTrue();
  }

  @Test
  void additionConcatenatesStrings() throws Exception {
    assertThat(Js.add(json("0"), json("\"5\"")).textValue()).isEqualTo("05");
    assertThat(Js.add(json("1"), null).doubleValue()).isNaN();
    assertThat(Js.add(json("1"), json("null")).doubleValue()).isEqualTo(1);
  }

  @Test
  void keysAreStringForms() throws Exception {
    assertThat(Js.key(json("250981789"))).isEqualTo("250981789");
    assertThat(Js.key(json("\"250981789\""))).isEqualTo("250981789");
    assertThat(Js.key(json("null"))).isEqualTo("null");
    assertThat(Js.key(null)).isEqualTo("undefined");
  }

  @Test
  void indexLikeKeysComeFirstAscendingThenInsertionOrder() {
    JsKeyedMap<String> map = new JsKeyedMap<>();
    for (String key : List.of("b", "4294967295", "10", "a", "2", "4294967294", "007", "0")) {
      map.put(key, key);
    }
    assertThat(map.keys()).containsExactly("0", "2", "10", "4294967294", "b", "4294967295", "a", "007");

    map.remove("b");
    map.put("b", "again");
    map.put("a", "replaced");
    assertThat(map.keys()).containsExactly("0", "2", "10", "4294967294", "4294967295", "a", "007", "b");
    assertThat(map.get("a")).isEqualTo("replaced");
  }
}

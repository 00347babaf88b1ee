package callstats.lake.jobs.simulate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.UncheckedIOException;

/**
 * A thin layer over Jackson's {@link JsonGenerator} for writing bodies: short names, doubles rounded to what clients
 * send, and the "numbers as strings" dirt (some SDKs send every number as a string) applied in one place.
 * Unchecked: the generator writes into memory.
 */
final class JsonOut {

  private final JsonGenerator g;
  private boolean numbersAsStrings;

  JsonOut(JsonGenerator g) {
    this.g = g;
  }

  void numbersAsStrings(boolean on) {
    this.numbersAsStrings = on;
  }

  JsonOut num(String name, long v) {
    try {
      if (numbersAsStrings) {
        g.writeStringField(name, Long.toString(v));
      } else {
        g.writeNumberField(name, v);
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A double rounded to {@code decimals} places (as clients do; keeps lines short and deterministic), in plain
   * notation as browsers write it; with 0 decimals, an integer.
   */
  JsonOut num(String name, double v, int decimals) {
    if (decimals == 0) {
      return num(name, Math.round(v));
    }
    double r = round(v, decimals);
    try {
      g.writeFieldName(name);
      double abs = Math.abs(r);
      String text = abs >= 1e7 || (abs < 1e-3 && abs > 0) ? BigDecimal.valueOf(r).stripTrailingZeros().toPlainString() : null;
      if (numbersAsStrings) {
        g.writeString(text != null ? text : Double.toString(r));
      } else if (text != null) {
        g.writeNumber(text);
      } else {
        g.writeNumber(r);
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A DOMHighResTimeStamp: epoch milliseconds with a fraction of thousandths, e.g. 1763632800051.123. */
  JsonOut millis(String name, long ms, int thousandths) {
    String text = ms + "." + (thousandths < 10 ? "00" : thousandths < 100 ? "0" : "") + thousandths;
    try {
      g.writeFieldName(name);
      if (numbersAsStrings) {
        g.writeString(text);
      } else {
        g.writeNumber(text);
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonOut str(String name, String v) {
    try {
      if (v == null) {
        g.writeNullField(name);
      } else {
        g.writeStringField(name, v);
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonOut bool(String name, boolean v) {
    try {
      g.writeBooleanField(name, v);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonOut nul(String name) {
    try {
      g.writeNullField(name);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonOut obj(String name) {
    try {
      g.writeObjectFieldStart(name);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts an object as an array element. */
  JsonOut obj() {
    try {
      g.writeStartObject();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonOut end() {
    try {
      g.writeEndObject();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonOut arr(String name) {
    try {
      g.writeArrayFieldStart(name);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonOut endArr() {
    try {
      g.writeEndArray();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A string as an array element. */
  JsonOut item(String v) {
    try {
      g.writeString(v);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double round(double v, int decimals) {
    double scale = SCALES[decimals];
    return Math.round(v * scale) / scale;
  }

  private static final double[] SCALES = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
}
